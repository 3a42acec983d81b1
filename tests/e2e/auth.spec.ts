import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/demo-staff';
import { DEMO_STAFF, expect, test, uniqueText } from './fixtures';
import { PeoplePage, SetPasswordPage } from './pages/people-page';
import { SignInPage } from './pages/sign-in-page';

test.describe('signing in', () => {
  for (const role of ['writer', 'editor', 'admin'] as const) {
    test(`the demo ${role} signs in and sees the dashboard with their role`, async ({ page, signIn }) => {
      await signIn(role);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(role === 'writer' ? 'Your articles' : 'Articles');
      const header = page.getByRole('banner');
      await expect(header).toContainText(DEMO_STAFF[role].name);
      await expect(header).toContainText(role[0].toUpperCase() + role.slice(1));
    });
  }

  test('a wrong password gets a clear message and no session', async ({ page }) => {
    const signInPage = new SignInPage(page);
    await signInPage.goto();
    await signInPage.signIn(DEMO_STAFF.editor.email, 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText('That email and password do not match an active account.');
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an empty form gets an error at each field', async ({ page }) => {
    const signInPage = new SignInPage(page);
    await signInPage.goto();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('an anonymous visit to /dashboard goes to the sign-in page and back after signing in', async ({ page }) => {
    await page.goto('/dashboard/articles/new');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard%2Farticles%2Fnew/);
    await new SignInPage(page).signIn(DEMO_STAFF.writer.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard\/articles\/new$/);
  });

  test('signing out ends the session', async ({ page, signIn }) => {
    await signIn('editor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

// Each of these comes "through a proxy" from an address of its own (the e2e server trusts one proxy,
// TRUSTED_PROXY=1), so the failures they pile up never throttle the rest of the suite, all from ::1.
// Random per run (a retry gets fresh ones), then counted, so no two tests share an address.
const runBase = 1 + Math.floor(Math.random() * 250);
let nextAddress = 0;
const ownAddress = () => `10.${runBase}.${Math.floor(nextAddress / 250)}.${1 + (nextAddress++ % 250)}`;

test.describe('sign-in throttling and cookies', () => {
  test('after five failures from one address the form says how long to wait, even for the right password; an unknown email is told what a wrong password is', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ownAddress() } });
    const page = await context.newPage();
    const signInPage = new SignInPage(page);
    await signInPage.goto();
    const alert = page.getByRole('alert').filter({ hasText: /./ });
    // A wrong password for a real account, then four made-up addresses: the same answer each time.
    // (The demo accounts are used by the rest of the suite: none of them may reach five failures.)
    for (let i = 0; i < 5; i++) {
      await signInPage.goto();
      await signInPage.signIn(i === 0 ? DEMO_STAFF.admin.email : `nobody-${i}-${runBase}@example.com`, `wrong password ${i}`);
      await expect(alert).toHaveText('That email and password do not match an active account.');
    }
    await signInPage.goto();
    await signInPage.signIn(DEMO_STAFF.editor.email, DEMO_PASSWORD);
    await expect(alert).toHaveText('Too many attempts. Try again in 15 minutes.');
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });

  test('next-auth’s own sign-in endpoint answers 429 with Retry-After while throttled', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': ownAddress() } });
    const csrf = await api.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const attempt = (email: string, password: string) => api.post('/api/auth/callback/credentials', { form: { email, password, csrfToken }, maxRedirects: 0 });
    for (let i = 0; i < 5; i++) {
      const refused = await attempt(`nobody-api-${i}-${runBase}@example.com`, `not it ${i}`);
      expect(refused.status()).toBe(302);
      expect(refused.headers().location).toContain('error=CredentialsSignin');
    }
    // This address is throttled now: the writer's right password is refused too, without being checked.
    const throttled = await attempt(DEMO_STAFF.writer.email, DEMO_PASSWORD);
    expect(throttled.status()).toBe(429);
    const wait = Number(throttled.headers()['retry-after']);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(await throttled.json()).toMatchObject({ message: 'Too many attempts. Try again in 15 minutes.', retryAfterSeconds: wait });
    await api.dispose();
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and Secure when the request came over HTTPS', async ({ playwright, baseURL }) => {
    const sessionCookie = async (headers: Record<string, string>) => {
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': ownAddress(), ...headers } });
      const csrf = await api.get('/api/auth/csrf');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      // The CSRF cookie goes back by hand: a Secure one is not sent over http:// by the client.
      const csrfCookie = csrf
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value.split(';')[0])
        .join('; ');
      const response = await api.post('/api/auth/callback/credentials', {
        form: { email: DEMO_STAFF.writer.email, password: DEMO_PASSWORD, csrfToken },
        headers: { cookie: csrfCookie },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      const setCookies = response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value);
      await api.dispose();
      return setCookies.find((value) => /^(__Secure-)?authjs\.session-token=/.test(value)) ?? '';
    };

    const plain = await sessionCookie({});
    expect(plain).toMatch(/^authjs\.session-token=/);
    expect(plain).toMatch(/;\s*HttpOnly/i);
    expect(plain).toMatch(/;\s*SameSite=Lax/i);
    expect(plain).not.toMatch(/;\s*Secure/i);

    const secure = await sessionCookie({ 'X-Forwarded-Proto': 'https' });
    expect(secure).toMatch(/^__Secure-authjs\.session-token=/);
    expect(secure).toMatch(/;\s*HttpOnly/i);
    expect(secure).toMatch(/;\s*SameSite=Lax/i);
    expect(secure).toMatch(/;\s*Secure/i);
  });

  test('changing your password keeps this browser signed in and signs out the other', async ({ browser }) => {
    const headers = { 'X-Forwarded-For': ownAddress() };
    const [laptop, phone] = [await browser.newContext({ extraHTTPHeaders: headers }), await browser.newContext({ extraHTTPHeaders: headers })];
    const [a, b] = [await laptop.newPage(), await phone.newPage()];
    // A person of their own, so the demo accounts keep the demo password for the rest of the suite.
    const { email, password } = await inviteSomeone(a);
    for (const page of [a, b]) {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn(email, password);
      await page.waitForURL('**/dashboard');
    }
    await a.goto('/dashboard/profile');
    await a.getByLabel('Current password').fill(password);
    await a.getByLabel('New password', { exact: true }).fill('a fresh passphrase for today');
    await a.getByLabel('Confirm new password').fill('a fresh passphrase for today');
    await a.getByRole('button', { name: 'Change password' }).click();
    await expect(a).toHaveURL(/\/dashboard\/profile\?password=changed$/);
    await expect(a.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible();
    await a.goto('/dashboard');
    await expect(a).toHaveURL(/\/dashboard$/);
    await b.goto('/dashboard');
    await expect(b).toHaveURL(/\/sign-in/);
    await laptop.close();
    await phone.close();
  });
});

/** An admin (in a context of its own) invites a writer, who joins on `page`; returns their email and password. */
async function inviteSomeone(page: Page) {
  const adminContext = await page.context().browser()!.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ownAddress() } });
  const admin = await adminContext.newPage();
  await new SignInPage(admin).goto();
  await new SignInPage(admin).signIn(DEMO_STAFF.admin.email, DEMO_PASSWORD);
  await admin.waitForURL('**/dashboard');
  const people = new PeoplePage(admin);
  await people.goto();
  const name = uniqueText('Pat Changer');
  const email = `${name.split(' ').pop()}@example.test`;
  await people.invite({ name, email, role: 'Writer' });
  const link = await people.invitationLink.inputValue();
  await adminContext.close();
  const password = 'the first passphrase chosen';
  await page.goto(link);
  await new SetPasswordPage(page).choose(password, 'Create my account');
  await expect(page.getByRole('status')).toContainText('Your account is ready');
  return { email, password };
}
