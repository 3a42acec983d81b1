/**
 * The server the Playwright suite runs against: the production build, started
 * like `npm start`, with the demo newsroom on a database of its own. With
 * DATABASE_URL set (CI), a fresh database is created next to that one, so the
 * integration tests' rows never mix with the demo; otherwise an in-memory
 * embedded database is used.
 */
import { spawn } from 'node:child_process';
import { freshDatabase } from './fresh-database';

async function main() {
  const port = process.argv[2] ?? '3100';
  const env: NodeJS.ProcessEnv = { ...process.env, MASTHEAD_DEMO_SEED: '1', NEXT_TELEMETRY_DISABLED: '1' };
  let drop: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const db = await freshDatabase(process.env.DATABASE_URL, 'e2e');
    env.DATABASE_URL = db.url;
    drop = db.drop;
    console.log(`[e2e] fresh database ${db.name}`);
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
