import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '@/lib/password';
import { slugify } from '@/lib/slug';
import { db } from '../client';
import { userTokens, users, type NewUser, type Role, type User } from '../schema';
import { recordAudit, type Executor } from './audit';
import { mediaUrl } from '@/lib/media';
import { images } from '../schema';

/** The fields a signed-in person's own pages may show; never the password hash. */
export type StaffMember = Pick<User, 'id' | 'name' | 'email' | 'role' | 'slug' | 'bio' | 'active' | 'sessionVersion'>;

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  slug: users.slug,
  bio: users.bio,
  active: users.active,
  sessionVersion: users.sessionVersion,
};

export async function getUserByEmail(email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function getStaffMember(id: string): Promise<StaffMember | null> {
  const [row] = await db.select(staffColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function createUser(input: Omit<NewUser, 'id' | 'createdAt' | 'updatedAt'> & { role: Role }): Promise<StaffMember> {
  const [row] = await db
    .insert(users)
    .values({ ...input, email: input.email.trim().toLowerCase() })
    .returning(staffColumns);
  return row;
}

/** Ends every session this person has, on every device, at once. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

// ---------------------------------------------------------------------------
// People administration: invitations, roles, deactivation, password resets.
// Every change and its audit entry are written in one transaction.

/** Whoever makes the change, as the audit log names them. */
export interface PeopleActor {
  id: string;
  name: string;
}

export type StaffListItem = StaffMember & { createdAt: Date; updatedAt: Date };

export async function listStaff(): Promise<StaffListItem[]> {
  return db
    .select({ ...staffColumns, createdAt: users.createdAt, updatedAt: users.updatedAt })
    .from(users)
    .orderBy(desc(users.active), asc(users.name), asc(users.email));
}

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

// Links carry 32 random bytes; the database keeps only their SHA-256, so a copy
// of the database (a backup, a replica) cannot be turned into working links.
// A fast hash is enough here: the token is random, not a guessable password.
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type TokenState = 'valid' | 'used' | 'expired';
const stateOf = (row: { usedAt: Date | null; expiresAt: Date }, now: Date): TokenState =>
  row.usedAt ? 'used' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';

async function findToken(executor: Executor, kind: 'invite' | 'password_reset', token: string, lock = false) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const query = executor
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.kind, kind)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

async function emailTaken(executor: Executor, email: string): Promise<boolean> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return Boolean(row);
}

async function freeUserSlug(executor: Executor, stem: string): Promise<string> {
  const rows = await executor
    .select({ slug: users.slug })
    .from(users)
    .where(sql`(${users.slug} = ${stem} or ${users.slug} ~ ${`^${stem}-[0-9]+$`})`);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The active admins, locked, so two admins cannot demote each other at once and leave none. */
async function lockActiveAdmins(executor: Executor): Promise<string[]> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

async function lockUser(executor: Executor, id: string) {
  const [row] = await executor
    .select({ ...staffColumns, updatedAt: users.updatedAt })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return row ?? null;
}

export interface Invite {
  id: string;
  name: string;
  email: string;
  role: Role;
  expiresAt: Date;
  state: TokenState;
}

/** The invitation a link stands for, whatever its state; null for a link that never existed. */
export async function getInviteByToken(token: string, now = new Date()): Promise<Invite | null> {
  const row = await findToken(db, 'invite', token);
  if (!row) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role ?? 'writer', expiresAt: row.expiresAt, state: stateOf(row, now) };
}

export type PendingInvite = Omit<Invite, 'state'> & { createdAt: Date };

/** Invitations not yet accepted and not yet expired, newest first. */
export async function listPendingInvites(now = new Date()): Promise<PendingInvite[]> {
  const rows = await db
    .select({ id: userTokens.id, name: userTokens.name, email: userTokens.email, role: userTokens.role, expiresAt: userTokens.expiresAt, createdAt: userTokens.createdAt })
    .from(userTokens)
    .where(and(eq(userTokens.kind, 'invite'), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .orderBy(desc(userTokens.createdAt));
  return rows.map((r) => ({ ...r, role: r.role ?? 'writer' }));
}

export type CreateInviteResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'email_taken' };

/**
 * Invites someone by a single-use link that expires after seven days. The raw
 * token is returned this once and never stored. A new invitation to the same
 * address replaces any earlier one still pending.
 */
export async function createInvite(input: { name: string; email: string; role: Role }, actor: PeopleActor, now = new Date()): Promise<CreateInviteResult> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  return db.transaction(async (tx): Promise<CreateInviteResult> => {
    if (await emailTaken(tx, email)) return { ok: false, reason: 'email_taken' };
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.kind, 'invite'), eq(userTokens.email, email), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    const [row] = await tx
      .insert(userTokens)
      .values({ kind: 'invite', tokenHash: hashToken(token), email, name, role: input.role, createdBy: actor.id, expiresAt, createdAt: now })
      .returning({ id: userTokens.id });
    await recordAudit(
      { actor, action: 'user.invite', objectType: 'user', objectId: email, detail: { inviteId: row.id, name, email, role: input.role, expiresAt: expiresAt.toISOString() } },
      tx,
    );
    return { ok: true, token, expiresAt };
  });
}

