/**
 * `npm run bench:js`: the JavaScript the article page makes a reader's browser download, file by
 * file (raw, gzip, brotli), against a budget of 100 kB gzip (kB = 1,000 bytes, as `next build`
 * printed sizes before Next.js 16 dropped the column). Exits 1 when over budget.
 *
 * Reads an existing build: the dist dir is NEXT_DIST_DIR (default .next). Which files:
 *
 *   By default, from the build's manifests, exactly as the server decides what to put in the
 *   page's HTML (packages/next/src/server/app-render):
 *     - the bootstrap scripts: `rootMainFiles` of the route's build manifest
 *       (server/app/<route>/build-manifest.json under Turbopack, build-manifest.json under webpack);
 *     - the entry chunks (`entryJSFiles`) of each segment the route renders: the root layout, the
 *       (site) layout and the page, from server/app/<route>/page_client-reference-manifest.js;
 *     - the chunks of the client components those segments use (`clientModules` of the same
 *       manifest): React's Flight client loads them while hydrating, and the server emits a
 *       <script async> for each one it renders.
 *   `polyfillFiles` are <script nomodule>: no browser that runs modules downloads them, so they
 *   are listed but not counted.
 *
 *   With --url URL (a running server's article page) or --html FILE, from that HTML instead: every
 *   <script src> and <link rel=preload|modulepreload as=script> under /_next/static/, plus each
 *   static/chunks/*.js named in the inline RSC payload (chunks of client references that hydration
 *   will load), resolved to files in the dist dir. That is what a browser really fetches, so it is
 *   the authority; the manifest figures are printed beside it, and any file one method finds and
 *   the other does not is named. Chunks that only a later client-side navigation or a prefetch
 *   would load are not the article page's and are not counted either way.
 *
 * gzip is at zlib's default level (what `next start` sends); brotli at quality 11 (what a
 * CDN or nginx with precompressed files would send).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

export const ARTICLE_ROUTE = '/(site)/articles/[slug]/page';
/** 100 kB of gzip-compressed JavaScript. */
export const JS_BUDGET_BYTES = 100_000;

export interface JsFile {
  /** Relative to the dist dir, e.g. static/chunks/0abc.js */
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** Next.js and React (the bootstrap scripts), or the route's own chunks. */
  kind: 'framework' | 'route';
}

export interface JsBudget {
  distDir: string;
  route: string;
  method: 'manifest' | 'html';
  files: JsFile[];
  /** <script nomodule> polyfills: listed, never counted. */
  nomodule: JsFile[];
  total: { raw: number; gzip: number; brotli: number };
  framework: { raw: number; gzip: number; brotli: number };
  budget: number;
  over: boolean;
  /** Only with html: files the HTML loads that the manifests do not name, and the other way round. */
  differences?: { onlyInHtml: string[]; onlyInManifest: string[] };
}

