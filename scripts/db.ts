/** `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded database. */
import { loadEnvConfig } from '@next/env';
import { DataDirInUseError } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from './database';

/** `--scale 100000` (or `--scale=100000`): how many synthetic archive articles to add. */
function scaleArgument(args: string[]): number | null {
  const index = args.findIndex((arg) => arg === '--scale' || arg.startsWith('--scale='));
  if (index < 0) return null;
  const raw = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    console.error('--scale takes a whole number of articles, from 1 to 5,000,000');
    process.exit(2);
  }
  return n;
}

async function main() {
  loadEnvConfig(process.cwd());
  const command = process.argv[2];
  if (command !== 'migrate' && command !== 'seed') {
    console.error('usage: tsx scripts/db.ts migrate | seed [--scale N]');
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
      const scale = scaleArgument(process.argv.slice(3));
      if (scale) {
        const { seedScale } = await import('../db/seed-scale');
        await seedScale(scale, (line) => console.log(line));
      }
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
