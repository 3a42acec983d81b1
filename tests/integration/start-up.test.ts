import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('starting the app', () => {
  it('npm start refuses to run without AUTH_SECRET and says why', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.AUTH_SECRET;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start'], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Masthead will not start: AUTH_SECRET is not set.');
    expect(result.stderr).toContain('openssl rand -base64 32');
  });

  it('a malformed setting stops the start with the variable named', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: 'x'.repeat(40), DATABASE_URL: 'mysql://nope', NEWSROOM_TIME_ZONE: 'Mars/Olympus' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start'], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(result.stderr).toContain('NEWSROOM_TIME_ZONE: must be an IANA time zone');
  });
});
