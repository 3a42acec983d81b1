import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://localhost:3000';
const pages = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-sandbox'] });
for (const [w, h, tag] of [[1440, 1000, 'desk'], [360, 800, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: process.env.DARK ? 'dark' : 'light' });
  const page = await ctx.newPage();
  if (process.env.LOGIN) {
    await page.goto(base + '/sign-in');
    await page.getByLabel('Email').fill(process.env.LOGIN + '@example.com');
    await page.getByLabel('Password').fill('masthead-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
  }
  for (const p of pages) {
    await page.goto(base + p, { waitUntil: 'networkidle' });
    const name = `/tmp/shots/${tag}${p.replace(/[\/?=&]/g, '_') || '_home'}${process.env.DARK ? '-dark' : ''}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL !== '0' });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
