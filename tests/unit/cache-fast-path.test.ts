import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addressOfKey, serveFromCache } from '@/lib/cache/fast-path.mjs';
import MastheadCacheHandler from '@/lib/cache/handler.mjs';
import { closeStore, invalidate, resetLocalStore } from '@/lib/cache/store.mjs';

// The fast path answers a request from the page cache only when Next would
// answer it with that very entry; everything else reaches "Next" (here a
// handler that answers 418, so a test can tell who answered).
const ARTICLE_KEY = '/route-cache/APP_PAGE/1528b815/$/articles/ferry';
const HOME_KEY = '/route-cache/APP_PAGE/0574d05a/$/index';
const FEED_KEY = '/route-cache/APP_ROUTE/fb67a380/$/feed.xml';
const html = `<!DOCTYPE html><html><body><h1>Ferry</h1>${'<p>The late sailing runs on Fridays.</p>'.repeat(60)}</body></html>`;
const page = (body: string, tags: string[], status = 200) => ({
  kind: 'APP_PAGE',
  html: body,
  rscData: Buffer.from('rsc'),
  headers: { 'x-nextjs-stale-time': '300', 'x-next-cache-tags': tags.join(',') },
  status,
});
const cacheControl = { revalidate: 60, expire: 3600 };

let origin = '';
let server: http.Server;
const handler = new MastheadCacheHandler();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void serveFromCache(req, res).then((served) => {
      if (!served) res.writeHead(418).end('next');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  await closeStore();
  resetLocalStore();
  delete process.env.MASTHEAD_FAST_PATH;
  delete process.env.REDIS_URL;
  delete process.env.CACHE_PREFIX;
});

/** The bytes as sent (fetch would decompress them). */
const raw = (path: string, headers: Record<string, string>) =>
  new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
    http
      .get(origin + path, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(origin + path, { method, headers: { 'accept-encoding': 'identity', ...headers } });

describe('the cache fast path', () => {
  it('knows the address of page and route keys, and of nothing else', () => {
    expect(addressOfKey(ARTICLE_KEY)).toBe('/articles/ferry');
    expect(addressOfKey(HOME_KEY)).toBe('/');
    expect(addressOfKey(FEED_KEY)).toBe('/feed.xml');
    expect(addressOfKey('e678610328b64d18370a0b0519059b6739dc8b41005d6d5c42c903b91135e950')).toBeNull();
    expect(addressOfKey('/route-cache/FETCH/abc/$/x')).toBeNull();
  });

  it('serves a stored page with the headers Next sends on a hit', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['_N_T_/layout', 'article:a1']), { cacheControl });
    const response = await get('/articles/ferry');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(html);
    const headers = Object.fromEntries(response.headers);
    expect(headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 's-maxage=60, stale-while-revalidate=3540',
      'x-nextjs-cache': 'HIT',
      'x-nextjs-prerender': '1',
      'x-nextjs-stale-time': '300',
      vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
    });
    expect(headers.etag).toMatch(/^"[0-9a-z]+"$/);
    expect(headers['x-next-cache-tags']).toBeUndefined();
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(html));
  });

  it('serves the home page at / and a route response (a feed) with its own headers', async () => {
    await handler.set(HOME_KEY, page('<html>home</html>', ['home']), { cacheControl });
    await handler.set(
      FEED_KEY,
      { kind: 'APP_ROUTE', status: 200, body: Buffer.from('<rss/>'), headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 's-maxage=60, stale-while-revalidate=3540', 'x-next-cache-tags': 'feeds' } },
      { cacheControl },
    );
    expect(await (await get('/')).text()).toBe('<html>home</html>');
    const feed = await get('/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(feed.headers.get('etag')).toBeNull();
    expect(await feed.text()).toBe('<rss/>');
  });

  it('compresses once with what the client accepts: brotli, then gzip, else none', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    const br = await raw('/articles/ferry', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html);
    const gzip = await raw('/articles/ferry', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.encoding).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(html);
    const plain = await raw('/articles/ferry', { 'accept-encoding': 'identity' });
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
  });

  it('answers HEAD without a body, and a matching If-None-Match with 304', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    const head = await get('/articles/ferry', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const etag = head.headers.get('etag')!;
    const again = await get('/articles/ferry', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('leaves to Next what Next would answer differently', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    // Query strings (?page=N, ?_rsc=), App Router requests, draft mode, other methods, unknown addresses.
    expect((await get('/articles/ferry?page=2')).status).toBe(418);
    expect((await get('/articles/ferry', { rsc: '1' })).status).toBe(418);
    expect((await get('/articles/ferry', { 'next-router-prefetch': '1' })).status).toBe(418);
    expect((await get('/articles/ferry', { 'next-action': 'abc' })).status).toBe(418);
    expect((await get('/articles/ferry', { cookie: '__prerender_bypass=1' })).status).toBe(418);
    expect((await fetch(`${origin}/articles/ferry`, { method: 'POST', body: 'x' })).status).toBe(418);
    expect((await get('/articles/other')).status).toBe(418);
    expect((await get('/articles/ferry/')).status).toBe(418);
    process.env.MASTHEAD_FAST_PATH = '0';
    expect((await get('/articles/ferry')).status).toBe(418);
  });

  it('never serves an entry that is invalidated, past its revalidate time, not a 200, or not revalidated', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['_N_T_/articles/ferry', 'article:a1', 'lists']), { cacheControl });
    expect((await get('/articles/ferry')).status).toBe(200);
    await invalidate(['lists']);
    expect((await get('/articles/ferry')).status).toBe(418);

    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    expect((await get('/articles/ferry')).status).toBe(200);
    // revalidatePath('/', 'layout') reaches pages through their implicit tags.
    await handler.set(ARTICLE_KEY, page(html, ['_N_T_/layout', 'article:a1']), { cacheControl });
    await invalidate(['_N_T_/layout']);
    expect((await get('/articles/ferry')).status).toBe(418);

    const realNow = Date.now;
    try {
      await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
      Date.now = () => realNow() + 61_000;
      expect((await get('/articles/ferry')).status).toBe(418);
    } finally {
      Date.now = realNow;
    }

    await handler.set(ARTICLE_KEY, page('<html>not found</html>', ['article:a1'], 404), { cacheControl });
    expect((await get('/articles/ferry')).status).toBe(418);
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl: { revalidate: 0 } });
    expect((await get('/articles/ferry')).status).toBe(418);
  });

  it('sends a page changed since it was first served as it is now, not as it was', async () => {
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    await raw('/articles/ferry', { 'accept-encoding': 'br' });
    const changed = html.replace('Ferry', 'Ferry timetable');
    await handler.set(ARTICLE_KEY, page(changed, ['article:a1']), { cacheControl });
    const response = await raw('/articles/ferry', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(changed);
  });

  it('with Redis, an invalidation written by another instance stops this one serving its copy at once', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
    process.env.CACHE_PREFIX = `masthead-test-${randomUUID()}:`;
    await handler.set(ARTICLE_KEY, page(html, ['article:a1']), { cacheControl });
    expect((await get('/articles/ferry')).status).toBe(200);
    // Another instance's invalidation: only the shared tag hash changes, never this process's memory.
    const other = createClient({ url: process.env.REDIS_URL });
    await other.connect();
    try {
      await other.hSet(`${process.env.CACHE_PREFIX}tags`, 'article:a1', String(Date.now()));
      expect((await get('/articles/ferry')).status).toBe(418);
    } finally {
      const keys = await other.keys(`${process.env.CACHE_PREFIX}*`);
      if (keys.length) await other.del(keys);
      await other.close();
    }
  });
});
