/**
 * `npm run dev` and `npm start`: prepares everything the app needs, then runs Next.js.
 *  1. AUTH_SECRET: required in production; in development one is made and kept in .data/.
 *  2. The database: DATABASE_URL if set, else the embedded PostgreSQL (PGlite), owned by this process.
 *  3. Migrations, before anything serves. In development (or with MASTHEAD_DEMO_SEED=1), the demo
 *     newsroom on an empty database.
 */
import { spawn } from 'node:child_process';
import { loadEnvConfig } from '@next/env';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataDirInUseError } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { env } from '../lib/env';
import { resolveDatabase } from './database';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: tsx scripts/serve.ts dev|start [next options]');
  process.exit(2);
}
const production = mode === 'start';
// The same .env files Next.js reads, so DATABASE_URL in .env decides here too.
loadEnvConfig(process.cwd(), !production);

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  if (production) {
    console.error(
      '\nMasthead will not start: AUTH_SECRET is not set.\n' +
        'It signs every staff session; without it anyone could forge one. Generate one with\n' +
        '  openssl rand -base64 32\n' +
        'and set it in the environment (or in .env) before `npm start`.\n',
    );
    process.exit(1);
  }
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log('[masthead] created a development AUTH_SECRET in .data/auth-secret');
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

/** Donations without Stripe run in test mode: right for a demo, never for a newsroom that means to take gifts. */
function warnAboutDonations() {
  const bar = '!'.repeat(78);
  if (!process.env.STRIPE_SECRET_KEY) {
    console.warn(
      `\n${bar}\n[masthead] DONATIONS ARE IN TEST MODE: STRIPE_SECRET_KEY is not set.\n` +
        '[masthead] The support page records test gifts and charges no card; no money can be received.\n' +
        '[masthead] Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to take real gifts (README, "Reader support").\n' +
        `${bar}\n`,
    );
  } else if (!process.env.STRIPE_WEBHOOK_SECRET) {
    console.warn(
      `\n${bar}\n[masthead] STRIPE_WEBHOOK_SECRET is not set: Stripe's events cannot be verified, so recurring\n` +
        '[masthead] payments, cancellations and refunds will not be recorded. Add the webhook endpoint\n' +
        `[masthead] <site>/api/stripe/webhook in Stripe and set its signing secret.\n${bar}\n`,
    );
  }
}

async function main() {
  ensureAuthSecret();
  try {
    env();
  } catch (error) {
    console.error(`\n[masthead] ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (production) warnAboutDonations();
  let database: Awaited<ReturnType<typeof resolveDatabase>>;
  try {
    database = await resolveDatabase();
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n[masthead] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { url, embedded } = database;
  process.env.DATABASE_URL = url;
  console.log(embedded ? `[masthead] embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embedded.dataDir)} at ${url}` : `[masthead] database: ${url.replace(/:[^:@/]*@/, ':***@')}`);

  await runMigrations(url);
  console.log('[masthead] migrations applied');
  // Development always has the demo newsroom; production only when asked (the e2e suite does).
  if (!production || process.env.MASTHEAD_DEMO_SEED === '1') {
    const { seedDemo } = await import('../db/seed');
    await seedDemo((line) => console.log(`[masthead] ${line}`));
    const { closeDb } = await import('../db/client');
    await closeDb();
  }

  // Canonical links, feeds and sitemaps need the public origin; locally it is this server.
  if (!process.env.SITE_URL) {
    const args = process.argv.slice(3);
    const flag = args.findIndex((arg) => arg === '-p' || arg === '--port');
    const port = (flag >= 0 ? args[flag + 1] : undefined) ?? process.env.PORT ?? '3000';
    process.env.SITE_URL = `http://localhost:${port}`;
    if (production && process.env.MASTHEAD_DEMO_SEED !== '1') console.warn(`[masthead] SITE_URL is not set: links in feeds and sitemaps will point at ${process.env.SITE_URL}`);
  }

  // Production: Next behind our own HTTP server, which answers cached reader pages from the page cache
  // directly (scripts/next-server.mjs); development: `next dev`.
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const server = production ? [path.join(process.cwd(), 'scripts', 'next-server.mjs')] : [nextBin, 'dev'];
  const child = spawn(process.execPath, [...server, ...process.argv.slice(3)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: production ? 'production' : 'development', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => void stop(code ?? (signal ? 0 : 1)));
}

main().catch((error) => {
  console.error('[masthead] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
