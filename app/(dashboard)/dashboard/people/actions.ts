'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { changeRole, createInvite, createPasswordResetLink, setActive, type StaffMember } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { formatDateTime } from '@/lib/dates';
import { sendMail } from '@/lib/mail';
import { getSiteSettings } from '@/lib/settings/site';
import { changeRoleSchema, inviteSchema, passwordResetLinkSchema, setActiveSchema } from '@/lib/validation/people';

// Every action here is admin-only and says so itself: the page's check does not
// protect a server action, which any HTTP client can call.
const ADMIN = ['admin'] as const;
const PEOPLE_PATH = '/dashboard/people';

/** A link that was made: emailed, or handed back for the admin to pass on. */
export interface LinkOutcome {
  name: string;
  email: string;
  expiresAt: string;
  /** The expiry in the newsroom's time zone, formatted on the server. */
  expiresLabel: string;
  /** Set only when the email was not sent: the admin copies it. */
  link: string | null;
  sent: boolean;
  /** SMTP is configured but sending failed. */
  mailFailed: boolean;
}

const ROLE_NAME: Record<Role, string> = { writer: 'writer', editor: 'editor', admin: 'admin' };

/**
 * The address people reach this site at, from the admin's own request. Next.js
 * refuses a server action whose Origin does not match the host, so a forged
 * Host header cannot point the link elsewhere.
 */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const origin = h.get('origin');
  if (origin && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

async function deliver(to: { name: string; email: string }, subject: string, text: string, link: string, expiresAt: Date, timeZone: string): Promise<LinkOutcome> {
  const mail = await sendMail({ to: to.email, subject, text });
  return {
    name: to.name,
    email: to.email,
    expiresAt: expiresAt.toISOString(),
    expiresLabel: formatDateTime(expiresAt, timeZone),
    link: mail.sent ? null : link,
    sent: mail.sent,
    mailFailed: !mail.sent && mail.reason === 'failed',
  };
}

export const inviteAction = authedAction({ roles: ADMIN, schema: inviteSchema }, async (input, user): Promise<ActionResult<LinkOutcome>> => {
  const result = await createInvite(input, user);
  if (!result.ok) return fail('invalid', 'Some fields need attention.', { email: 'Someone on the staff already has this email address.' });

  const link = `${await siteOrigin()}/invite/${result.token}`;
  const site = await getSiteSettings();
  const text = [
    `Hello ${input.name},`,
    '',
    `${user.name} has invited you to join the newsroom of ${site.name} as ${input.role === 'writer' ? 'a' : 'an'} ${ROLE_NAME[input.role]}.`,
    `Choose your password here. The link works once, until ${formatDateTime(result.expiresAt, site.timeZone)}:`,
    '',
    link,
    '',
    'If you were not expecting this invitation, you can ignore this email.',
  ].join('\n');
  const outcome = await deliver(input, `Join the ${site.name} newsroom`, text, link, result.expiresAt, site.timeZone);
  revalidatePath(PEOPLE_PATH);
  return { ok: true, data: outcome };
});

const LAST_ADMIN_SELF = 'You are the last active admin. Make someone else an admin first, so the newsroom is never left without one.';
const LAST_ADMIN_OTHER = 'That would leave the newsroom without an active admin. Make someone else an admin first.';
const NOT_FOUND = 'That person is not on the staff list any more. Reload the page.';

export const changeRoleAction = authedAction({ roles: ADMIN, schema: changeRoleSchema }, async (input, user): Promise<ActionResult<{ person: StaffMember; changed: boolean }>> => {
  const result = await changeRole(input, user);
  if (!result.ok) return result.reason === 'not_found' ? fail('not_found', NOT_FOUND) : fail('conflict', input.userId === user.id ? LAST_ADMIN_SELF : LAST_ADMIN_OTHER);
  revalidatePath(PEOPLE_PATH);
  return { ok: true, data: { person: result.user, changed: result.changed } };
});

export const setActiveAction = authedAction({ roles: ADMIN, schema: setActiveSchema }, async (input, user): Promise<ActionResult<{ person: StaffMember; changed: boolean }>> => {
  const result = await setActive(input, user);
  if (!result.ok) return result.reason === 'not_found' ? fail('not_found', NOT_FOUND) : fail('conflict', input.userId === user.id ? LAST_ADMIN_SELF : LAST_ADMIN_OTHER);
  revalidatePath(PEOPLE_PATH);
  return { ok: true, data: { person: result.user, changed: result.changed } };
});

export const passwordResetLinkAction = authedAction({ roles: ADMIN, schema: passwordResetLinkSchema }, async (input, user): Promise<ActionResult<LinkOutcome>> => {
  const result = await createPasswordResetLink(input, user);
  if (!result.ok) return result.reason === 'not_found' ? fail('not_found', NOT_FOUND) : fail('conflict', 'This account is deactivated. Reactivate it before making a password reset link.');

  const link = `${await siteOrigin()}/reset-password/${result.token}`;
  const site = await getSiteSettings();
  const text = [
    `Hello ${result.user.name},`,
    '',
    `${user.name} has made a link for you to choose a new password for the ${site.name} newsroom.`,
    `It works once, until ${formatDateTime(result.expiresAt, site.timeZone)}:`,
    '',
    link,
    '',
    `Your current password keeps working until the link is used. If you did not expect this, tell ${user.name}.`,
  ].join('\n');
  const outcome = await deliver(result.user, `Choose a new password for ${site.name}`, text, link, result.expiresAt, site.timeZone);
  revalidatePath(PEOPLE_PATH);
  return { ok: true, data: outcome };
});
