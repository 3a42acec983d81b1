/**
 * `npm run bench:limits`: the article page against the load limits of issue 7 (item 8):
 *   - 50 connections for 30 seconds: no errors, no timeouts, nothing but 2xx;
 *   - 500 connections for 10 seconds: no 5xx.
 * Starts the existing production build (NEXT_DIST_DIR, default .next) the way `npm start`
 * does, on the embedded database with the demo newsroom, warms the page, runs autocannon,
 * prints the figures and exits non-zero when a limit is broken.
 * Options: --short (5 s and 3 s, for a quick look).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRuns, loadRun, type LimitRun } from './lib/limits';
import { startApp } from './lib/server';

const PORT = Number(process.env.BENCH_PORT ?? 3990);
const ARTICLE = '/articles/harbour-dredging-to-begin-in-march';
const SHORT = process.argv.includes('--short');

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run \`next build\` first (with the same NEXT_DIST_DIR)`);
  const fdLimit = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  console.log(`Masthead load limits — ${new Date().toISOString()}, build ${distDir}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, open files limit ${fdLimit}`);
  if (Number(fdLimit) < 1100) console.warn(`warning: 500 connections need about 1,000 open files (client and server ends); the limit is ${fdLimit} (raise it with ulimit -n)`);

  const app = await startApp(PORT, { NEXT_DIST_DIR: distDir });
  let failed = false;
  try {
    const url = `${app.origin}${ARTICLE}`;
    for (let i = 0; i < 20; i++) {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.headers.get('x-nextjs-cache') === 'HIT') break;
    }
    await loadRun(url, 10, 2); // warm-up, not reported
    const steady = await loadRun(url, 50, SHORT ? 5 : 30);
    const burst = await loadRun(url, 500, SHORT ? 3 : 10);
    console.log(`\n${ARTICLE}\n${formatRuns([steady, burst])}\n`);
    const verdicts: [string, boolean][] = [
      [`50 connections, ${steady.seconds} s: no errors, no timeouts, no non-2xx`, steady.errors === 0 && steady.timeouts === 0 && steady.non2xx === 0],
      [`500 connections, ${burst.seconds} s: no 5xx`, burst.status5xx === 0],
    ];
    for (const [what, held] of verdicts) console.log(`${held ? 'held  ' : 'BROKEN'}  ${what}`);
    failed = verdicts.some(([, held]) => !held);
    writeResults([steady, burst]);
  } finally {
    await app.stop();
  }
  process.exit(failed ? 1 : 0);
}

function writeResults(runs: LimitRun[]) {
  const out = path.join('bench', 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'limits.json'), JSON.stringify({ at: new Date().toISOString(), page: ARTICLE, runs }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
