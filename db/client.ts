import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '../lib/env';
import * as schema from './schema';

// The app has exactly one way to reach its data: `pg` to DATABASE_URL.
// Whether that URL points at PostgreSQL or at the embedded PGlite server is
// decided before the app starts (scripts/serve.ts, tests/helpers/global-setup.ts).
export type Db = NodePgDatabase<typeof schema>;

type Holder = { pool?: pg.Pool; db?: Db };
const holder = globalThis as typeof globalThis & { __masthead?: Holder };
const state: Holder = (holder.__masthead ??= {});

export function getPool(): pg.Pool {
  if (!state.pool) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set. Start Masthead with `npm run dev` or `npm start`, which provide an embedded database, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
    state.pool = new pg.Pool({
      connectionString: url,
      max: env().DATABASE_POOL_SIZE,
      // A database that has gone away must turn into a clear "can't reach the database"
      // answer within seconds, not a hung request: a connection (or a free client from a
      // busy pool) is waited for at most 2.5 s. Unreachable errors are matched by
      // lib/db-errors.ts; the pool opens fresh connections once the database is back.
      connectionTimeoutMillis: 2_500,
      idleTimeoutMillis: 30_000,
      // A server that vanishes without closing the connection (a host down, a cable out)
      // is noticed by TCP keepalives instead of never.
      keepAlive: true,
    });
    // An idle client losing its server must not take the process down.
    state.pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  }
  return state.pool;
}

function getDb(): Db {
  return (state.db ??= drizzle({ client: getPool(), schema }));
}

// Created on first use, so importing this module (e.g. during `next build`)
// never needs a database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = getDb();
    return Reflect.get(instance, property, instance);
  },
});

export async function closeDb(): Promise<void> {
  const pool = state.pool;
  state.pool = undefined;
  state.db = undefined;
  await pool?.end();
}
