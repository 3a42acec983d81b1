import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/db/embedded';

/** Runs `npm start`'s launcher until Next itself fails to start (there is no build where it looks). */
function startProduction(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', '0'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function countUsers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from users');
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

describe('no default accounts', () => {
  it('a production start on an empty database, without MASTHEAD_DEMO_SEED, creates no account at all', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AUTH_SECRET: 'x'.repeat(40),
      NEXT_DIST_DIR: '.next-no-such-build',
      SITE_URL: 'https://news.example.org',
      STRIPE_SECRET_KEY: '',
    };
    delete env.MASTHEAD_DEMO_SEED;
    let url: string;
    let cleanUp: () => Promise<void>;
    const base = process.env.DATABASE_URL!;
    // The tests' embedded database is served at ...?sslmode=disable (db/embedded.ts); else it is the PostgreSQL server.
    const onPostgres = !base.includes('sslmode=disable');
    if (onPostgres) {
      // A fresh database next to the tests' own.
      const name = `masthead_nodefault_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const fresh = new URL(base);
      fresh.pathname = `/${name}`;
      url = fresh.toString();
      env.DATABASE_URL = url;
      cleanUp = async () => {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-nodefault-'));
      delete env.DATABASE_URL;
      env.EMBEDDED_DB_DIR = dir;
      url = '';
      cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    try {
      const run = await startProduction(env);
      // It got as far as starting Next (migrations done, seeding decided), then stopped for want of a build.
      expect(run.output).toContain('migrations applied');
      expect(run.code).not.toBe(0);
      expect(run.output).not.toContain('[seed]');
      if (onPostgres) {
        expect(await countUsers(url)).toBe(0);
      } else {
        const embedded = await startEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR! });
        try {
          expect(await countUsers(embedded.url)).toBe(0);
        } finally {
          await embedded.stop();
        }
      }
    } finally {
      await cleanUp();
    }
  }, 120_000);
});
