import { callServerAction, expect, makeImageFile, test } from './fixtures';
import { DEMO_SETTINGS, SettingsPage } from './pages/settings-page';

// Every spec shares one server and database: whatever this spec changes, it
// puts back (afterEach), so the others still see the demo newsroom as seeded.

/** "30 Nov 2026, 09:00" for an instant in a zone, the way the site writes it. */
const siteDateTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

test.describe('site settings', () => {
  test.afterEach(async ({ page, signIn }) => {
    await page.context().clearCookies();
    await signIn('admin');
    await new SettingsPage(page).restoreDemo();
  });

  test('an admin renames the newsroom, changes the support text, the time zone and the section order, and readers see it at once', async ({ page, signIn }) => {
    await signIn('admin');
    const settings = new SettingsPage(page);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Site settings');
    await expect(settings.name).toHaveValue(DEMO_SETTINGS.name);
    expect(await settings.sectionNames()).toEqual(DEMO_SETTINGS.sections);

    // A bad field is refused at the field, and nothing is saved.
    await settings.name.fill('   ');
    await settings.supportText.fill('Back the Courier');
    await settings.save();
    await expect(page.getByText('Nothing was saved')).toBeVisible();
    await expect(settings.name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter the newsroom’s name.')).toBeVisible();
    await expect(settings.name).toBeFocused();
    const reader = await page.context().newPage();
    await reader.goto('/');
    await expect(reader.getByRole('banner').getByRole('link', { name: DEMO_SETTINGS.supportText })).toBeVisible();

    // Culture & Life to the top, from the keyboard, each move announced; the focus stays with the section.
    await settings.name.fill('The Alder Courier');
    await settings.timeZone.selectOption('Asia/Tokyo');
    await settings.moveWithKeyboard('Culture & Life', 'up');
    await expect(settings.moveAnnouncement).toHaveText('Culture & Life moved up, to position 3 of 4.');
    await expect(settings.moveButton('Culture & Life', 'up')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(settings.moveAnnouncement).toHaveText('Culture & Life moved up, to position 1 of 4.');
    // At the top its "up" button is disabled, so the focus moves to "down".
    await expect(settings.moveButton('Culture & Life', 'up')).toBeDisabled();
    await expect(settings.moveButton('Culture & Life', 'down')).toBeFocused();
    expect(await settings.sectionNames()).toEqual(['Culture & Life', 'News', 'Politics', 'Business']);
    await settings.save();
    await expect(page.getByText('Settings saved. Readers see them now.')).toBeVisible();
    await expect(settings.name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter the newsroom’s name.')).toHaveCount(0);

    // The reader's site, without a deploy.
    await reader.goto('/');
    await expect(reader).toHaveTitle(/The Alder Courier/);
    const header = reader.getByRole('banner');
    await expect(header.getByRole('link', { name: 'The Alder Courier' })).toBeVisible();
    await expect(header.getByRole('link', { name: 'Back the Courier' })).toBeVisible();
    await expect(reader.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText(['Culture & Life', 'News', 'Politics', 'Business']);
    await expect(reader.getByRole('contentinfo')).toContainText('The Alder Courier');

    // Dates follow the new clock: an article's time, written in Tokyo time.
    await reader.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link').click();
    await reader.waitForURL('**/articles/**');
    const published = reader.getByRole('main').locator('header time').first();
    const iso = (await published.getAttribute('datetime'))!;
    await expect(published).toHaveText(siteDateTime(iso, 'Asia/Tokyo'));
    await expect(reader.getByRole('link', { name: 'Back the Courier!' })).toBeVisible();
    await expect(reader).toHaveTitle(/ · The Alder Courier$/);
    await reader.close();
  });

  test('an admin uploads a logo, the header shows it named for the newsroom, and removing it brings the name back', async ({ page, signIn }) => {
    await signIn('admin');
    const settings = new SettingsPage(page);
    await settings.goto();
    await page.getByLabel('Upload a logo').setInputFiles(await makeImageFile('logo.png', '#9b2c1f', 600, 120));
    await expect(page.getByText('Logo uploaded. Save the settings to put it on the site.')).toBeVisible();
    await settings.save();
    await expect(page.getByText('Settings saved. Readers see them now.')).toBeVisible();

    await page.goto('/');
    const logo = page.getByRole('banner').getByRole('img', { name: DEMO_SETTINGS.name });
    await expect(logo).toBeVisible();
    await expect(logo).toHaveAttribute('width', '600');
    await expect(logo).toHaveAttribute('height', '120');
    await expect(page.getByRole('banner').getByRole('link', { name: DEMO_SETTINGS.name })).toBeVisible();

    await settings.goto();
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await settings.save();
    await expect(page.getByText('Settings saved. Readers see them now.')).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('img', { name: DEMO_SETTINGS.name })).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('link', { name: DEMO_SETTINGS.name })).toHaveText(DEMO_SETTINGS.name);
  });

  test('a writer cannot open the settings, and calling the action directly changes nothing', async ({ page, signIn }) => {
    await signIn('writer');
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await page.goto('/dashboard/settings');
    await expect(page).toHaveURL(/\/dashboard\?denied=1$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your role' })).toHaveText('Your role does not give access to that page.');

    const result = await callServerAction(page.request, '/dashboard/settings', 'updateSiteSettingsAction', [
      { name: 'Defaced', tagline: 'x', logoImageId: null, timeZone: 'UTC', supportText: 'Pay me', sectionOrder: [] },
    ]);
    expect(result.text).toContain('"code":"forbidden"');
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: DEMO_SETTINGS.name })).toBeVisible();
    await expect(page).toHaveTitle(/The Harbour Ledger/);
    await expect(page).not.toHaveTitle(/Defaced/);
  });
});
