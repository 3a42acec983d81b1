import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const MIGRATION_LOCK = 7_204_113; // any constant: serialises app instances starting together

/** Applies drizzle/ to the database at `url`, once, before the app serves. */
export async function runMigrations(url: string): Promise<void> {
  // One dedicated connection: an advisory lock belongs to the session that took it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
