import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// PGlite is PostgreSQL compiled to WebAssembly, running inside this process.
// It has no lock of its own: two processes opening one data folder overwrite
// each other's writes. So exactly one process owns the folder (guarded by a
// lock file naming its pid) and serves it on a loopback port; the app, the
// seed and the tests all connect through `pg`, as they would to PostgreSQL.

export const DEFAULT_DATA_DIR = path.join(process.cwd(), '.data', 'pglite');
const MIN_CONNECTIONS = 20;

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  url: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by another Masthead process (pid ${owner.pid}, serving ${owner.url}).\n` +
        `Only one process may own it: stop that process first, or connect to it with DATABASE_URL=${owner.url}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function lockPath(dataDir: string) {
  return `${dataDir}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owner of a data folder, if a live process holds it. */
export function readEmbeddedOwner(dataDir = DEFAULT_DATA_DIR): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function acquireLock(dataDir: string): number {
  const file = lockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, url: '' }));
      return fd;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readEmbeddedOwnerRaw(file);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataDirInUseError(dataDir, owner);
      // The owner died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

function readEmbeddedOwnerRaw(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    // A lock being written right now: treat it as held by an unknown live owner.
    return { pid: -1, url: 'unknown' };
  }
}

export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  host?: string;
  port?: number;
  maxConnections?: number;
} = {}): Promise<EmbeddedDatabase> {
  const memory = options.dataDir === 'memory://';
  const dataDir = memory ? 'memory://' : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const host = options.host ?? '127.0.0.1';
  const lockFd = memory ? null : acquireLock(dataDir);
  const file = memory ? null : lockPath(dataDir);

  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    if (!memory) fs.mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(memory ? undefined : dataDir);
    server = new PGLiteSocketServer({
      db,
      host,
      port: options.port ?? 0,
      maxConnections: Math.max(options.maxConnections ?? MIN_CONNECTIONS, MIN_CONNECTIONS),
    });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => {});
    if (lockFd !== null && file) {
      fs.closeSync(lockFd);
      fs.rmSync(file, { force: true });
    }
    throw error;
  }

  const port = (server as unknown as { port: number }).port;
  const url = `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`;
  if (lockFd !== null) {
    fs.ftruncateSync(lockFd, 0);
    fs.writeSync(lockFd, JSON.stringify({ pid: process.pid, url }), 0);
  }

  const release = () => {
    if (lockFd === null || !file) return;
    try {
      fs.closeSync(lockFd);
    } catch {}
    const owner = readEmbeddedOwnerRaw(file);
    if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);

  let stopped = false;
  return {
    url,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server!.stop();
      await db!.close();
      release();
      process.removeListener('exit', release);
    },
  };
}
