/**
 * The server the Playwright suite runs against: the production build, started
 * like `npm start`, with the demo newsroom on a database of its own. With
 * DATABASE_URL set (CI), a fresh database is created next to that one, so the
 * integration tests' rows never mix with the demo; otherwise an in-memory
 * embedded database is used.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `masthead_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  // Databases left by runs that were killed before they could drop theirs (the name ends in the run's pid).
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'masthead\\_e2e\\_%'`);
  for (const { datname } of rows) {
    const pid = Number(datname.split('_').at(-1));
    if (Number.isInteger(pid) && !running(pid)) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await client.end();
    },
  };
}

async function main() {
  const port = process.argv[2] ?? '3100';
  const env: NodeJS.ProcessEnv = { ...process.env, MASTHEAD_DEMO_SEED: '1', NEXT_TELEMETRY_DISABLED: '1' };
  let drop: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const db = await freshDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = db.url;
    drop = db.drop;
    console.log(`[e2e] fresh database ${new URL(db.url).pathname.slice(1)}`);
  } else {
    env.EMBEDDED_DB_DIR = 'memory://';
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', port], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', async (code) => {
    await drop?.();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error('[e2e] could not start the server:', error);
  process.exit(1);
});
