// `npm start`'s web server (scripts/serve.ts starts it in place of `next start`):
// Next.js in production mode behind a plain Node HTTP server, which answers
// cached reader pages straight from the page cache (lib/cache/fast-path.mjs)
// and hands every other request to Next unchanged.
//
// Options as `next start`'s: -p/--port (else PORT, else 3000), -H/--hostname
// (else HOSTNAME, else every interface), --keepAliveTimeout <ms>.
// MASTHEAD_FAST_PATH=0 sends every request through Next.
import http from 'node:http';
import next from 'next';
import { fastPathEnabled, serveFromCache } from '../lib/cache/fast-path.mjs';
import { assignRequestId } from '../lib/request-id.mjs';
import { hstsHeader } from '../lib/security-headers.mjs';

function option(names) {
  const args = process.argv.slice(2);
  const i = args.findIndex((arg) => names.includes(arg));
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
const hostname = option(['-H', '--hostname']) ?? process.env.HOSTNAME ?? undefined;
const keepAliveTimeout = Number(option(['--keepAliveTimeout']) ?? 0);

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`[masthead] not a port: ${option(['-p', '--port']) ?? process.env.PORT}`);
  process.exit(2);
}

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

// The address that connected always ends X-Forwarded-For, so the app (lib/throttle/address.ts)
// never takes an address a client wrote for its own; TRUSTED_PROXY says how many entries before
// the last were written by proxies of ours and may be believed.
function appendPeer(req) {
  const peer = req.socket.remoteAddress;
  if (!peer) return;
  const prior = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
}

// Decided when the server starts, from its own environment (lib/security-headers.mjs), and set
// here so that the fast path and Next send it alike.
const hsts = hstsHeader();

/**
 * A server action posted from another site's page. Next refuses it too, but as a server error
 * (500, "Invalid Server Actions request"); this answers 403 before Next sees it. Without an Origin
 * header (not a browser's cross-site request) the decision stays Next's.
 */
function crossSiteAction(req) {
  if (req.method !== 'POST' || req.headers['next-action'] === undefined) return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const server = http.createServer((req, res) => {
  appendPeer(req);
  assignRequestId(req, res);
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  if (crossSiteAction(req)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' });
    res.end('This form was sent from another site and has been refused.');
    return;
  }
  serveFromCache(req, res).then(
    (served) => {
      if (!served) return handle(req, res);
    },
    () => handle(req, res),
  );
});
if (keepAliveTimeout > 0) server.keepAliveTimeout = keepAliveTimeout;
app.setupWebSocketHandler?.(server);

server.listen(port, hostname, () => {
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
  console.log(`[masthead] ready on http://${shown}:${port}${fastPathEnabled() ? '' : ' (cache fast path off)'}`);
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  // Stop taking connections, let requests in flight finish (at most 10 s), then close Next.
  const force = setTimeout(() => process.exit(0), 10_000);
  force.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections?.();
  });
  await app.close?.().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
