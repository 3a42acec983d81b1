/**
 * `npm run db:migrate`, `npm run db:seed` and `npm run admin:create -- --email E --name N`,
 * against DATABASE_URL or the embedded database.
 */
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

function option(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(name.length + 1) : args[index + 1];
}

/** The new admin's name and email, checked as an invitation's are. */
async function adminArguments(args: string[]): Promise<{ name: string; email: string }> {
  const { inviteSchema } = await import('../lib/validation/people');
  const parsed = inviteSchema.pick({ name: true, email: true }).safeParse({ name: option(args, '--name') ?? '', email: option(args, '--email') ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
    console.error('usage: npm run admin:create -- --email editor@example.org --name "Ada Lovelace"');
    process.exit(2);
  }
  return parsed.data;
}

async function createAdminCommand(args: string[]) {
  const input = await adminArguments(args);
  const { createAdmin } = await import('../db/queries/people');
  const result = await createAdmin(input);
  if (!result.ok) {
    console.error(
      result.reason === 'not_admin'
        ? `${input.email} is on the staff but not an admin: an admin can change their role in the dashboard (People).`
        : `${input.email} is deactivated: an admin can reactivate them in the dashboard (People).`,
    );
    process.exitCode = 1;
    return;
  }
  const { siteOrigin } = await import('../lib/site-url');
  console.log(result.created ? `[admin] ${result.user.name} <${result.user.email}> is now an admin.` : `[admin] ${result.user.email} is already an admin: here is a new password link.`);
  console.log(`[admin] Open this link within an hour to choose the password (it works once):\n\n  ${siteOrigin()}/reset-password/${result.token}\n`);
}

async function main() {
  loadEnvConfig(process.cwd());
  const command = process.argv[2];
  if (command !== 'migrate' && command !== 'seed' && command !== 'create-admin') {
    console.error('usage: tsx scripts/db.ts migrate | seed [--scale N] | create-admin --email E --name N');
    process.exit(2);
  }
  const { url, embedded } = await resolveDatabase({ joinRunning: true });
  process.env.DATABASE_URL = url;
  try {
    await runMigrations(url);
    console.log('[db] migrations applied');
    if (command === 'create-admin') await createAdminCommand(process.argv.slice(3));
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
