import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, readEmbeddedOwner, startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';

const started: EmbeddedDatabase[] = [];
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-pglite-'));

afterEach(async () => {
  while (started.length) await started.pop()!.stop();
});

// Starting PGlite on a folder takes seconds, more on a loaded machine.
describe('the embedded database', { timeout: 90_000 }, () => {
  it('serves PostgreSQL over a loopback port to many pg connections at once', async () => {
    const db = await startEmbeddedDatabase({ dataDir: 'memory://' });
    started.push(db);
    expect(db.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\//);
    const pool = new pg.Pool({ connectionString: db.url, max: 20 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => pool.query<{ v: number }>('select $1::int * 2 as v', [i])));
    await pool.end();
    expect(results.map((r) => r.rows[0].v)).toEqual(Array.from({ length: 200 }, (_, i) => i * 2));
  });

  it('keeps concurrent clients apart when one of them fails mid-transaction', async () => {
    const db = await startEmbeddedDatabase({ dataDir: 'memory://' });
    started.push(db);
    const pool = new pg.Pool({ connectionString: db.url, max: 12 });
    await pool.query('create table slugs (slug text primary key)');
    const clash = async () => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('insert into slugs values ($1)', ['same']);
        await client.query('commit');
        return 'inserted';
      } catch (error) {
        await client.query('rollback');
        return (error as { code?: string }).code;
      } finally {
        client.release();
      }
    };
    const reads = () => pool.query<{ n: number }>('select $1::int as n', [7]).then((r) => r.rows[0].n);
    for (let round = 0; round < 5; round++) {
      await pool.query('delete from slugs');
      const results = await Promise.all([clash(), clash(), clash(), reads(), reads(), clash(), reads()]);
      expect(results.filter((r) => r === 'inserted')).toHaveLength(1);
      expect(results.filter((r) => r === '23505')).toHaveLength(3);
      expect(results.filter((r) => r === 7)).toHaveLength(3);
    }
    await pool.end();
  });

  it('refuses a second owner of the same data folder, with a message naming the first', async () => {
    const dir = tempDir();
    const first = await startEmbeddedDatabase({ dataDir: dir });
    started.push(first);
    await expect(startEmbeddedDatabase({ dataDir: dir })).rejects.toThrow(DataDirInUseError);
    expect(readEmbeddedOwner(dir)).toEqual({ pid: process.pid, url: first.url });

    // A second `npm run dev` on the folder stops with the reason and how to connect instead.
    const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dir, AUTH_SECRET: 'x'.repeat(40) };
    delete env.DATABASE_URL;
    const other = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'dev'], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 60_000 });
    expect(other.status).toBe(1);
    expect(other.stderr).toContain(`already in use by another Masthead process (pid ${process.pid}`);
    expect(other.stderr).toContain(first.url);
  });

  it('keeps its data across a restart and releases the folder when stopped', async () => {
    const dir = tempDir();
    const first = await startEmbeddedDatabase({ dataDir: dir });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('create table notes (body text)');
    await client.query("insert into notes values ('kept')");
    await client.end();
    await first.stop();
    expect(readEmbeddedOwner(dir)).toBeNull();

    const second = await startEmbeddedDatabase({ dataDir: dir });
    started.push(second);
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query<{ body: string }>('select body from notes');
    await again.end();
    expect(rows).toEqual([{ body: 'kept' }]);
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2_147_000_000, url: 'postgresql://gone' }));
    const db = await startEmbeddedDatabase({ dataDir: dir });
    started.push(db);
    expect(readEmbeddedOwner(dir)?.pid).toBe(process.pid);
  });
});
