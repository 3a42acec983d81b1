// The cache's storage: entries (pages, route responses, unstable_cache data) and
// one invalidation time per tag. Without REDIS_URL both live in this process;
// with it, in Redis, shared by every app instance.
//
// Entries belong to one build: their keys in Redis carry the build's id, so
// during a rolling deploy an instance never serves a page made by another
// release (whose HTML names that release's script files). Tag times are
// shared by every build: an invalidation reaches old and new alike.
//
// Plain JavaScript because Next.js loads the cache handler (handler.mjs) as is,
// outside its bundles; app code (tags.ts) imports this file too. The two copies
// share one state object on globalThis, so an invalidation made by app code is
// seen by the handler of the same process at once.
//
// The tag store is the source of truth: an entry is a miss when one of its tags
// was invalidated at or after the time the entry's render began. A Redis that
// cannot be reached never throws into a request: reads are misses (the page is
// rendered from the database), writes are dropped, invalidations are kept and
// written as soon as Redis answers again.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const BUILDING = () => process.env.NEXT_PHASE === 'phase-production-build';
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_WAIT_MS = 1000;
/** Entries in Redis expire after a week untouched; tags live on (a few bytes each). */
const ENTRY_TTL_SECONDS = 7 * 86_400;

function settings() {
  return {
    redisUrl: process.env.REDIS_URL || '',
    prefix: process.env.CACHE_PREFIX || 'masthead:',
    localBytes: Number(process.env.CACHE_LOCAL_MAX_MB || 128) * 1024 * 1024,
  };
}

/** @returns {import('./store.d.mts').CacheState} */
export function cacheState() {
  const g = /** @type {any} */ (globalThis);
  g.__mastheadCache ??= {
    entries: new Map(),
    bytes: 0,
    tags: new Map(),
    starts: new Map(),
    routes: new Map(),
    pending: new Map(),
    redis: null,
    connecting: null,
    warnedAt: 0,
  };
  return g.__mastheadCache;
}

export function warn(message) {
  const state = cacheState();
  // One line per ten seconds at most: a Redis outage must not flood the log.
  if (Date.now() - state.warnedAt < 10_000) return;
  state.warnedAt = Date.now();
  console.error(`[cache] ${message}`);
}

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
    }),
  ]);
}

/**
 * Now, in ms since the epoch, on the store's clock. Tag times written by one
 * machine are compared with render times taken on another, so with Redis both
 * are read off Redis's own clock (TIME, measured on connecting and every 30 s):
 * a machine whose clock lags can otherwise keep a page rendered just before an
 * invalidation. Without Redis it is this machine's clock.
 */
export function now() {
  return Date.now() + (cacheState().clockOffset ?? 0);
}

const CLOCK_SYNC_MS = 30_000;

async function syncClock(client) {
  const state = cacheState();
  try {
    const before = Date.now();
    const [seconds, micros] = await withTimeout(client.time(), 'Redis TIME');
    const after = Date.now();
    // Redis read its clock somewhere in the round trip: assume half-way.
    state.clockOffset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - Math.round((before + after) / 2);
    state.clockSyncedAt = after;
  } catch {
    // Keep the last offset; tried again on the next read.
  }
}

/**
 * Names the build whose entries this process reads and writes: the BUILD_ID
 * next to Next's server output (the handler is given that folder). Read once.
 */
export function selectBuildOf(serverDistDir) {
  const state = cacheState();
  if (!serverDistDir || state.buildDir === serverDistDir) return;
  state.buildDir = serverDistDir;
  try {
    state.build = fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    state.build = '';
  }
}

/** An entry's key in Redis: the prefix, the build, then Next's key. */
function redisKey(key) {
  const build = cacheState().build;
  return `${settings().prefix}${build ? `${build}:` : ''}${key}`;
}

/** The Redis client when REDIS_URL is set and it is connected now; else null (local store, or Redis down). */
async function redis() {
  const { redisUrl } = settings();
  if (!redisUrl || BUILDING()) return null;
  const state = cacheState();
  if (!state.connecting) {
    state.connecting = (async () => {
      const { createClient, RESP_TYPES } = await import('redis');
      const client = createClient({
        url: redisUrl,
        // Fail at once while disconnected rather than queueing: a request must never wait for Redis.
        disableOfflineQueue: true,
        socket: { connectTimeout: CONNECT_WAIT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
      });
      client.on('error', (error) => warn(`Redis unavailable (${error?.message || error}); pages are served uncached until it is back`));
      client.on('ready', () => {
        void syncClock(client);
        void flushPending();
      });
      state.redis = client;
      state.buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      await client.connect().catch(() => {});
      return client;
    })();
  }
  // The first callers wait for the first connection (at most CONNECT_WAIT_MS); nobody waits after that.
  if (!state.firstWait) {
    state.firstWait = Promise.race([state.connecting, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref?.())]).then(() => {
      state.firstWaitDone = true;
    });
  }
  if (!state.firstWaitDone) await state.firstWait;
  const client = state.redis?.isReady ? state.redis : null;
  if (client && Date.now() - (state.clockSyncedAt ?? 0) > CLOCK_SYNC_MS) {
    state.clockSyncedAt = Date.now();
    void syncClock(client);
  }
  return client;
}