export type AcceptInviteResult = { ok: true; user: StaffMember } | { ok: false; reason: 'not_found' | 'used' | 'expired' | 'email_taken' };

/**
 * Turns an invitation into an account: the name, email and role come from the
 * invitation, the password from the person. The link is spent in the same
 * transaction, so two tabs submitting at once make one account.
 */
export async function acceptInvite(input: { token: string; password: string }, now = new Date()): Promise<AcceptInviteResult> {
  // Checked before the (deliberately slow) password hash, so a junk link costs nothing.
  const preview = await getInviteByToken(input.token, now);
  if (!preview) return { ok: false, reason: 'not_found' };
  if (preview.state !== 'valid') return { ok: false, reason: preview.state };
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx): Promise<AcceptInviteResult> => {
    const invite = await findToken(tx, 'invite', input.token, true);
    if (!invite) return { ok: false, reason: 'not_found' };
    const state = stateOf(invite, now);
    if (state !== 'valid') return { ok: false, reason: state };

    const stem = slugify(invite.name) || 'staff';
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = await freeUserSlug(tx, stem);
      // ON CONFLICT DO NOTHING keeps the transaction usable when the email or slug was taken meanwhile.
      const [user] = await tx
        .insert(users)
        .values({ name: invite.name, email: invite.email, role: invite.role ?? 'writer', slug, passwordHash, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning(staffColumns);
      if (user) {
        await tx.update(userTokens).set({ usedAt: now, userId: user.id }).where(eq(userTokens.id, invite.id));
        await recordAudit(
          { actor: { id: user.id, name: user.name }, action: 'user.join', objectType: 'user', objectId: user.id, detail: { inviteId: invite.id, name: user.name, email: user.email, role: user.role } },
          tx,
        );
        return { ok: true, user };
      }
      if (await emailTaken(tx, invite.email)) return { ok: false, reason: 'email_taken' };
    }
    throw new Error('acceptInvite: no free slug after several attempts');
  });
}

export type CreateAdminResult =
  | { ok: true; created: boolean; user: StaffMember; token: string; expiresAt: Date }
  | { ok: false; reason: 'not_admin' | 'inactive' };

/**
 * `npm run admin:create`: a newsroom's first admin (or a new way in for an admin locked out),
 * made by whoever runs the server. The account has no usable password: it comes with a one-hour
 * password link, so the password is chosen in the browser under the usual rules and never
 * passes through a command line or a shell history. An existing admin gets a new link; an
 * existing writer or editor is refused (their role is changed in the dashboard).
 */
export async function createAdmin(input: { name: string; email: string }, now = new Date()): Promise<CreateAdminResult> {
  const email = input.email.trim().toLowerCase();
  const existing = await getUserByEmail(email);
  let user: StaffMember;
  let created = false;
  if (existing) {
    if (existing.role !== 'admin') return { ok: false, reason: 'not_admin' };
    if (!existing.active) return { ok: false, reason: 'inactive' };
    user = (await getStaffMember(existing.id))!;
  } else {
    // A password nobody knows; the link below replaces it.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    user = await db.transaction(async (tx) => {
      const slug = await freeUserSlug(tx, slugify(input.name) || 'staff');
      const [row] = await tx.insert(users).values({ name: input.name.trim(), email, role: 'admin', slug, passwordHash, createdAt: now, updatedAt: now }).returning(staffColumns);
      await recordAudit({ actor: null, action: 'user.create_admin', objectType: 'user', objectId: row.id, detail: { name: row.name, email: row.email } }, tx);
      return row;
    });
    created = true;
  }
  const link = await createPasswordResetLink({ userId: user.id }, { id: user.id, name: user.name }, now);
  if (!link.ok) return { ok: false, reason: 'inactive' };
  return { ok: true, created, user, token: link.token, expiresAt: link.expiresAt };
}

export type PeopleChangeResult = { ok: true; user: StaffMember; changed: boolean } | { ok: false; reason: 'not_found' | 'last_admin' };

