import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface RunningApp {
  origin: string;
  /** The database the app uses (the embedded one's loopback URL, or DATABASE_URL). */
  databaseUrl: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Starts the production build the way `npm start` does (scripts/serve.ts), on
 * the embedded database in memory with the demo newsroom, unless DATABASE_URL
 * is set. Resolves once the app answers.
 */
export async function startApp(port: number, env: Record<string, string> = {}): Promise<RunningApp> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(port)], {
    env: {
      ...process.env,
      EMBEDDED_DB_DIR: (env.DATABASE_URL ?? process.env.DATABASE_URL) ? undefined : 'memory://',
      MASTHEAD_DEMO_SEED: '1',
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'),
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL ?? '';
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    databaseUrl ||= /at (postgres(?:ql)?:\/\/\S+)/.exec(log)?.[1] ?? '';
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited while starting:\n${log}`);
    try {
      const response = await fetch(`${origin}/sign-in`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer within 120 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    origin,
    databaseUrl,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
