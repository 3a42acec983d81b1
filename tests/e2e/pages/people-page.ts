import type { Locator, Page } from '@playwright/test';

/** The admin's People page. No assertions here: the specs assert. */
export class PeoplePage {
  readonly inviteForm: Locator;
  readonly invitationLink: Locator;
  readonly pendingInvitations: Locator;

  constructor(private readonly page: Page) {
    this.inviteForm = page.getByRole('region', { name: 'Invite someone' });
    this.invitationLink = page.getByRole('textbox', { name: 'Invitation link' });
    this.pendingInvitations = page.getByRole('region', { name: 'Invitations waiting' });
  }

  async goto() {
    await this.page.goto('/dashboard/people');
  }

  async invite(person: { name: string; email: string; role: 'Writer' | 'Editor' | 'Admin' }) {
    await this.inviteForm.getByLabel('Name').fill(person.name);
    await this.inviteForm.getByLabel('Email').fill(person.email);
    await this.inviteForm.getByLabel('Role').selectOption({ label: person.role });
    await this.inviteForm.getByRole('button', { name: 'Invite' }).click();
  }

  /** The staff list row of the person with this email address. */
  person(email: string): Locator {
    return this.page.getByRole('region', { name: 'Staff' }).getByRole('row').filter({ hasText: email });
  }

  async deactivate(email: string) {
    await this.person(email).getByRole('button', { name: 'Deactivate' }).click();
  }
}

/** The page an invitation or reset link opens. */
export class SetPasswordPage {
  constructor(private readonly page: Page) {}

  async choose(password: string, submit: string) {
    await this.page.getByLabel('New password').fill(password);
    await this.page.getByLabel('Confirm password').fill(password);
    await this.page.getByRole('button', { name: submit }).click();
  }
}

/** The admin's audit log. */
export class AuditLogPage {
  readonly entries: Locator;

  constructor(private readonly page: Page) {
    this.entries = page.getByRole('table').getByRole('row');
  }

  async goto() {
    await this.page.goto('/dashboard/audit');
  }

  async filterByAction(action: string) {
    await this.page.getByLabel('Action').selectOption(action);
    await this.page.getByRole('button', { name: 'Filter' }).click();
  }
}
