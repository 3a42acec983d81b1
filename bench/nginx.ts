/**
 * `npm run bench:nginx`: the app behind nginx configured by
 * docs/nginx/masthead.conf (bench/lib/nginx.ts), against the app alone:
 *   - the microcache at work: X-Cache of repeated requests, before and after
 *     its one second, and what is never cached (staff, the dashboard),
 *   - requests per second and latency for the article page direct, through
 *     nginx, and through nginx with the microcache off, at 10 and 50
 *     connections (autocannon; wrk too when installed),
 *   - publish to live as readers behind nginx see it (the change is made on
 *     the app, the pages are read through nginx), with the microcache and,
 *     on a fresh newsroom, without it.
 * Runs the existing build (NEXT_DIST_DIR, default .next) on the embedded
 * database, or DATABASE_URL; REDIS_URL and the rest pass through to the app.
 * Ports: BENCH_PORT (default 3930) for the app, the next two for nginx.
 * Options: --seconds N (per load run, default 10). Without nginx it says so and exits 0.
 */
import { measurePublishToLive, type LiveResult } from './lib/live';
import { autocannonRun, wrkAvailable, wrkRun, type LoadResult } from './lib/load';
import { findNginx, startNginx } from './lib/nginx';
import { startApp } from './lib/server';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1]) || 10;
const PORT = Number(process.env.BENCH_PORT ?? 3930);
const ARTICLE = '/articles/harbour-dredging-to-begin-in-march';
const CONNECTIONS = [10, 50];
const MICROCACHE_MS = 1000;

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function xCache(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  await response.text();
  return `${response.status} ${response.headers.get('x-cache') ?? '(none)'}`;
}

function printLive(title: string, live: LiveResult[]): boolean {
  console.log(`\n${title}`);
  for (const r of live) {
    const ms = r.before?.changed ? 'shown before the change' : r.ms === null ? 'NOT within 15 s' : `${r.ms} ms`;
    console.log(`  ${r.change.padEnd(38)} ${r.page.padEnd(54)} ${ms}`);
  }
  const times = live.flatMap((r) => (r.ms === null || r.before?.changed ? [] : [r.ms])).sort((x, y) => x - y);
  if (times.length) console.log(`  median ${times[Math.floor(times.length / 2)]} ms, max ${times.at(-1)} ms over ${live.length} page checks`);
  return times.length === live.length;
}

async function main() {
  if (!findNginx()) {
    console.log('nginx is not installed (nor NGINX_BIN set): nothing to measure.');
    return;
  }
  console.log(`The app behind nginx (docs/nginx/masthead.conf) — ${new Date().toISOString()}, build ${process.env.NEXT_DIST_DIR || '.next'}`);
  let ok = true;
  const app = await startApp(PORT);
  try {
    const cached = await startNginx(PORT, PORT + 1);
    const passing = await startNginx(PORT, PORT + 2, { microcache: false });
    if (!cached || !passing) throw new Error('nginx vanished');
    try {
      console.log(`app ${app.origin}; nginx ${cached.origin} (microcache), ${passing.origin} (microcache off); configs in ${cached.prefix}, ${passing.prefix}`);
      for (let i = 0; i < 5; i++) await (await fetch(app.origin + ARTICLE)).text();

      console.log('\nMicrocache (X-Cache of the article page through nginx)');
      const seq = [];
      for (let i = 0; i < 3; i++) seq.push(await xCache(cached.origin + ARTICLE));
      for (let i = 0; i < 8; i++) {
        await sleep(250);
        seq.push(await xCache(cached.origin + ARTICLE));
      }
      console.log(`  three requests, then one every 250 ms: ${seq.map((s) => s.replace(/^200 /, '')).join(' ')}`);
      console.log(`  the RSC payload of the same page (RSC: 1), cached apart: ${await xCache(cached.origin + ARTICLE, { RSC: '1' })}`);
      console.log(`  with a staff session cookie: ${await xCache(cached.origin + ARTICLE, { Cookie: 'authjs.session-token=x' })}`);
      console.log(`  /sign-in (never cached): ${await xCache(cached.origin + '/sign-in')}`);
      if (seq.filter((s) => s.endsWith('HIT')).length < 3) {
        console.error('  expected the microcache to serve most of these (HIT): it does not cache the page');
        ok = false;
      }

      const useWrk = wrkAvailable();
      const rows: (LoadResult & { target: string })[] = [];
      for (const connections of CONNECTIONS) {
        for (const [target, origin] of [
          ['direct', app.origin],
          ['nginx, microcache', cached.origin],
          ['nginx, no cache', passing.origin],
        ] as const) {
          rows.push({ target, ...(await autocannonRun(origin + ARTICLE, connections, SECONDS)) });
          if (useWrk) rows.push({ target, ...wrkRun(origin + ARTICLE, connections, SECONDS) });
        }
      }
      console.log(`\nLoad on the article page (${SECONDS} s per run; ${useWrk ? 'autocannon and wrk' : 'autocannon; wrk is not installed'})`);
      console.log('  target              tool        conns   req/s     p50 ms   p99 ms   errors  non-2xx');
      for (const r of rows) {
        console.log(
          `  ${r.target.padEnd(19)} ${r.tool.padEnd(11)} ${String(r.connections).padStart(5)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50, 1).padStart(9)} ${fmt(r.p99, 1).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(8)}`,
        );
      }

      const live = await measurePublishToLive(app.origin, app.databaseUrl, { readOrigin: cached.origin, warm: true });
      ok = printLive(`Publish to live through nginx with the microcache (${MICROCACHE_MS} ms; change made on the app, pages read through nginx; polled every 20 ms)`, live) && ok;
    } finally {
      await cached?.stop();
      await passing?.stop();
    }
  } finally {
    await app.stop();
  }

  // The changes again on a fresh newsroom (the first run published the draft for good), with the microcache off.
  const fresh = await startApp(PORT);
  try {
    const passing = await startNginx(PORT, PORT + 2, { microcache: false });
    try {
      const live = await measurePublishToLive(fresh.origin, fresh.databaseUrl, { readOrigin: passing!.origin, warm: true });
      ok = printLive('Publish to live through nginx with the microcache off (same changes, fresh newsroom)', live) && ok;
    } finally {
      await passing?.stop();
    }
  } finally {
    await fresh.stop();
  }
  if (!ok) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
