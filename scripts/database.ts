import { DEFAULT_DATA_DIR, readEmbeddedOwner, startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded';

/**
 * Where a script's database is: DATABASE_URL when set; otherwise the embedded
 * database, reached through the process that owns it if one is running, or
 * started here (and owned by this process) if not.
 */
export async function resolveDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const owner = readEmbeddedOwner(DEFAULT_DATA_DIR);
  if (owner?.url) return { url: owner.url, embedded: null };
  const embedded = await startEmbeddedDatabase({ dataDir: process.env.EMBEDDED_DB_DIR ?? DEFAULT_DATA_DIR, port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
  return { url: embedded.url, embedded };
}
