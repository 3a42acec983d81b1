import { expect, test, uniqueText } from './fixtures';
import { AuditLogPage, PeoplePage, SetPasswordPage } from './pages/people-page';
import { SignInPage } from './pages/sign-in-page';

test.describe('people', () => {
  test('an invited writer joins by the link, and deactivation sends their open session to sign-in; the audit log shows both', async ({ page, signIn, browser }) => {
    const name = uniqueText('Wren Tidewater');
    const email = `${name.split(' ').pop()}@example.test`;
    const password = 'gulls over the breakwater';

    await signIn('admin');
    const people = new PeoplePage(page);
    await people.goto();
    await people.invite({ name, email, role: 'Writer' });
    await expect(people.invitationLink).toHaveValue(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    const link = await people.invitationLink.inputValue();
    await expect(people.pendingInvitations).toContainText(email);

    // The new writer, in a browser of their own.
    const theirs = await browser.newContext();
    const writer = await theirs.newPage();
    await writer.goto(link);
    await expect(writer.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
    await new SetPasswordPage(writer).choose(password, 'Create my account');
    await expect(writer.getByRole('status')).toContainText('Your account is ready');
    await writer.getByRole('link', { name: 'Sign in' }).click();
    await new SignInPage(writer).signIn(email, password);
    await writer.waitForURL('**/dashboard');
    await expect(writer.getByRole('heading', { level: 1 })).toHaveText('Your articles');
    await expect(writer.getByRole('banner')).toContainText(name);

    // The link is spent.
    const again = await theirs.newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('This invitation has been used');
    await again.close();

    await people.goto();
    await expect(people.person(email).getByLabel(`Role of ${name}`)).toHaveValue('writer');
    await expect(people.pendingInvitations).toHaveCount(0);
    await people.deactivate(email);
    await expect(people.person(email)).toContainText('Deactivated');
    await expect(people.person(email).getByRole('button', { name: 'Reactivate' })).toBeVisible();

    // Their open page: the next navigation goes to sign-in, and signing in again is refused.
    await writer.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Articles' }).click();
    await expect(writer).toHaveURL(/\/sign-in/);
    await new SignInPage(writer).signIn(email, password);
    await expect(writer.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That email and password do not match an active account.');
    await expect(writer).toHaveURL(/\/sign-in/);
    await theirs.close();

    const audit = new AuditLogPage(page);
    await audit.goto();
    const about = audit.entries.filter({ hasText: name });
    await expect(about.filter({ hasText: 'user.invite' })).toHaveCount(1);
    await expect(about.filter({ hasText: 'user.join' })).toHaveCount(1);
    await expect(about.filter({ hasText: 'auth.sign_in' }).filter({ hasNotText: 'auth.sign_in_failed' })).toHaveCount(1);
    await expect(about.filter({ hasText: 'user.deactivate' })).toHaveCount(1);
    await expect(about.filter({ hasText: 'user.deactivate' })).toContainText('Ruth Ambler');

    await audit.filterByAction('user.deactivate');
    await expect(page).toHaveURL(/[?&]action=user\.deactivate/);
    await expect(page.getByLabel('Action')).toHaveValue('user.deactivate');
    await expect(about).toHaveCount(1);
    await expect(about).toContainText('user.deactivate');
    await expect(audit.entries.filter({ hasText: 'user.invite' })).toHaveCount(0);
  });
});
