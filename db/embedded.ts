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
  // kill(0) or kill(-1) would address whole process groups: only real pids count.
  if (!Number.isInteger(pid) || pid <= 0) return false;
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
      if (owner && (owner.pid === -1 || isAlive(owner.pid))) throw new DataDirInUseError(dataDir, owner);
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
    try {
      // Unreadable: a lock being written this instant (held), or the remains of a crash (stale).
      return Date.now() - fs.statSync(file).mtimeMs < 10_000 ? { pid: -1, url: 'unknown' } : null;
    } catch {
      return null;
    }
  }
}

// ----------------------------------------------------------------------------
// pglite-socket 0.2.17 multiplexes many client connections onto PGlite's one
// session, message by message. Between two messages of one client's extended-
// protocol exchange (Parse, Bind, Execute ... Sync) it may run another
// client's message, which replaces the unnamed statement or, after an error
// (PostgreSQL then skips everything up to Sync), is silently discarded:
// "unnamed prepared statement does not exist" (pglite issue #1046). It also
// stalls for good when PGlite throws. This keeps a client's turn from its
// first extended-protocol message to its Sync (and for a whole transaction, as
// upstream does), and keeps the queue running after an error.
type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};
type QueryQueue = {
  db: PGlite;
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const EXTENDED_PROTOCOL = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
const END_OF_TURN = new Set([0x53, 0x51]); // Sync, simple Query

function keepProtocolTurns(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let turn: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = turn ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message is on its way: it restarts the queue
        const [item] = this.queue.splice(index, 1);
        const type = item.message[0];
        if (EXTENDED_PROTOCOL.has(type)) turn = item.handlerId;
        else if (END_OF_TURN.has(type)) turn = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (turn === handlerId) {
      turn = null;
      void queue.processQueue();
    }
  };
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
    keepProtocolTurns(server);
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
