/**
 * `npm run bench:instances`: two app instances sharing one database and one
 * Redis page cache. Every change is made through instance A; the pages that
 * show it are first cached on instance B, then B is polled until it serves
 * the change. Prints the milliseconds per change and page against the
 * one-second target, and exits non-zero if any is over it or never arrives.
 *
 * Then a control run: the same with each instance on its own in-process cache
 * (no REDIS_URL), where B is expected to keep serving what it had.
 *
 * Runs the existing build (`NEXT_DIST_DIR`, default .next). The database:
 * with DATABASE_URL, a fresh database created on that server and dropped at
 * the end; without, instance A's embedded database (in memory), which
 * instance B joins through its loopback URL. REDIS_URL defaults to
 * redis://127.0.0.1:6379; each run uses a CACHE_PREFIX of its own and deletes
 * its keys afterwards. Ports: BENCH_PORT (default 3920) and the next three.
 * Options: --no-control (skip the control run).
 */
import { randomBytes } from 'node:crypto';
import { freshDatabase } from '../scripts/fresh-database';
import { createClient } from 'redis';
import { measurePublishToLive, type LiveResult } from './lib/live';
import { startApp, type RunningApp } from './lib/server';

const TARGET_MS = 1000;
const CONTROL_LIMIT_MS = 3000;
const PORT = Number(process.env.BENCH_PORT ?? 3920);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CONTROL = !process.argv.includes('--no-control');
// The embedded database serves at most 20 connections: two pools of 8 leave room for the bench's own.
const EMBEDDED_POOL = '8';



interface Pair {
  a: RunningApp;
  b: RunningApp;
  databaseUrl: string;
  stop: () => Promise<void>;
}

/** One database, instance A on `port` and B on `port + 1`, both with `env` (the cache settings). */
async function startPair(port: number, env: Record<string, string>): Promise<Pair> {
  const common = {
    ...env,
    // Every instance of one site has the same secret and public origin; pages rendered by one are served by all.
    AUTH_SECRET: randomBytes(32).toString('base64'),
    SITE_URL: `http://localhost:${port + 1}`,
  };
  let drop: (() => Promise<void>) | null = null;
  let a: RunningApp;
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const fresh = await freshDatabase(process.env.DATABASE_URL, 'bench');
    drop = fresh.drop;
    databaseUrl = fresh.url;
    a = await startApp(port, { ...common, DATABASE_URL: databaseUrl });
  } else {
    a = await startApp(port, { ...common, DATABASE_POOL_SIZE: EMBEDDED_POOL });
    databaseUrl = a.databaseUrl;
    if (!databaseUrl) throw new Error('instance A did not print its embedded database URL');
  }
  let b: RunningApp;
  try {
    b = await startApp(port + 1, { ...common, DATABASE_URL: databaseUrl, ...(drop ? {} : { DATABASE_POOL_SIZE: EMBEDDED_POOL }) });
  } catch (error) {
    await a.stop();
    await drop?.();
    throw error;
  }
  return {
    a,
    b,
    databaseUrl,
    async stop() {
      // B first: with the embedded database, A owns it.
      await b.stop();
      await a.stop();
      await drop?.();
    },
  };
}

const describe = (r: LiveResult) => (r.before?.changed ? 'shown before the change' : r.ms === null ? 'never (not within the limit)' : `${r.ms} ms`);

function verdict(r: LiveResult): 'ok' | 'SLOW' | 'FAIL' {
  if (r.before?.changed || r.ms === null) return 'FAIL';
  return r.ms <= TARGET_MS ? 'ok' : 'SLOW';
}

/** Keys under this run's prefix: how many, then deleted. */
async function cleanRedis(prefix: string): Promise<number> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  let count = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length === 0) continue;
      count += keys.length;
      await client.del(keys);
    }
  } finally {
    await client.close();
  }
  return count;
}

async function shared(): Promise<{ results: LiveResult[]; keys: number }> {
  const prefix = `masthead-bench-${Date.now().toString(36)}-${process.pid}:`;
  console.log(`\nShared cache: REDIS_URL=${REDIS_URL}, CACHE_PREFIX=${prefix}`);
  let results: LiveResult[] = [];
  let keys = 0;
  try {
    const pair = await startPair(PORT, { REDIS_URL, CACHE_PREFIX: prefix });
    try {
      console.log(`  instance A ${pair.a.origin} (changes), instance B ${pair.b.origin} (readers), database ${pair.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);
      results = await measurePublishToLive(pair.a.origin, pair.databaseUrl, { readOrigin: pair.b.origin, warm: true });
    } finally {
      await pair.stop();
    }
  } finally {
    keys = await cleanRedis(prefix);
  }
  return { results, keys };
}

async function control(): Promise<LiveResult[]> {
  console.log('\nControl: each instance with its own in-process cache (REDIS_URL unset)');
  const pair = await startPair(PORT + 2, { REDIS_URL: '' });
  try {
    return await measurePublishToLive(pair.a.origin, pair.databaseUrl, { readOrigin: pair.b.origin, warm: true, limitMs: CONTROL_LIMIT_MS });
  } finally {
    await pair.stop();
  }
}

async function main() {
  console.log(`Two instances, one cache — ${new Date().toISOString()}, build ${process.env.NEXT_DIST_DIR || '.next'}`);
  console.log(`database: ${process.env.DATABASE_URL ? 'a fresh database on DATABASE_URL’s server' : 'instance A’s embedded PGlite (in memory), joined by B'}`);
  const { results, keys } = await shared();
  console.log(`\nPublish to live on instance B, change made through A (ms from the action’s response; target ${TARGET_MS} ms; polled every 20 ms)`);
  console.log(`  ${'change'.padEnd(38)} ${'page on B'.padEnd(54)} ${'B before'.padEnd(9)} ms`);
  for (const r of results) {
    console.log(`  ${r.change.padEnd(38)} ${r.page.padEnd(54)} ${(r.before?.cache ?? '–').padEnd(9)} ${describe(r).padEnd(28)} ${verdict(r)}`);
  }
  const times = results.flatMap((r) => (r.ms === null || r.before?.changed ? [] : [r.ms])).sort((x, y) => x - y);
  const bad = results.filter((r) => verdict(r) !== 'ok');
  const hits = results.filter((r) => r.before?.cache === 'HIT').length;
  console.log(`\n  ${results.length} page checks; ${hits} were served from B's cache (x-nextjs-cache: HIT) just before the change`);
  if (times.length) console.log(`  median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms; ${bad.length} over ${TARGET_MS} ms or missing`);
  console.log(`  Redis: ${keys} keys under this run's prefix, deleted`);

  if (CONTROL) {
    const local = await control();
    console.log(`\nControl: local caches (B polled for ${CONTROL_LIMIT_MS / 1000} s after each change made through A)`);
    const changes = [...new Set(local.map((r) => r.change))];
    for (const change of changes) {
      const rows = local.filter((r) => r.change === change);
      const seen = rows.filter((r) => r.ms !== null && !r.before?.changed).length;
      const already = rows.filter((r) => r.before?.changed).length;
      const missed = rows.filter((r) => r.ms === null).map((r) => r.page);
      console.log(
        `  control: local caches — ${change}: B served it on ${seen} of ${rows.length} pages` +
          (already ? ` (${already} already showed it: B never saw the change before)` : '') +
          (missed.length ? `; still the old page: ${missed.join(', ')}` : ''),
      );
    }
  }

  if (bad.length) {
    console.error(`\n${bad.length} page(s) on B over ${TARGET_MS} ms or never updated`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