interface ClientReferenceManifest {
  clientModules: Record<string, { chunks: string[] }>;
  entryJSFiles?: Record<string, string[]>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** `/_next/static/chunks/a.js` or `static/chunks/a.js` → `static/chunks/a.js`; ids and other non-files → null. */
function toDistPath(ref: string): string | null {
  const clean = decodeURIComponent(ref.split(/[?#]/)[0]);
  const match = /(?:^|\/_next\/)(static\/.+\.js)$/.exec(clean);
  return match ? match[1] : null;
}

function routeDir(distDir: string, route: string) {
  return path.join(distDir, 'server', 'app', path.dirname(route));
}

function loadClientReferenceManifest(distDir: string, route: string): ClientReferenceManifest {
  const file = path.join(routeDir(distDir, route), `${path.basename(route)}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (NEXT_DIST_DIR=${distDir} next build)`);
  // The file assigns globalThis.__RSC_MANIFEST[route]; run it in a sandbox of its own.
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`${file} has no entry for ${route}`);
  return manifest;
}

/** The layouts along the route and its page, as the manifests name them (without the project prefix). */
function segmentsOf(route: string): string[] {
  const parts = route.split('/').filter(Boolean);
  const leaf = parts.pop()!;
  const segments = ['app/layout'];
  for (let i = 1; i <= parts.length; i++) segments.push(`app/${parts.slice(0, i).join('/')}/layout`);
  segments.push(`app/${[...parts, leaf].join('/')}`);
  return segments;
}

/** Which files the build's manifests say the route loads: bootstrap scripts, then the route's own chunks. */
export function manifestFiles(distDir: string, route = ARTICLE_ROUTE): { framework: string[]; route: string[]; nomodule: string[] } {
  const perRoute = path.join(routeDir(distDir, route), path.basename(route), 'build-manifest.json');
  const build = readJson<{ rootMainFiles: string[]; polyfillFiles: string[] }>(fs.existsSync(perRoute) ? perRoute : path.join(distDir, 'build-manifest.json'));
  const framework = build.rootMainFiles.map(toDistPath).filter((f): f is string => f !== null);

  const manifest = loadClientReferenceManifest(distDir, route);
  const segments = segmentsOf(route);
  const own = new Set<string>();
  for (const [key, files] of Object.entries(manifest.entryJSFiles ?? {})) {
    if (segments.some((segment) => key === segment || key.endsWith(`/${segment}`))) files.forEach((f) => own.add(f));
  }
  for (const { chunks } of Object.values(manifest.clientModules)) chunks.forEach((c) => own.add(c));
  const routeFiles = [...new Set([...own].map(toDistPath))].filter((f): f is string => f !== null && !framework.includes(f));
  return { framework, route: routeFiles, nomodule: build.polyfillFiles.map(toDistPath).filter((f): f is string => f !== null) };
}

/** Which files the served HTML loads (module scripts and preloads; nomodule apart), and the chunks its RSC payload names. */
export function htmlFiles(html: string): { files: string[]; nomodule: string[] } {
  const files = new Set<string>();
  const nomodule = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const src = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    const file = src && toDistPath(src.replace(/&amp;/g, '&'));
    if (!file) continue;
    if (tag.toLowerCase().startsWith('<link') && !/\bas="script"/i.test(tag) && !/rel="modulepreload"/i.test(tag)) continue;
    (/\bnomodule\b/i.test(tag) ? nomodule : files).add(file);
  }
  // The RSC payload escapes slashes only sometimes: static\/chunks\/a.js and static/chunks/a.js alike.
  for (const ref of html.replace(/\\\//g, '/').match(/static\/chunks\/[\w.~-]+\.js/g) ?? []) if (!nomodule.has(ref)) files.add(ref);
  return { files: [...files], nomodule: [...nomodule] };
}

function measure(distDir: string, file: string, kind: JsFile['kind']): JsFile {
  const full = path.join(distDir, file);
  if (!fs.existsSync(full)) throw new Error(`${file} is not in ${distDir}: the HTML is from another build?`);
  const body = fs.readFileSync(full);
  return {
    file,
    kind,
    raw: body.length,
    gzip: zlib.gzipSync(body).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
}

const sum = (files: JsFile[]) => ({
  raw: files.reduce((n, f) => n + f.raw, 0),
  gzip: files.reduce((n, f) => n + f.gzip, 0),
  brotli: files.reduce((n, f) => n + f.brotli, 0),
});

/**
 * The article page's JavaScript in the build at distDir. With html (the served article page),
 * the files that HTML loads; without, the files the build's manifests name for the route.
 */
export function articleJsBudget(distDir: string, html?: string): JsBudget {
  const fromManifest = manifestFiles(distDir);
  let framework = fromManifest.framework;
  let own = fromManifest.route;
  let nomodule = fromManifest.nomodule;
  let differences: JsBudget['differences'];
  if (html !== undefined) {
    const served = htmlFiles(html);
    framework = served.files.filter((f) => fromManifest.framework.includes(f));
    own = served.files.filter((f) => !fromManifest.framework.includes(f));
    nomodule = served.nomodule;
    const named = new Set([...fromManifest.framework, ...fromManifest.route]);
    differences = {
      onlyInHtml: served.files.filter((f) => !named.has(f)),
      onlyInManifest: [...named].filter((f) => !served.files.includes(f)),
    };
  }
  const files = [...framework.map((f) => measure(distDir, f, 'framework')), ...own.map((f) => measure(distDir, f, 'route'))];
  const total = sum(files);
  return {
    distDir,
    route: ARTICLE_ROUTE,
    method: html === undefined ? 'manifest' : 'html',
    files,
    nomodule: nomodule.map((f) => measure(distDir, f, 'framework')),
    total,
    framework: sum(files.filter((f) => f.kind === 'framework')),
    budget: JS_BUDGET_BYTES,
    over: total.gzip > JS_BUDGET_BYTES,
    differences,
  };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);

export function formatJsBudget(result: JsBudget): string {
  const lines = [
    `Article page JavaScript (${result.route}), build ${result.distDir}, from ${result.method === 'html' ? 'the served HTML' : 'the build manifests'}`,
    `  file                                      kind        raw kB  gzip kB  brotli kB`,
  ];
  const row = (f: JsFile) => `  ${f.file.padEnd(41)} ${f.kind.padEnd(9)} ${kb(f.raw)}  ${kb(f.gzip)}  ${kb(f.brotli)}`;
  for (const f of result.files) lines.push(row(f));
  lines.push(`  ${'framework (Next.js, React)'.padEnd(51)} ${kb(result.framework.raw)}  ${kb(result.framework.gzip)}  ${kb(result.framework.brotli)}`);
  lines.push(`  ${'total'.padEnd(51)} ${kb(result.total.raw)}  ${kb(result.total.gzip)}  ${kb(result.total.brotli)}`);
  for (const f of result.nomodule) lines.push(`  not counted (nomodule): ${f.file}, ${kb(f.gzip).trim()} kB gzip`);
  const verdict = result.over ? 'OVER' : 'within';
  lines.push(`  budget: ${kb(result.budget).trim()} kB gzip, ${verdict} (${kb(result.total.gzip).trim()} kB, ${((100 * result.total.gzip) / result.budget).toFixed(0)}%)`);
  if (result.differences) {
    const { onlyInHtml, onlyInManifest } = result.differences;
    if (onlyInHtml.length + onlyInManifest.length === 0) lines.push('  the HTML loads exactly the files the manifests name');
    for (const f of onlyInHtml) lines.push(`  loaded by the HTML, not named by the manifests: ${f}`);
    for (const f of onlyInManifest) lines.push(`  named by the manifests, not loaded by the HTML: ${f}`);
  }
  return lines.join('\n');
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const url = option('--url');
  const htmlFile = option('--html');
  let html: string | undefined;
  if (url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    html = await response.text();
  } else if (htmlFile) {
    html = fs.readFileSync(htmlFile, 'utf8');
  }
  const result = articleJsBudget(distDir, html);
  console.log(formatJsBudget(result));
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.over ? 1 : 0;
}

if (process.argv[1] && /js-budget\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
