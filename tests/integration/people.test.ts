import { createHash, randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptInviteAction } from '@/app/(auth)/invite/[token]/actions';
import { resetPasswordAction } from '@/app/(auth)/reset-password/[token]/actions';
import { changeRoleAction, inviteAction, passwordResetLinkAction, setActiveAction, type LinkOutcome } from '@/app/(dashboard)/dashboard/people/actions';
import { closeDb } from '@/db/client';
import { startEmbeddedDatabase } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';
import { listAuditEntries } from '@/db/queries/audit';
import {
  acceptInvite,
  createInvite,
  createPasswordResetLink,
  getInviteByToken,
  getPasswordResetByToken,
  getStaffMember,
  getUserByEmail,
  listPendingInvites,
  listStaff,
  resetPassword,
  setActive,
} from '@/db/queries/people';
import type { AuditEntry } from '@/db/schema';
import type { ActionResult } from '@/lib/action';
import { checkCredentials } from '@/lib/credentials';
import { verifyPassword } from '@/lib/password';
import { resetThrottle } from '@/lib/throttle';
import { currentUser } from '@/lib/session';
import { makeUser, TEST_PASSWORD, unique } from '../helpers/factories';

// What the session cookie says is the one thing these tests choose; lib/session
// (and so every action's "who is this") is the real code, against the database.
const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));
// The request the admin's browser sent: the links are built on its origin.
vi.mock('next/headers', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/headers')>()), headers: async () => new Headers({ origin: 'http://newsroom.test' }) }));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => {} }));
// Lets a test make the audit log unwritable, to show a sign-in does not depend on it.
const auditFault = vi.hoisted(() => ({ on: false }));
vi.mock('@/db/queries/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/audit')>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (auditFault.on) throw new Error('audit_log: could not extend file');
      return real.recordAudit(...args);
    },
  };
});

const signedInAs = (user: { id: string; sessionVersion: number } | null) => {
  cookie.session = user ? { user: { id: user.id, sessionVersion: user.sessionVersion } } : null;
};
beforeEach(async () => {
  signedInAs(null);
  auditFault.on = false;
  // Every checkCredentials here comes from one (unknown) address: each test starts with no failures counted.
  await resetThrottle();
  delete process.env.SMTP_URL;
});

