// Network errors (node), and PostgreSQL's own for a server shutting down or refusing
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, class 08 connection exceptions).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

// What `pg` says when a connection breaks or cannot be made in time; these errors carry no code.
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error and is not queryable|Client was closed and is not queryable/i;

/** True when an error means the database could not be reached, rather than a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
    // An AggregateError (a host name with several addresses, all refused) names its parts.
    if (Array.isArray(e.errors) && e.errors.some((part) => isDatabaseUnavailable(part))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** An unreachable database in the network's own words, for the log (a failed query's message would quote its SQL). */
export function unavailableReason(error: unknown): string {
  let e = error as { message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e?.cause && depth < 5; depth++) e = e.cause as typeof e;
  return e?.message ?? String(error);
}
