/**
 * How the server logs an error it could not handle: one line that starts with the request's id
 * (x-request-id, set by scripts/next-server.mjs) and the digest Next shows the visitor on the
 * error page, so either finds the line; the stack follows for whoever reads the log. The visitor
 * never sees any of this: error pages show the digest only (app/error.tsx).
 */
export function requestIdOf(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined): string {
  if (!headers) return '-';
  const value = typeof headers.get === 'function' ? (headers as { get(name: string): string | null }).get('x-request-id') : (headers as Record<string, string | string[] | undefined>)['x-request-id'];
  const id = Array.isArray(value) ? value[0] : value;
  return typeof id === 'string' && id ? id : '-';
}

export function errorLine(
  scope: string,
  error: unknown,
  details: { requestId: string; method?: string; path?: string; route?: string; digest?: string },
): string {
  const message = error instanceof Error ? error.message : String(error);
  const where = [details.method, details.path].filter(Boolean).join(' ');
  const parts = [`[${scope}] error request ${details.requestId}`];
  if (where) parts.push(where);
  if (details.route) parts.push(`(${details.route})`);
  if (details.digest) parts.push(`digest ${details.digest}`);
  // One line: a message with newlines (a SQL statement, say) must not split the record.
  return `${parts.join(' ')}: ${message.replace(/\s*\n\s*/g, ' ').slice(0, 1000)}`;
}

export function logError(scope: string, error: unknown, details: Parameters<typeof errorLine>[2]): void {
  const stack = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1).join('\n')}` : '';
  console.error(errorLine(scope, error, details) + stack);
}
