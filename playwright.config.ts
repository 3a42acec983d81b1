import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Playwright's own Chromium when it is installed, otherwise the system one.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, started the way `npm start` starts it, on a fresh
    // database with the demo newsroom (scripts/e2e-server.ts).
    command: `npx tsx scripts/e2e-server.ts ${PORT}`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM first, so scripts/e2e-server.ts can stop the server and drop its database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-0123456789',
      // As if behind one proxy: a test that exhausts the sign-in throttle sends its own
      // X-Forwarded-For, so the rest of the suite (all from ::1) is not throttled with it.
      TRUSTED_PROXY: '1',
    },
  },
});
