import { DEFAULT_DATA_DIR, readEmbeddedOwner, startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded';

/**
 * Where a script's database is: DATABASE_URL when set; otherwise the embedded
 * database in EMBEDDED_DB_DIR (default .data/pglite, or memory:// for a
 * throw-away one), started and owned by this process.
 *
 * `joinRunning` lets a one-off command (seed, migrate) use the embedded server of
 * an app that is already running instead of failing on its lock. A server start
 * never joins: a second owner of the folder is refused with a clear message.
 */
export async function resolveDatabase(options: { joinRunning?: boolean } = {}): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const dataDir = process.env.EMBEDDED_DB_DIR ?? DEFAULT_DATA_DIR;
  if (options.joinRunning && dataDir !== 'memory://') {
    const owner = readEmbeddedOwner(dataDir);
    if (owner?.url) return { url: owner.url, embedded: null };
  }
  const embedded = await startEmbeddedDatabase({ dataDir, port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
  return { url: embedded.url, embedded };
}
