import pg from 'pg';
import { closeDb, getPool } from '@/db/client';
import { startEmbeddedDatabase } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';

// "No refused call changes a row" is checked over the whole database, so the
// test needs a database nobody else writes to while it runs: Vitest runs test
// files side by side against the shared one (global-setup.ts).

/**
 * Points the app's `db` at a fresh, migrated database of this test file's own: a new
 * database on the PostgreSQL server when the tests run there, else a new in-memory
 * embedded one. Returns the clean-up, which puts the shared database back.
 */
export async function useOwnDatabase(label: string): Promise<() => Promise<void>> {
  const shared = process.env.DATABASE_URL!;
  // The tests' embedded database is served at ...?sslmode=disable (db/embedded.ts).
  const onPostgres = !shared.includes('sslmode=disable');
  await closeDb();
  if (onPostgres) {
    const name = `masthead_${label}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: shared });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const own = new URL(shared);
    own.pathname = `/${name}`;
    await runMigrations(own.toString());
    process.env.DATABASE_URL = own.toString();
    return async () => {
      await closeDb();
      process.env.DATABASE_URL = shared;
      const again = new pg.Client({ connectionString: shared });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await again.end();
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
  await runMigrations(embedded.url);
  process.env.DATABASE_URL = embedded.url;
  return async () => {
    await closeDb();
    process.env.DATABASE_URL = shared;
    await embedded.stop();
  };
}

let tableList: Promise<string[]> | undefined;

/** Every table of the app (schema public), read from the catalogue: a new table is covered without a list. */
export function appTables(): Promise<string[]> {
  tableList ??= getPool()
    .query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
    .then((result) => result.rows.map((row) => row.table_name));
  return tableList;
}

export type Checksum = Record<string, string>;

/** Per table: its row count and an md5 of all its rows, in one query. */
export async function databaseChecksum(): Promise<Checksum> {
  const tables = await appTables();
  const sql = tables
    .map((table) => `select '${table}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '-') as sum from "${table}" x`)
    .join(' union all ');
  const { rows } = await getPool().query<{ t: string; sum: string }>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.sum]));
}

/** The tables whose rows differ between two checksums (empty when nothing changed). */
export function changedTables(before: Checksum, after: Checksum): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
