/** `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded database. */
import { loadEnvConfig } from '@next/env';
import { DataDirInUseError } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from './database';

async function main() {
  loadEnvConfig(process.cwd());
  const command = process.argv[2];
  if (command !== 'migrate' && command !== 'seed') {
    console.error('usage: tsx scripts/db.ts migrate|seed');
    process.exit(2);
  }
  const { url, embedded } = await resolveDatabase({ joinRunning: true });
  process.env.DATABASE_URL = url;
  try {
    await runMigrations(url);
    console.log('[db] migrations applied');
    if (command === 'seed') {
      const { seedDemo } = await import('../db/seed');
      await seedDemo((line) => console.log(line));
    }
  } finally {
    const { closeDb } = await import('../db/client');
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
});
