// Masthead's Next.js cache handler (next.config.ts `cacheHandler`): one store for
// cached pages, route responses (feeds, sitemaps) and unstable_cache data, in
// this process or, with REDIS_URL, in Redis for every instance (store.mjs).
//
// Why not Next's own: its tag invalidation (revalidateTag) needs a request and
// reaches only the process it runs in. Here an entry is checked against the
// tag store on every read, and anyone may write that store (lib/cache/tags.ts
// invalidateTags: server actions, route handlers, the scheduler's timer).
import { rememberAddress } from './fast-path.mjs';
import { cacheState, dropEntry, entryTags, invalidate, now, readEntry, tagTimes, selectBuildOf, warn, writeEntry } from './store.mjs';

export { entryTags };

const BUILDING = () => process.env.NEXT_PHASE === 'phase-production-build';
const RENDER_LIMIT_MS = 30_000;

export default class MastheadCacheHandler {
  constructor(options) {
    this.options = options;
    // Next makes a handler per request: the build is looked up once per process.
    selectBuildOf(options?.serverDistDir);
  }

  async get(key, ctx) {
    // Nothing made at build time is kept: it may have been made without a database.
    if (BUILDING()) return null;
    const starts = cacheState().starts;
    try {
      const entry = await readEntry(key);
      if (entry) {
        const times = await tagTimes(entryTags(entry, ctx));
        if (!times.some((time) => time >= entry.lastModified)) {
          // Past its revalidate time, Next serves it and renders it again in the background: that render is dated now.
          const revalidate = entry.cacheControl?.revalidate ?? entry.value?.revalidate;
          if (typeof revalidate === 'number' && now() - entry.lastModified > revalidate * 1000 && !((starts.get(key) ?? 0) > entry.lastModified)) {
            starts.set(key, now());
          }
          rememberAddress(key);
          return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
        }
        if (process.env.CACHE_DEBUG) console.log('[cache] invalidated', key);
        dropEntry(key);
      }
    } catch (error) {
      warn(`serving uncached: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A miss: the render that follows is dated now, so an invalidation made while it runs makes its result a miss too.
    if (starts.size > 10_000) starts.clear(); // renders that never stored (errors): forget them
    starts.set(key, now());
    return null;
  }

  async set(key, value, ctx) {
    if (BUILDING()) return;
    const starts = cacheState().starts;
    // Dated from when its render began (see get), so an invalidation made during the render makes it a miss;
    // a start older than any render takes (one that never stored) is ignored.
    const start = starts.get(key);
    const lastModified = start !== undefined && now() - start < RENDER_LIMIT_MS ? start : now();
    starts.delete(key);
    try {
      await writeEntry(key, { value, lastModified, tags: ctx?.tags ?? [], cacheControl: ctx?.cacheControl });
      rememberAddress(key);
    } catch (error) {
      warn(`not stored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async revalidateTag(tags) {
    await invalidate(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
