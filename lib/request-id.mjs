// Every request `npm start` serves gets an id (scripts/next-server.mjs): sent back as X-Request-Id,
// handed to the app as the x-request-id request header, and written with every error the app logs
// (instrumentation.ts onRequestError, lib/action.ts), so a reader's or a colleague's report of a
// failure can be matched with its log line.
import { randomUUID } from 'node:crypto';

/** What an id from a proxy of ours may look like: short, printable, nothing a log could misread. */
const VALID = /^[A-Za-z0-9._:@-]{8,128}$/;

/**
 * How many proxies of our own stand in front of the app (TRUSTED_PROXY): 0 (unset) when browsers
 * reach `npm start` directly, 1 behind one load balancer or nginx, and so on. "true" means 1.
 * Plain JavaScript because scripts/next-server.mjs needs it too; lib/throttle/address.ts uses it.
 */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY) {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * The id of this request: the X-Request-Id a proxy of ours (TRUSTED_PROXY) set, when it is a
 * valid one; otherwise a new one. Without TRUSTED_PROXY the header came from the client, who
 * could write anything (or another request's id) there, so it is never believed.
 */
export function requestIdFor(incoming, env = process.env) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (trustedProxyHops(env.TRUSTED_PROXY) > 0 && typeof value === 'string' && VALID.test(value)) return value;
  return randomUUID();
}

/** Sets the id on the request (for the app) and on the response (for the client). */
export function assignRequestId(req, res, env = process.env) {
  const id = requestIdFor(req.headers['x-request-id'], env);
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  return id;
}
