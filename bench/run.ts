/**
 * `npm run bench`: builds and starts Masthead on the embedded database with
 * the demo newsroom, then prints in one run
 *   - requests per second, p50/p99 latency and errors for the article, home
 *     and tag pages at 10 and 50 connections (autocannon; wrk too when installed),
 *     and for the article through Next's own pipeline (without the server's fast path),
 *   - the same for the article's HTML as a static file on a minimal Node
 *     server (this machine's ceiling), and Masthead's share of it,
 *   - publish-to-live times for each kind of change on each page it shows on,
 *   - the server's memory, idle and at its peak under load,
 *   - the article page's JavaScript against its 100 kB budget (bench/js-budget.ts) and its images' sizes.
 * Options: --no-build (reuse the last build), --seconds N (per load run, default 10).
 * Figures are written to bench/out/results.json as well.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleJsBudget, formatJsBudget, type JsBudget } from './js-budget';
import { measurePublishToLive, type LiveResult } from './lib/live';
import { autocannonRun, wrkAvailable, wrkRun, type LoadResult } from './lib/load';
import { sampleMemory, treeRssMb } from './lib/memory';
import { startApp } from './lib/server';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1]) || 10;
const BUILD = !args.includes('--no-build');
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const STATIC_PORT = PORT + 1;
const OUT = path.join('bench', 'out');
const PAGES = { article: '/articles/harbour-dredging-to-begin-in-march', home: '/', tag: '/tags/harbour' };
const CONNECTIONS = [10, 50];

type Row = LoadResult & { target: string };

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

function table(rows: Row[]) {
  const lines = ['target            tool        conns   req/s     p50 ms   p99 ms   errors  non-2xx'];
  for (const r of rows) {
    lines.push(
      `${r.target.padEnd(17)} ${r.tool.padEnd(11)} ${String(r.connections).padStart(5)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50, 1).padStart(9)} ${fmt(r.p99, 1).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(8)}`,
    );
  }
  return lines.join('\n');
}

async function load(target: string, url: string, useWrk: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    rows.push({ target, ...(await autocannonRun(url, connections, SECONDS)) });
    if (useWrk) rows.push({ target, ...wrkRun(url, connections, SECONDS) });
  }
  return rows;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  console.log(`Masthead benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  if (BUILD) {
    console.log('\nbuilding (next build)…');
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }

  const app = await startApp(PORT);
  const useWrk = wrkAvailable();
  const rows: Row[] = [];
  let live: LiveResult[] = [];
  let js: JsBudget | null = null;
  let images = { total: 0, withoutSize: 0 };
  const memory = { idle: 0, peak: 0 };
  try {
    // Warm every page once, so the figures are for a running newsroom, not a cold start.
    for (const page of Object.values(PAGES)) for (let i = 0; i < 20; i++) await (await fetch(app.origin + page)).text();
    memory.idle = treeRssMb(app.process.pid!);

    const sampler = sampleMemory(app.process.pid!);
    for (const [name, page] of Object.entries(PAGES)) rows.push(...(await load(`${name} page`, app.origin + page, useWrk)));
    // The same cached article through Next's own request pipeline: a query string skips the
    // server's fast path (lib/cache/fast-path.mjs), and the page ignores the parameter.
    for (const connections of CONNECTIONS) rows.push({ target: 'article via Next', ...(await autocannonRun(`${app.origin}${PAGES.article}?via=next`, connections, SECONDS)) });
    memory.peak = sampler.stop();

    // The ceiling: the article's own HTML, served as a static file.
    const html = await (await fetch(app.origin + PAGES.article)).text();
    js = articleJsBudget(process.env.NEXT_DIST_DIR || '.next', html);
    const tags = html.match(/<img\b[^>]*>/g) ?? [];
    images = { total: tags.length, withoutSize: tags.filter((t) => !/\swidth="\d+"/.test(t) || !/\sheight="\d+"/.test(t)).length };
    const file = path.join(OUT, 'article.html');
    fs.writeFileSync(file, html);
    const server = spawn(process.execPath, ['bench/static-server.mjs', file, String(STATIC_PORT)], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      rows.push(...(await load('static article', `http://127.0.0.1:${STATIC_PORT}/`, useWrk)));
    } finally {
      server.kill();
    }

    live = await measurePublishToLive(app.origin, app.databaseUrl);
  } finally {
    await app.stop();
  }

  console.log(`\nLoad (${SECONDS} s per run; ${useWrk ? 'autocannon and wrk' : 'autocannon; wrk is not installed'})`);
  console.log(table(rows));
  console.log('\nMasthead article page as a share of the static ceiling (autocannon):');
  for (const connections of CONNECTIONS) {
    const app = rows.find((r) => r.target === 'article page' && r.tool === 'autocannon' && r.connections === connections)!;
    const ceiling = rows.find((r) => r.target === 'static article' && r.tool === 'autocannon' && r.connections === connections)!;
    console.log(`  ${connections} connections: ${fmt(app.rps)} / ${fmt(ceiling.rps)} req/s = ${fmt((100 * app.rps) / ceiling.rps, 1)}%`);
  }
  console.log('\nPublish to live (ms from the action’s response to the change being served; polled every 20 ms)');
  for (const r of live) console.log(`  ${r.change.padEnd(40)} ${r.page.padEnd(58)} ${r.ms === null ? 'NOT within 15 s' : `${r.ms} ms`}`);
  if (js) console.log(`\n${formatJsBudget(js)}`);
  console.log(`Article page images: ${images.total}, of which ${images.withoutSize} without width and height`);
  console.log(`\nServer memory (RSS of the app's process tree): ${memory.idle} MB idle after warm-up, ${memory.peak} MB at peak under load`);

  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, load: rows, live, memory, js, images }, null, 2));
  console.log(`\nwritten to ${path.join(OUT, 'results.json')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