const NEW_PASSWORD = 'harbour lights at dusk';
const tokenOf = (link: string) => link.split('/').pop()!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function linkOf(result: ActionResult<LinkOutcome>): string {
  if (!result.ok) throw new Error(`expected a link, got ${result.code}: ${result.error}`);
  if (!result.data.link) throw new Error('expected the link to be shown');
  return result.data.link;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const auditOf = (objectId: string) => listAuditEntries({ objectId, limit: 100 });

/** An admin, signed in. */
async function asAdmin() {
  const admin = await makeUser('admin');
  signedInAs(admin);
  return admin;
}

function expectNoSecrets(entries: AuditEntry[], secrets: string[]) {
  expect(entries.length).toBeGreaterThan(0);
  const written = JSON.stringify(entries);
  for (const secret of secrets) expect(written).not.toContain(secret);
}

describe('invitations', () => {
  it('an admin invites someone, and the link makes their account with the invited name, email and role', async () => {
    const admin = await asAdmin();
    const email = `${unique('joiner')}@example.test`;
    const result = await inviteAction({ name: '  Nora   Quayle ', email: email.toUpperCase(), role: 'editor' });
    expect(result).toMatchObject({ ok: true, data: { name: 'Nora Quayle', email, sent: false, mailFailed: false } });
    const link = linkOf(result);
    expect(link).toMatch(/^http:\/\/newsroom\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    expect(await getInviteByToken(token)).toMatchObject({ name: 'Nora Quayle', email, role: 'editor', state: 'valid' });
    expect((await listPendingInvites()).map((i) => i.email)).toContain(email);

    const accepted = await acceptInviteAction({}, form({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(accepted).toEqual({ done: true });

    const user = (await getUserByEmail(email))!;
    expect(user).toMatchObject({ name: 'Nora Quayle', role: 'editor', active: true });
    expect(user.slug).toMatch(/^nora-quayle(-\d+)?$/);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect((await getInviteByToken(token))?.state).toBe('used');
    expect((await listPendingInvites()).map((i) => i.email)).not.toContain(email);

    const [invited] = await auditOf(email);
    expect(invited).toMatchObject({ action: 'user.invite', actorId: admin.id, actorLabel: admin.name, objectType: 'user', detail: { email, role: 'editor', name: 'Nora Quayle' } });
    const [joined] = await auditOf(user.id);
    expect(joined).toMatchObject({ action: 'user.join', actorId: user.id, detail: { email, role: 'editor' } });
  });

  it('two people with the same name get different author slugs', async () => {
    const admin = await makeUser('admin');
    const name = `Sam ${unique('Harbour')}`;
    const slugs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const invite = await createInvite({ name, email: `${unique('same')}@example.test`, role: 'writer' }, admin);
      if (!invite.ok) throw new Error(invite.reason);
      const joined = await acceptInvite({ token: invite.token, password: NEW_PASSWORD });
      if (!joined.ok) throw new Error(joined.reason);
      slugs.push(joined.user.slug);
    }
    expect(slugs[0]).not.toBe(slugs[1]);
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
  });

  it('an invitation link works once: the second use is refused and makes no second account', async () => {
    const admin = await makeUser('admin');
    const email = `${unique('once')}@example.test`;
    const invite = await createInvite({ name: 'Once Only', email, role: 'writer' }, admin);
    if (!invite.ok) throw new Error(invite.reason);
    expect((await acceptInvite({ token: invite.token, password: NEW_PASSWORD })).ok).toBe(true);
    expect(await acceptInvite({ token: invite.token, password: 'another long password' })).toEqual({ ok: false, reason: 'used' });
    const again = await acceptInviteAction({}, form({ token: invite.token, password: 'another long password', confirm: 'another long password' }));
    expect(again.error).toMatch(/already been used/);
    expect((await listStaff()).filter((p) => p.email === email)).toHaveLength(1);
    expect(await verifyPassword((await getUserByEmail(email))!.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it('an invitation expires after seven days and then makes no account', async () => {
    const admin = await makeUser('admin');
    const sent = new Date(Date.now() - 60_000);
    const email = `${unique('late')}@example.test`;
    const invite = await createInvite({ name: 'Late Comer', email, role: 'writer' }, admin, sent);
    if (!invite.ok) throw new Error(invite.reason);
    expect(invite.expiresAt.getTime() - sent.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const afterSevenDays = new Date(sent.getTime() + 7 * 24 * 60 * 60 * 1000 + 1000);
    expect((await getInviteByToken(invite.token, afterSevenDays))?.state).toBe('expired');
    expect(await acceptInvite({ token: invite.token, password: NEW_PASSWORD }, afterSevenDays)).toEqual({ ok: false, reason: 'expired' });
    expect(await getUserByEmail(email)).toBeNull();

    // One minute before the end it still works.
    const justInTime = new Date(sent.getTime() + 7 * 24 * 60 * 60 * 1000 - 60_000);
    expect((await acceptInvite({ token: invite.token, password: NEW_PASSWORD }, justInTime)).ok).toBe(true);
  });

  it('an expired invitation shows a clear message on submit', async () => {
    const admin = await makeUser('admin');
    const invite = await createInvite({ name: 'Too Late', email: `${unique('late')}@example.test`, role: 'writer' }, admin, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
    if (!invite.ok) throw new Error(invite.reason);
    const result = await acceptInviteAction({}, form({ token: invite.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(result).toEqual({ error: expect.stringMatching(/expired/) });
  });

  it('a link that was never issued is refused, whatever it looks like', async () => {
    for (const token of ['', 'nonsense', 'x'.repeat(43), '../../etc/passwd', 'A'.repeat(5000)]) {
      expect(await getInviteByToken(token)).toBeNull();
      expect(await getPasswordResetByToken(token)).toBeNull();
    }
    expect(await acceptInvite({ token: 'x'.repeat(43), password: NEW_PASSWORD })).toEqual({ ok: false, reason: 'not_found' });
    const result = await acceptInviteAction({}, form({ token: 'x'.repeat(43), password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(result.error).toMatch(/not valid/);
  });

  it('a new invitation to the same address replaces the earlier link', async () => {
    await asAdmin();
    const email = `${unique('twice')}@example.test`;
    const first = tokenOf(linkOf(await inviteAction({ name: 'Twice Asked', email, role: 'writer' })));
    const second = tokenOf(linkOf(await inviteAction({ name: 'Twice Asked', email, role: 'editor' })));
    expect((await getInviteByToken(first))?.state).toBe('expired');
    expect((await acceptInvite({ token: first, password: NEW_PASSWORD })).ok).toBe(false);
    expect(await acceptInvite({ token: second, password: NEW_PASSWORD })).toMatchObject({ ok: true, user: { role: 'editor' } });
  });

  it('inviting an address already on the staff is refused at the email field', async () => {
    await asAdmin();
    const writer = await makeUser('writer');
    const result = await inviteAction({ name: 'Someone', email: writer.email, role: 'writer' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { email: expect.stringMatching(/already/) } });
  });

  it('an invitation without a name, with a bad address or an unknown role gets an error at each field', async () => {
    await asAdmin();
    const result = await inviteAction({ name: '   ', email: 'not-an-address', role: 'owner' });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'role']);
  });

  it('the set-password form wants 12 to 128 characters, typed twice the same', async () => {
    const admin = await makeUser('admin');
    const email = `${unique('pw')}@example.test`;
    const invite = await createInvite({ name: 'Pass Word', email, role: 'writer' }, admin);
    if (!invite.ok) throw new Error(invite.reason);
    const submit = (password: string, confirm = password) => acceptInviteAction({}, form({ token: invite.token, password, confirm }));

    expect((await submit('')).fieldErrors).toMatchObject({ password: 'Choose a password.', confirm: 'Type the password again.' });
    expect((await submit('short-11chr')).fieldErrors?.password).toMatch(/at least 12/);
    expect((await submit('x'.repeat(129))).fieldErrors?.password).toMatch(/at most 128/);
    expect((await submit(NEW_PASSWORD, `${NEW_PASSWORD}!`)).fieldErrors).toEqual({ confirm: 'The two passwords are not the same.' });
    expect(await getUserByEmail(email)).toBeNull();
    expect((await getInviteByToken(invite.token))?.state).toBe('valid');

    expect(await submit('x'.repeat(128))).toEqual({ done: true });
  });
});

describe('roles and deactivation', () => {
  it('changing a role ends the person’s sessions at once', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    signedInAs(writer);
    expect((await currentUser())?.role).toBe('writer');

    signedInAs(admin);
    const result = await changeRoleAction({ userId: writer.id, role: 'editor' });
    expect(result).toMatchObject({ ok: true, data: { changed: true, person: { role: 'editor', sessionVersion: writer.sessionVersion + 1 } } });

    signedInAs(writer);
    expect(await currentUser()).toBeNull();
    const fresh = (await getStaffMember(writer.id))!;
    signedInAs(fresh);
    expect((await currentUser())?.role).toBe('editor');

    const [entry] = await auditOf(writer.id);
    expect(entry).toMatchObject({ action: 'user.role_change', actorId: admin.id, detail: { from: 'writer', to: 'editor' } });
  });

  it('choosing the role someone already has changes nothing and writes nothing', async () => {
    await asAdmin();
    const writer = await makeUser('writer');
    expect(await changeRoleAction({ userId: writer.id, role: 'writer' })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await getStaffMember(writer.id)).toEqual(writer);
    expect(await auditOf(writer.id)).toEqual([]);
  });

  it('deactivating someone ends their sessions at once and stops them signing in; reactivating lets them sign in again', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    signedInAs(admin);
    expect(await setActiveAction({ userId: writer.id, active: false })).toMatchObject({ ok: true, data: { person: { active: false } } });
    const after = (await getStaffMember(writer.id))!;
    expect(after.sessionVersion).toBe(writer.sessionVersion + 1);

    signedInAs(writer);
    expect(await currentUser()).toBeNull();
    expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD })).toBeNull();

    signedInAs(admin);
    expect(await setActiveAction({ userId: writer.id, active: true })).toMatchObject({ ok: true, data: { person: { active: true } } });
    // The old cookie stays dead; a new sign-in works.
    signedInAs(writer);
    expect(await currentUser()).toBeNull();
    expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD })).toMatchObject({ id: writer.id });

    expect((await auditOf(writer.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('an unknown person is "not found"', async () => {
    await asAdmin();
    expect(await changeRoleAction({ userId: randomUUID(), role: 'editor' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await setActiveAction({ userId: randomUUID(), active: false })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await passwordResetLinkAction({ userId: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('password reset links', () => {
  it('a reset link sets a new password once, and ends every session the person had', async () => {
    const admin = await asAdmin();
    const writer = await makeUser('writer');
    const result = await passwordResetLinkAction({ userId: writer.id });
    expect(result).toMatchObject({ ok: true, data: { email: writer.email, sent: false } });
    const link = linkOf(result);
    expect(link).toMatch(/^http:\/\/newsroom\.test\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    expect(await getPasswordResetByToken(token)).toMatchObject({ userId: writer.id, state: 'valid' });

    expect(await resetPasswordAction({}, form({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ done: true });
    const user = (await getUserByEmail(writer.email))!;
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(user.sessionVersion).toBe(writer.sessionVersion + 1);
    signedInAs(writer);
    expect(await currentUser()).toBeNull();

    const again = await resetPasswordAction({}, form({ token, password: 'a third long password', confirm: 'a third long password' }));
    expect(again.error).toMatch(/already been used/);
    expect(await verifyPassword((await getUserByEmail(writer.email))!.passwordHash, NEW_PASSWORD)).toBe(true);

    expect((await auditOf(writer.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['user.password_reset', writer.id],
      ['user.password_reset_link', admin.id],
    ]);
  });

  it('a reset link expires after an hour and the old password keeps working', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    const made = new Date(Date.now() - 60_000);
    const link = await createPasswordResetLink({ userId: writer.id }, admin, made);
    if (!link.ok) throw new Error(link.reason);
    expect(link.expiresAt.getTime() - made.getTime()).toBe(60 * 60 * 1000);

    const late = new Date(made.getTime() + 60 * 60 * 1000 + 1000);
    expect(await resetPassword({ token: link.token, password: NEW_PASSWORD }, late)).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyPassword((await getUserByEmail(writer.email))!.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await getStaffMember(writer.id)).toEqual(writer);

    const expired = await createPasswordResetLink({ userId: writer.id }, admin, new Date(Date.now() - 61 * 60 * 1000));
    if (!expired.ok) throw new Error(expired.reason);
    expect((await resetPasswordAction({}, form({ token: expired.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).error).toMatch(/expired/);
  });

  it('a new reset link replaces the earlier one, and deactivation spends any open link', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    const first = await createPasswordResetLink({ userId: writer.id }, admin);
    const second = await createPasswordResetLink({ userId: writer.id }, admin);
    if (!first.ok || !second.ok) throw new Error('no link');
    expect((await getPasswordResetByToken(first.token))?.state).toBe('expired');
    expect((await getPasswordResetByToken(second.token))?.state).toBe('valid');

    await setActive({ userId: writer.id, active: false }, admin);
    expect((await getPasswordResetByToken(second.token))?.state).toBe('expired');
    expect(await resetPassword({ token: second.token, password: NEW_PASSWORD })).toEqual({ ok: false, reason: 'expired' });
    expect(await createPasswordResetLink({ userId: writer.id }, admin)).toEqual({ ok: false, reason: 'inactive' });
  });
});

describe('the audit log keeps no secret', () => {
  it('invitation, joining, reset link and reset are logged with who and what, and never the token, its hash or the password', async () => {
    await asAdmin();
    const email = `${unique('secret')}@example.test`;
    const inviteToken = tokenOf(linkOf(await inviteAction({ name: 'Keeper Of Secrets', email, role: 'writer' })));
    await acceptInviteAction({}, form({ token: inviteToken, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    const user = (await getUserByEmail(email))!;
    const resetToken = tokenOf(linkOf(await passwordResetLinkAction({ userId: user.id })));
    const resetTo = 'an entirely new passphrase';
    await resetPasswordAction({}, form({ token: resetToken, password: resetTo, confirm: resetTo }));

    await checkCredentials({ email, password: resetTo });
    expect(await checkCredentials({ email, password: 'guessing-the-password-42' })).toBeNull();

    const entries = [...(await auditOf(email)), ...(await auditOf(user.id))];
    expect(entries.map((e) => e.action).sort()).toEqual(
      ['auth.sign_in', 'auth.sign_in_failed', 'user.invite', 'user.join', 'user.password_reset', 'user.password_reset_link'].sort(),
    );
    const passwordHash = (await getUserByEmail(email))!.passwordHash;
    expectNoSecrets(entries, [inviteToken, sha256(inviteToken), resetToken, sha256(resetToken), NEW_PASSWORD, resetTo, 'guessing-the-password-42', passwordHash]);
  });
});

describe('sign-in audit', () => {
  it('a sign-in is logged with the person as actor; a failed one with the email typed and no actor', async () => {
    const writer = await makeUser('writer');
    expect(await checkCredentials({ email: ` ${writer.email.toUpperCase()} `, password: TEST_PASSWORD })).toMatchObject({ id: writer.id, role: 'writer' });
    expect(await checkCredentials({ email: writer.email, password: 'wrong-password-typed' })).toBeNull();

    const [failed, signedIn] = await auditOf(writer.id);
    expect(signedIn).toMatchObject({ action: 'auth.sign_in', actorId: writer.id, actorLabel: writer.name });
    expect(failed).toMatchObject({ action: 'auth.sign_in_failed', actorId: null, detail: { email: writer.email, reason: 'wrong_password' } });
    expectNoSecrets([failed, signedIn], ['wrong-password-typed', TEST_PASSWORD]);

    const nobody = `${unique('nobody')}@example.test`;
    expect(await checkCredentials({ email: nobody, password: 'whatever-they-typed' })).toBeNull();
    const [unknown] = await listAuditEntries({ action: 'auth.sign_in_failed', limit: 20 }).then((rows) => rows.filter((r) => r.detail.email === nobody));
    expect(unknown).toMatchObject({ actorId: null, objectId: '', detail: { email: nobody, reason: 'unknown_email' } });
    expectNoSecrets([unknown], ['whatever-they-typed']);
  });

  it('a database error while writing the audit entry neither refuses a valid sign-in nor turns a wrong password into a crash', async () => {
    const writer = await makeUser('writer');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      auditFault.on = true;
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD })).toMatchObject({ id: writer.id });
      expect(await checkCredentials({ email: writer.email, password: 'not-it-at-all' })).toBeNull();
      expect(logged).toHaveBeenCalledTimes(2);
      for (const [line] of logged.mock.calls) {
        expect(line).toMatch(/^\[auth\] could not record auth\.sign_in(_failed)? in the audit log: /);
        expect(String(line)).not.toContain('\n');
        expect(String(line)).not.toContain('not-it-at-all');
      }
    } finally {
      logged.mockRestore();
    }
  });
});

describe('only admins manage people', () => {
  for (const role of ['writer', 'editor'] as const) {
    it(`${role === 'editor' ? 'an' : 'a'} ${role} calling the people actions directly is refused and nothing changes`, async () => {
      const caller = await makeUser(role);
      const target = await makeUser('writer');
      signedInAs(caller);
      const email = `${unique('sneaky')}@example.test`;

      expect(await inviteAction({ name: 'Sneaky Friend', email, role: 'admin' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await changeRoleAction({ userId: caller.id, role: 'admin' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await changeRoleAction({ userId: target.id, role: 'admin' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await setActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await passwordResetLinkAction({ userId: target.id })).toMatchObject({ ok: false, code: 'forbidden' });

      expect(await getStaffMember(caller.id)).toEqual(caller);
      expect(await getStaffMember(target.id)).toEqual(target);
      expect((await listPendingInvites()).map((i) => i.email)).not.toContain(email);
      expect(await auditOf(email)).toEqual([]);
      expect(await auditOf(target.id)).toEqual([]);
      expect(await auditOf(caller.id)).toEqual([]);
    });
  }

  it('a signed-out caller, or a deactivated admin with an old session, is refused and nothing changes', async () => {
    const target = await makeUser('writer');
    const former = await makeUser('admin');
    const admin = await makeUser('admin');
    await setActive({ userId: former.id, active: false }, admin);

    for (const who of [null, former]) {
      signedInAs(who);
      expect(await setActiveAction({ userId: target.id, active: false })).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await changeRoleAction({ userId: target.id, role: 'admin' })).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await passwordResetLinkAction({ userId: target.id })).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(await inviteAction({ name: 'X', email: `${unique('x')}@example.test`, role: 'admin' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    }
    expect(await getStaffMember(target.id)).toEqual(target);
    expect(await auditOf(target.id)).toEqual([]);
  });
});

describe('email', () => {
  it('with SMTP configured, the invitation goes by email and the link is not shown', async () => {
    const smtp = await startFakeSmtp();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      process.env.MAIL_FROM = 'Newsroom <newsroom@example.test>';
      const admin = await asAdmin();
      const email = `${unique('mailed')}@example.test`;
      const result = await inviteAction({ name: 'Mae Mailer', email, role: 'writer' });
      expect(result).toMatchObject({ ok: true, data: { sent: true, link: null, email } });

      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0];
      expect(message.recipients).toEqual([email]);
      expect(message.body).toContain(`${admin.name} has invited you`);
      const link = message.body.match(/http:\/\/newsroom\.test\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
      expect(link).toBeDefined();
      expect(await getInviteByToken(tokenOf(link!))).toMatchObject({ email, state: 'valid' });
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      await smtp.close();
    }
  });

  it('when the SMTP server cannot be reached, the link is shown to copy instead, and the failure is one log line', async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://user:smtp-password-1@127.0.0.1:${port}`;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await asAdmin();
      const writer = await makeUser('writer');
      const result = await passwordResetLinkAction({ userId: writer.id });
      expect(result).toMatchObject({ ok: true, data: { sent: false, mailFailed: true } });
      expect(linkOf(result)).toContain('/reset-password/');
      expect(logged).toHaveBeenCalledTimes(1);
      const line = String(logged.mock.calls[0][0]);
      expect(line).toMatch(/^\[mail\] could not send/);
      expect(line).not.toContain('smtp-password-1');
      expect(line).not.toContain(tokenOf(linkOf(result)));
    } finally {
      logged.mockRestore();
    }
  });
});

// Depends on everyone in the newsroom, so it runs in a newsroom of its own:
// a fresh database, while the other test files keep theirs.
describe('the newsroom always keeps an active admin', () => {
  let restore: () => Promise<void>;
  beforeEach(async () => {
    restore = await useFreshDatabase();
  });
  afterEach(async () => {
    await restore();
  });

  it('the last active admin cannot demote or deactivate themself, and is told why', async () => {
    const solo = await makeUser('admin');
    await makeUser('admin', { active: false }); // a deactivated admin does not count
    signedInAs(solo);

    for (const attempt of [() => changeRoleAction({ userId: solo.id, role: 'editor' }), () => setActiveAction({ userId: solo.id, active: false })]) {
      const result = await attempt();
      expect(result).toMatchObject({ ok: false, code: 'conflict', error: expect.stringMatching(/last active admin/) });
    }
    expect(await getStaffMember(solo.id)).toEqual(solo);
    expect(await auditOf(solo.id)).toEqual([]);
    expect((await currentUser())?.id).toBe(solo.id);
  });

  it('with a second active admin, one may step down; then the other is the last', async () => {
    const solo = await makeUser('admin');
    const other = await makeUser('admin');

    signedInAs(solo);
    expect(await changeRoleAction({ userId: solo.id, role: 'editor' })).toMatchObject({ ok: true, data: { person: { role: 'editor' } } });

    signedInAs(other);
    expect(await setActiveAction({ userId: other.id, active: false })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await changeRoleAction({ userId: other.id, role: 'writer' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getStaffMember(other.id)).toMatchObject({ role: 'admin', active: true });
  });
});

/**
 * Points the app's database client at an empty, migrated database and returns
 * how to go back. A PostgreSQL server gets a new database next to the shared
 * one; the embedded server has a single database whatever name is asked for,
 * so another in-memory one is started instead.
 */
async function useFreshDatabase(): Promise<() => Promise<void>> {
  const shared = process.env.DATABASE_URL!;
  const name = `masthead_people_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const probe = new pg.Client({ connectionString: url.toString() });
  await probe.connect();
  const { rows } = await probe.query<{ db: string }>('select current_database() as db');
  await probe.end();

  let fresh = url.toString();
  let drop: () => Promise<void>;
  if (rows[0].db === name) {
    drop = async () => {
      const client = new pg.Client({ connectionString: shared });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const other = await startEmbeddedDatabase({ dataDir: 'memory://' });
    fresh = other.url;
    drop = async () => {
      await other.stop();
      const client = new pg.Client({ connectionString: shared });
      await client.connect();
      await client.query(`drop database if exists ${name}`).catch(() => {});
      await client.end();
    };
  }
  await runMigrations(fresh);
  await closeDb();
  process.env.DATABASE_URL = fresh;
  return async () => {
    await closeDb();
    process.env.DATABASE_URL = shared;
    await drop();
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Just enough of an SMTP server to receive what Masthead sends. */
async function startFakeSmtp() {
  const messages: { recipients: string[]; body: string }[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let data: string[] | null = null;
    let recipients: string[] = [];
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            // Undo quoted-printable soft breaks and escapes, as a mail client would.
            const body = data.join('\n').replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
            messages.push({ recipients, body });
            data = null;
            recipients = [];
            socket.write('250 queued\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') socket.write('250 fake.test\r\n');
        else if (command === 'RCPT') {
          recipients.push(line.match(/<([^>]+)>/)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (command === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (command === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