/** Every tag an entry answers to: its own, those Next lists on a page, and the request's implicit path tags. */
export function entryTags(entry, ctx) {
  const header = entry?.value?.headers?.['x-next-cache-tags'];
  return [...new Set([...(entry?.tags ?? []), ...(typeof header === 'string' && header ? header.split(',') : []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
}

/** Invalidations Redis did not take while it was down, written when it is back (newest time per tag). */
async function flushPending() {
  const state = cacheState();
  if (state.pending.size === 0 || !state.redis?.isReady) return;
  const batch = Object.fromEntries([...state.pending].map(([tag, time]) => [tag, String(time)]));
  state.pending.clear();
  try {
    await withTimeout(writeTagTimes(state.redis, batch), 'Redis HSET');
  } catch (error) {
    for (const [tag, time] of Object.entries(batch)) state.pending.set(tag, Math.max(Number(time), state.pending.get(tag) ?? 0));
    warn(`could not write invalidations to Redis (${error.message}); will retry`);
  }
}

// A tag's time only ever moves forward, even when two instances write at once.
const MAX_SCRIPT = `for i = 1, #ARGV, 2 do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > current then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1`;

function writeTagTimes(client, times) {
  const args = Object.entries(times).flat();
  return client.eval(MAX_SCRIPT, { keys: [`${settings().prefix}tags`], arguments: args });
}

/** Invalidation times (ms since the epoch) of these tags; 0 for a tag never invalidated. Throws when Redis fails. */
export async function tagTimes(tags) {
  const state = cacheState();
  const local = tags.map((tag) => Math.max(state.tags.get(tag) ?? 0, state.pending.get(tag) ?? 0));
  if (tags.length === 0) return [];
  const client = await redis();
  if (!settings().redisUrl) return local;
  if (!client) throw new Error('Redis is not connected');
  const values = await withTimeout(client.hmGet(`${settings().prefix}tags`, tags), 'Redis HMGET');
  // This process's own invalidations count at once, even before Redis has them.
  return values.map((value, i) => Math.max(value ? Number(value) : 0, local[i]));
}

/**
 * Marks these tags invalidated now: every entry carrying one of them, written
 * before now, is a miss from here on, in every instance sharing the store.
 * Never throws; with Redis down, the times are kept and written when it is back.
 */
export async function invalidate(tags, at = now()) {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  const state = cacheState();
  for (const tag of unique) state.tags.set(tag, Math.max(at, state.tags.get(tag) ?? 0));
  if (process.env.CACHE_DEBUG) console.log('[cache] invalidate', unique.join(' '));
  if (!settings().redisUrl) return;
  // Also forget local copies at once; entries in Redis are checked against the tags on every read.
  const client = await redis();
  if (!client) {
    for (const tag of unique) state.pending.set(tag, Math.max(at, state.pending.get(tag) ?? 0));
    warn('Redis unavailable: invalidation kept in this process and written when Redis is back');
    return;
  }
  try {
    await withTimeout(writeTagTimes(client, Object.fromEntries(unique.map((tag) => [tag, String(at)]))), 'Redis HSET');
  } catch (error) {
    for (const tag of unique) state.pending.set(tag, Math.max(at, state.pending.get(tag) ?? 0));
    warn(`could not write invalidations to Redis (${error.message}); will retry`);
  }
}

function entrySize(entry) {
  try {
    return v8.serialize(entry).length;
  } catch {
    return 1024 * 1024;
  }
}

function rememberLocal(key, entry, size) {
  const state = cacheState();
  const limit = settings().localBytes;
  forgetLocal(key);
  if (size > limit / 4) return;
  state.entries.set(key, { entry, size });
  state.bytes += size;
  // Least recently used first (a Map keeps insertion order; reads re-insert).
  for (const [oldest, { size: s }] of state.entries) {
    if (state.bytes <= limit) break;
    state.entries.delete(oldest);
    state.bytes -= s;
  }
}

function forgetLocal(key) {
  const state = cacheState();
  const held = state.entries.get(key);
  if (held) {
    state.entries.delete(key);
    state.bytes -= held.size;
  }
}

/** A stored entry `{ value, lastModified, tags }`, or null. Throws when Redis fails. */
export async function readEntry(key) {
  const state = cacheState();
  const held = state.entries.get(key);
  if (held) {
    state.entries.delete(key);
    state.entries.set(key, held);
    return held.entry;
  }
  if (!settings().redisUrl) return null;
  const client = await redis();
  if (!client) throw new Error('Redis is not connected');
  const raw = await withTimeout(state.buffers.get(redisKey(key)), 'Redis GET');
  if (!raw) return null;
  const entry = v8.deserialize(raw);
  rememberLocal(key, entry, raw.length);
  return entry;
}

/** Stores an entry here, and in Redis when it is used (a Redis failure is logged, never thrown). */
export async function writeEntry(key, entry) {
  if (!settings().redisUrl) {
    rememberLocal(key, entry, entrySize(entry));
    return;
  }
  const raw = v8.serialize(entry);
  rememberLocal(key, entry, raw.length);
  const client = await redis();
  if (!client) return;
  try {
    await withTimeout(client.set(redisKey(key), raw, { expiration: { type: 'EX', value: ENTRY_TTL_SECONDS } }), 'Redis SET');
  } catch (error) {
    warn(`could not store a cache entry in Redis (${error.message})`);
  }
}

export function dropEntry(key) {
  forgetLocal(key);
}

/** Closes the Redis connection (tests, shutdown). */
export async function closeStore() {
  const state = cacheState();
  const client = state.redis;
  state.redis = null;
  state.connecting = null;
  state.firstWait = null;
  state.firstWaitDone = false;
  if (!client) return;
  try {
    await client.close();
  } catch {
    try {
      client.destroy();
    } catch {
      // already closed
    }
  }
}

/** Forgets everything held in this process (tests). */
export function resetLocalStore() {
  const state = cacheState();
  state.entries.clear();
  state.bytes = 0;
  state.tags.clear();
  state.starts.clear();
  state.routes.clear();
  state.pending.clear();
  state.build = '';
  state.buildDir = undefined;
}
