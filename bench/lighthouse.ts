/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3 on the article page, on phone (Lighthouse's
 * default: Moto G Power, simulated slow 4G and 4× CPU slowdown) and desktop (`--preset=desktop`),
 * three runs each; prints each run and the median of the performance and accessibility scores and
 * of FCP, LCP, TBT, CLS and Speed Index. The JSON reports go to bench/out/.
 *
 * Builds nothing: starts the existing build (NEXT_DIST_DIR, default .next) on the embedded
 * database with the demo newsroom, on LH_PORT (default 3950). The article is LH_PATH (default the
 * demo's harbour dredging story); LH_RUNS changes the number of runs.
 * Chromium: CHROME_PATH, default /usr/bin/chromium. Lighthouse is run with npx at a pinned version
 * rather than installed with the app: nothing of it ships.
 *
 * Scores are noisy on a shared machine even with simulated throttling (the simulation starts from
 * timings observed on this machine): read the medians, not one run.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startApp } from './lib/server';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const PORT = Number(process.env.LH_PORT ?? 3950);
const PAGE = process.env.LH_PATH ?? '/articles/harbour-dredging-to-begin-in-march';
const RUNS = Number(process.env.LH_RUNS ?? 3);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const OUT = path.join('bench', 'out');

const FORMS = { mobile: [] as string[], desktop: ['--preset=desktop'] };
type Form = keyof typeof FORMS;

interface Run {
  form: Form;
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** Accessibility audits that failed, and performance audits scoring under 0.9, by id. */
  failing: string[];
}

interface LighthouseReport {
  categories: Record<'performance' | 'accessibility', { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
  runtimeError?: { code: string; message: string };
}

function lighthouse(url: string, form: Form, output: string): Promise<void> {
  const args = [
    '-y',
    LIGHTHOUSE,
    url,
    ...FORMS[form],
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    execFile('npx', args, { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 2 ** 20 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`lighthouse failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

function read(file: string, form: Form): Run {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as LighthouseReport;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const failing = [
    ...report.categories.accessibility.auditRefs.filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score === 0).map((ref) => `a11y:${ref.id}`),
    ...report.categories.performance.auditRefs
      .filter((ref) => report.audits[ref.id]?.scoreDisplayMode === 'numeric' || report.audits[ref.id]?.scoreDisplayMode === 'metricSavings')
      .filter((ref) => (report.audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `perf:${ref.id}`),
  ];
  return {
    form,
    performance: Math.round((report.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility.score ?? 0) * 100),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    si: metric('speed-index'),
    failing,
  };
}

/** Every /_next/image address in the page's srcsets, fetched as Chromium asks for images (AVIF first). */
async function warmImages(origin: string, html: string) {
  const urls = new Set<string>();
  for (const [, list] of html.matchAll(/(?:srcset|imagesrcset)="([^"]+)"/gi)) {
    for (const candidate of list.replace(/&amp;/g, '&').split(',')) {
      const src = candidate.trim().split(/\s+/)[0];
      if (src.startsWith('/_next/image')) urls.add(src);
    }
  }
  for (const src of urls) {
    const response = await fetch(origin + src, { headers: { accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8' } });
    await response.arrayBuffer();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const line = (label: string, r: Omit<Run, 'form' | 'failing'>) =>
  `  ${label.padEnd(10)} perf ${String(r.performance).padStart(3)}  a11y ${String(r.accessibility).padStart(3)}   FCP ${(r.fcp / 1000).toFixed(2)} s  LCP ${(r.lcp / 1000).toFixed(2)} s  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}  SI ${(r.si / 1000).toFixed(2)} s`;

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run \`next build\` first (with the same NEXT_DIST_DIR)`);
  console.log(`Lighthouse (${LIGHTHOUSE}, ${CHROME_PATH}) on ${PAGE}, build ${distDir}, ${RUNS} runs per form factor — ${new Date().toISOString()}`);

  const app = await startApp(PORT, { NEXT_DIST_DIR: distDir });
  const runs: Run[] = [];
  try {
    const url = app.origin + PAGE;
    // The first request renders the page and fills the cache, and the image optimiser makes each
    // size of each image once: Lighthouse measures what readers get after that, not a cold start.
    let html = '';
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      html = await response.text();
    }
    await warmImages(app.origin, html);
    for (const form of Object.keys(FORMS) as Form[]) {
      for (let i = 1; i <= RUNS; i++) {
        const file = path.join(OUT, `lighthouse-${form}-${i}.json`);
        await lighthouse(url, form, file);
        const run = read(file, form);
        runs.push(run);
        console.log(line(`${form} ${i}`, run));
      }
    }
  } finally {
    await app.stop();
  }

  const summary: Record<string, unknown> = { at: new Date().toISOString(), page: PAGE, lighthouse: LIGHTHOUSE, runs };
  console.log('\nMedians');
  for (const form of Object.keys(FORMS) as Form[]) {
    const of = runs.filter((r) => r.form === form);
    const m = {
      performance: median(of.map((r) => r.performance)),
      accessibility: median(of.map((r) => r.accessibility)),
      fcp: median(of.map((r) => r.fcp)),
      lcp: median(of.map((r) => r.lcp)),
      tbt: median(of.map((r) => r.tbt)),
      cls: median(of.map((r) => r.cls)),
      si: median(of.map((r) => r.si)),
    };
    summary[form] = m;
    console.log(line(form, m));
    const failing = [...new Set(of.flatMap((r) => r.failing))];
    if (failing.length) console.log(`  ${''.padEnd(10)} below par in some run: ${failing.join(', ')}`);
  }
  fs.writeFileSync(path.join(OUT, 'lighthouse.json'), JSON.stringify(summary, null, 2));
  console.log(`\nreports in ${OUT}/lighthouse-*.json, medians in ${path.join(OUT, 'lighthouse.json')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
