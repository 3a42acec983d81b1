import fs from 'node:fs';
import path from 'node:path';

// Finds the app's HTTP surface from the file system at test time: every
// exported server action and every route handler. A new one is covered by the
// access and bad-input tests without anyone editing a list.

const ROOT = process.cwd();
const SOURCE_DIRS = ['app', 'lib', 'db', 'components'];
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const sourceFiles = () => SOURCE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir)));
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** The first statement of the file, past comments and blank lines, is the 'use server' directive. */
function hasUseServerDirective(source: string): boolean {
  const stripped = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^(['"])use server\1;?/.test(stripped);
}

export interface DiscoveredAction {
  /** The exported name, e.g. saveArticleAction. */
  name: string;
  /** The file, relative to the repository. */
  file: string;
  fn: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Every export of every file whose top-level directive is 'use server' (each is a public
 * endpoint in Next.js). Throws when a 'use server' directive sits inside a function
 * (an inline action), which this test could not reach: move it to an actions file.
 */
export async function discoverServerActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  const inline: string[] = [];
  for (const file of sourceFiles()) {
    const source = fs.readFileSync(file, 'utf8');
    if (!/['"]use server['"]/.test(source)) continue;
    if (!hasUseServerDirective(source)) {
      inline.push(relative(file));
      continue;
    }
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') throw new Error(`${relative(file)} exports ${name}, which is not a function: a 'use server' file may export only async functions.`);
      found.push({ name, file: relative(file), fn: value as DiscoveredAction['fn'] });
    }
  }
  if (inline.length > 0) throw new Error(`Inline 'use server' functions cannot be found by the access tests; move them to an actions file: ${inline.join(', ')}`);
  const names = new Set<string>();
  for (const action of found) {
    if (names.has(action.name)) throw new Error(`Two server actions are both called ${action.name}; the rights table is keyed by name.`);
    names.add(action.name);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export interface DiscoveredRoute {
  /** The URL pattern, e.g. /sitemaps/[file] (route groups dropped). */
  route: string;
  /** "GET /sitemaps/[file]": the rights table's key. */
  key: string;
  method: (typeof HTTP_METHODS)[number];
  file: string;
  handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
}

/** Every app/**\/route.ts and each HTTP method it exports. */
export async function discoverRouteHandlers(): Promise<DiscoveredRoute[]> {
  const found: DiscoveredRoute[] = [];
  for (const file of walk(path.join(ROOT, 'app'))) {
    if (!/\/route\.(ts|js)$/.test(file.split(path.sep).join('/'))) continue;
    const rel = relative(file);
    const route =
      '/' +
      rel
        .replace(/^app\//, '')
        .replace(/\/?route\.(ts|js)$/, '')
        .split('/')
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .join('/');
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === 'function') found.push({ route, key: `${method} ${route}`, method, file: rel, handler: mod[method] as DiscoveredRoute['handler'] });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}
