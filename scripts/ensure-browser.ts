/**
 * Playwright needs a Chromium. Its own download is not reachable everywhere, so
 * the tests use Debian's chromium when Playwright's browser is missing, and this
 * script installs it when neither is there.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function playwrightBrowser(): string | null {
  try {
    const file = chromium.executablePath();
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function main() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return;
  if (playwrightBrowser() || fs.existsSync(SYSTEM_CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const sudo = root ? '' : 'sudo ';
  console.log(`[tests] no Chromium found: installing Debian's chromium (${sudo}apt-get install -y chromium)…`);
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.error('[tests] could not install chromium. Install it yourself (apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
}

main();