/**
 * Changes someone's role and ends their sessions, so they sign in again under
 * the new role. The newsroom always keeps at least one active admin.
 */
export async function changeRole(input: { userId: string; role: Role }, actor: PeopleActor, now = new Date()): Promise<PeopleChangeResult> {
  return db.transaction(async (tx): Promise<PeopleChangeResult> => {
    const admins = await lockActiveAdmins(tx);
    const target = await lockUser(tx, input.userId);
    if (!target) return { ok: false, reason: 'not_found' };
    const { updatedAt: _updatedAt, ...current } = target;
    if (target.role === input.role) return { ok: true, user: current, changed: false };
    if (target.role === 'admin' && target.active && !admins.some((id) => id !== target.id)) return { ok: false, reason: 'last_admin' };

    const [user] = await tx
      .update(users)
      .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, target.id))
      .returning(staffColumns);
    await recordAudit(
      { actor, action: 'user.role_change', objectType: 'user', objectId: user.id, detail: { name: user.name, email: user.email, from: target.role, to: user.role } },
      tx,
    );
    return { ok: true, user, changed: true };
  });
}

/**
 * Deactivates or reactivates someone. Deactivation ends every session they
 * have at once and spends any password reset link still open for them.
 */
export async function setActive(input: { userId: string; active: boolean }, actor: PeopleActor, now = new Date()): Promise<PeopleChangeResult> {
  return db.transaction(async (tx): Promise<PeopleChangeResult> => {
    const admins = await lockActiveAdmins(tx);
    const target = await lockUser(tx, input.userId);
    if (!target) return { ok: false, reason: 'not_found' };
    const { updatedAt: _updatedAt, ...current } = target;
    if (target.active === input.active) return { ok: true, user: current, changed: false };
    if (!input.active && target.role === 'admin' && !admins.some((id) => id !== target.id)) return { ok: false, reason: 'last_admin' };

    const [user] = await tx
      .update(users)
      .set({ active: input.active, updatedAt: now, ...(input.active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }) })
      .where(eq(users.id, target.id))
      .returning(staffColumns);
    if (!input.active) {
      await tx
        .update(userTokens)
        .set({ expiresAt: now })
        .where(and(eq(userTokens.kind, 'password_reset'), eq(userTokens.userId, user.id), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    }
    await recordAudit(
      { actor, action: input.active ? 'user.reactivate' : 'user.deactivate', objectType: 'user', objectId: user.id, detail: { name: user.name, email: user.email, role: user.role } },
      tx,
    );
    return { ok: true, user, changed: true };
  });
}

export type CreatePasswordResetResult =
  | { ok: true; token: string; expiresAt: Date; user: Pick<StaffMember, 'id' | 'name' | 'email'> }
  | { ok: false; reason: 'not_found' | 'inactive' };

/** A single-use link, valid for one hour, to set a new password. Replaces any earlier link for the person. */
export async function createPasswordResetLink(input: { userId: string }, actor: PeopleActor, now = new Date()): Promise<CreatePasswordResetResult> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
  return db.transaction(async (tx): Promise<CreatePasswordResetResult> => {
    const target = await lockUser(tx, input.userId);
    if (!target) return { ok: false, reason: 'not_found' };
    if (!target.active) return { ok: false, reason: 'inactive' };
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.kind, 'password_reset'), eq(userTokens.userId, target.id), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    const [row] = await tx
      .insert(userTokens)
      .values({ kind: 'password_reset', tokenHash: hashToken(token), email: target.email, name: target.name, userId: target.id, createdBy: actor.id, expiresAt, createdAt: now })
      .returning({ id: userTokens.id });
    await recordAudit(
      { actor, action: 'user.password_reset_link', objectType: 'user', objectId: target.id, detail: { linkId: row.id, name: target.name, email: target.email, expiresAt: expiresAt.toISOString() } },
      tx,
    );
    return { ok: true, token, expiresAt, user: { id: target.id, name: target.name, email: target.email } };
  });
}

export interface PasswordReset {
  id: string;
  userId: string;
  name: string;
  email: string;
  expiresAt: Date;
  state: TokenState;
}

/** The reset a link stands for, whatever its state; null for a link that never existed or whose person is gone. */
export async function getPasswordResetByToken(token: string, now = new Date()): Promise<PasswordReset | null> {
  const row = await findToken(db, 'password_reset', token);
  if (!row?.userId) return null;
  return { id: row.id, userId: row.userId, name: row.name, email: row.email, expiresAt: row.expiresAt, state: stateOf(row, now) };
}

export type ResetPasswordResult = { ok: true; user: StaffMember } | { ok: false; reason: 'not_found' | 'used' | 'expired' };

