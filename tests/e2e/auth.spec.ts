import { DEMO_STAFF, expect, test } from './fixtures';
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
    await new SignInPage(page).signIn(DEMO_STAFF.writer.email, 'masthead-demo');
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
