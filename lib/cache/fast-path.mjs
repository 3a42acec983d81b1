// The fast path for cached reader pages (scripts/next-server.mjs): a page or
// route response that Next.js has rendered and stored through our cache
// handler is written straight from that store, without Next's request
// pipeline, when it is certainly what Next would send:
//   - GET or HEAD, no query string, none of the App Router's own request
//     headers (RSC payloads, prefetches, server actions);
//   - the address maps to a stored entry (Next has served it in this process:
//     handler.mjs records the address of every page and route entry);
//   - the entry is a 200, still within its revalidate time, and none of its
//     tags was invalidated at or after its render began (the same test as
//     handler.mjs get()).
// Anything else goes to Next, which renders, revalidates in the background,
// answers 404s and so on. Nothing here decides what a page contains or when it
// is refreshed: it only saves Next's per-request work on a hit (about a
// millisecond of CPU per request, most of the cost of a cached page).
//
// Compressed bodies are made once per entry and kept with it, where Next's own
// server gzips every response again.
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { READER_HEADERS } from '../security-headers.mjs';
import { cacheState, entryTags, now, readEntry, tagTimes } from './store.mjs';

const require = createRequire(import.meta.url);
const { generateETag } = require('next/dist/server/lib/etag');
const { getCacheControlHeader } = require('next/dist/server/lib/cache-control');

/** Request headers with which Next answers something other than the stored document. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';
/** Bodies smaller than this are sent as they are (as Next's compression does). */
const COMPRESS_MIN_BYTES = 1024;
/** The key a cache handler is given for a page or route response: /route-cache/APP_PAGE/<route hash>/$<path>. */
const ROUTE_KEY = /^\/route-cache\/(?:APP_PAGE|APP_ROUTE)\/[^/]+\/\$(\/.*)$/;
const MAX_ROUTES = 50_000;
/** What next.config.ts headers() adds to the same page when Next answers it (304s included). */
const SECURITY_HEADERS = Object.fromEntries(READER_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));

export function fastPathEnabled() {
  return process.env.MASTHEAD_FAST_PATH !== '0';
}

/** The address a page or route entry is served at, or null for any other key. */
export function addressOfKey(key) {
  const match = ROUTE_KEY.exec(key);
  if (!match) return null;
  return match[1] === '/index' ? '/' : match[1];
}

/** Called by the cache handler for every page or route entry it reads or stores. */
export function rememberAddress(key) {
  const address = addressOfKey(key);
  if (!address) return;
  const routes = cacheState().routes;
  if (routes.size >= MAX_ROUTES && !routes.has(address)) routes.clear();
  routes.set(address, key);
}

/** q-values aside, which encodings the client takes ("gzip;q=0" is a refusal). */
function accepts(header, encoding) {
  if (typeof header !== 'string') return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== encoding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** What an entry's response is made of, worked out once per stored entry (kept with the entry's value). */
const prepared = new WeakMap();

function prepare(entry) {
  const value = entry.value;
  const held = prepared.get(value);
  if (held) return held;
  let body;
  const headers = {};
  if (value.kind === 'APP_PAGE') {
    if (typeof value.html !== 'string') return null;
    body = Buffer.from(value.html);
    headers['content-type'] = 'text/html; charset=utf-8';
    headers['x-nextjs-prerender'] = '1';
    headers.etag = generateETag(value.html);
    headers['cache-control'] = getCacheControlHeader(entry.cacheControl);
  } else if (value.kind === 'APP_ROUTE') {
    if (!Buffer.isBuffer(value.body) && !(value.body instanceof Uint8Array)) return null;
    body = Buffer.from(value.body);
  } else {
    return null;
  }
  for (const [name, header] of Object.entries(value.headers ?? {})) {
    if (name === 'x-next-cache-tags' || header === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(header) ? header.join(', ') : String(header);
  }
  headers['cache-control'] ??= getCacheControlHeader(entry.cacheControl);
  headers.vary = VARY;
  headers['x-nextjs-cache'] = 'HIT';
  Object.assign(headers, SECURITY_HEADERS);
  const compressible = body.length >= COMPRESS_MIN_BYTES && /^(text\/|application\/(.*\+)?(xml|json|javascript))/.test(headers['content-type'] ?? '');
  const result = { body, headers, compressible, tags: entryTags(entry), gzip: null, br: null };
  prepared.set(value, result);
  return result;
}

function encodedBody(ready, acceptEncoding) {
  if (!ready.compressible) return { body: ready.body, encoding: null };
  if (accepts(acceptEncoding, 'br')) {
    ready.br ??= zlib.brotliCompressSync(ready.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: ready.body.length } });
    return { body: ready.br, encoding: 'br' };
  }
  if (accepts(acceptEncoding, 'gzip')) {
    ready.gzip ??= zlib.gzipSync(ready.body, { level: 9 });
    return { body: ready.gzip, encoding: 'gzip' };
  }
  return { body: ready.body, encoding: null };
}

/**
 * Answers the request from the cache when it can (see the top of this file).
 * Resolves true when it has answered, false when Next must (nothing written).
 */
export async function serveFromCache(req, res) {
  if (!fastPathEnabled() || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const url = req.url;
  if (!url || url.includes('?') || url.includes('#')) return false;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return false;
  // Draft mode (Next's preview cookie) always renders.
  if (req.headers.cookie?.includes('__prerender_bypass')) return false;
  const key = cacheState().routes.get(url);
  if (!key) return false;
  try {
    const entry = await readEntry(key);
    const value = entry?.value;
    if (!value || (value.status ?? 200) !== 200) return false;
    const revalidate = entry.cacheControl?.revalidate;
    // Past its revalidate time Next serves it once more and renders it again in the background.
    if (typeof revalidate !== 'number' || revalidate <= 0 || now() - entry.lastModified >= revalidate * 1000) return false;
    const ready = prepare(entry);
    if (!ready) return false;
    const times = await tagTimes(ready.tags);
    if (times.some((time) => time >= entry.lastModified)) return false;
    if (res.headersSent || res.writableEnded) return false;

    const etag = ready.headers.etag;
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': ready.headers['cache-control'], vary: VARY, 'x-nextjs-cache': 'HIT', ...SECURITY_HEADERS });
      res.end();
      return true;
    }
    const { body, encoding } = encodedBody(ready, req.headers['accept-encoding']);
    const headers = { ...ready.headers, 'content-length': String(body.length) };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    // A store that cannot answer (Redis down): Next renders, as it would on a miss.
    return false;
  }
}