/** Sets a new password from a reset link, spends the link and ends every session the person had. */
export async function resetPassword(input: { token: string; password: string }, now = new Date()): Promise<ResetPasswordResult> {
  const preview = await getPasswordResetByToken(input.token, now);
  if (!preview) return { ok: false, reason: 'not_found' };
  if (preview.state !== 'valid') return { ok: false, reason: preview.state };
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx): Promise<ResetPasswordResult> => {
    const link = await findToken(tx, 'password_reset', input.token, true);
    if (!link?.userId) return { ok: false, reason: 'not_found' };
    const state = stateOf(link, now);
    if (state !== 'valid') return { ok: false, reason: state };
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, link.userId), eq(users.active, true)))
      .returning(staffColumns);
    if (!user) return { ok: false, reason: 'not_found' };
    await tx.update(userTokens).set({ usedAt: now }).where(eq(userTokens.id, link.id));
    await recordAudit({ actor: { id: user.id, name: user.name }, action: 'user.password_reset', objectType: 'user', objectId: user.id, detail: { linkId: link.id, name: user.name, email: user.email } }, tx);
    return { ok: true, user };
  });
}

export type ChangePasswordResult = { ok: true; user: StaffMember } | { ok: false; reason: 'wrong_password' | 'not_found' };

/**
 * A signed-in person changes their own password, giving the current one. Every session they have
 * ends (the caller keeps theirs by re-issuing it with the new version: lib/auth keepThisSession).
 */
export async function changePassword(input: { userId: string; current: string; password: string }, now = new Date()): Promise<ChangePasswordResult> {
  const [row] = await db.select({ passwordHash: users.passwordHash, active: users.active }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!row?.active) return { ok: false, reason: 'not_found' };
  if (!(await verifyPassword(row.passwordHash, input.current))) return { ok: false, reason: 'wrong_password' };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx): Promise<ChangePasswordResult> => {
    // Only over the hash just checked: a change made meanwhile (a reset link) is not overwritten.
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, input.userId), eq(users.active, true), eq(users.passwordHash, row.passwordHash)))
      .returning(staffColumns);
    if (!user) return { ok: false, reason: 'not_found' };
    await recordAudit({ actor: { id: user.id, name: user.name }, action: 'user.password_change', objectType: 'user', objectId: user.id, detail: { name: user.name, email: user.email } }, tx);
    return { ok: true, user };
  });
}

/** Active staff who can be credited on a byline, by name. */
export async function listBylineOptions(): Promise<{ id: string; name: string }[]> {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(users.name);
}

export interface PublicAuthor {
  id: string;
  name: string;
  slug: string;
  bio: string;
  avatar: { src: string; width: number; height: number } | null;
}

/**
 * What readers may know about a person on the staff: name, bio and photo, never
 * their email or role. Former staff keep their page: their articles still credit them.
 */
export async function getPublicAuthor(slug: string): Promise<PublicAuthor | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, slug: users.slug, bio: users.bio, imageId: images.id, mimeType: images.mimeType, width: images.width, height: images.height })
    .from(users)
    .leftJoin(images, eq(images.id, users.avatarImageId))
    .where(eq(users.slug, slug))
    .limit(1);
  if (!row) return null;
  const { imageId, mimeType, width, height, ...person } = row;
  return { ...person, avatar: imageId && mimeType && width && height ? { src: mediaUrl({ id: imageId, mimeType }), width, height } : null };
}

export interface ProfileView {
  name: string;
  bio: string;
  avatar: { id: string; src: string; width: number; height: number } | null;
}

export async function getProfile(userId: string): Promise<ProfileView | null> {
  const [row] = await db
    .select({ name: users.name, bio: users.bio, imageId: images.id, mimeType: images.mimeType, width: images.width, height: images.height })
    .from(users)
    .leftJoin(images, eq(images.id, users.avatarImageId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { imageId, mimeType, width, height, ...rest } = row;
  return { ...rest, avatar: imageId && mimeType && width && height ? { id: imageId, src: mediaUrl({ id: imageId, mimeType }), width, height } : null };
}

/** A person's own byline details: the name and bio readers see, and their photo. */
export async function updateProfile(actor: { id: string; name: string }, input: { name: string; bio: string; avatarImageId: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name: input.name, bio: input.bio, avatarImageId: input.avatarImageId, updatedAt: sql`now()` }).where(eq(users.id, actor.id));
    await recordAudit({ actor, action: 'user.profile_change', objectType: 'user', objectId: actor.id, detail: { name: input.name, photo: input.avatarImageId ? 'set' : 'none' } }, tx);
  });
}
