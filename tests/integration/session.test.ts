import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endAllSessions, getStaffMember } from '@/db/queries/people';
import { currentUser, requireUser } from '@/lib/session';
import { makeUser } from '../helpers/factories';

// The session cookie is next-auth's business; what it says is the one thing
// chosen here. Whether that still counts is lib/session's, against the database.
const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));

const signedInAs = (user: { id: string; sessionVersion: number }) => {
  cookie.session = { user: { id: user.id, sessionVersion: user.sessionVersion } };
};
beforeEach(() => {
  cookie.session = null;
});

/** Where a Next.js redirect was sent, or null if the call did not redirect. */
async function redirectOf(call: () => Promise<unknown>): Promise<string | null> {
  try {
    await call();
    return null;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2];
  }
}

describe('currentUser', () => {
  it('is nobody without a session', async () => {
    expect(await currentUser()).toBeNull();
  });

  it('is the person the session names, read from the database', async () => {
    const editor = await makeUser('editor');
    signedInAs(editor);
    expect(await currentUser()).toEqual(editor);
  });

  it('is nobody once the person has been deactivated, whatever the cookie says', async () => {
    const former = await makeUser('writer', { active: false });
    signedInAs(former);
    expect(await currentUser()).toBeNull();
  });

  it('is nobody for a session whose person no longer exists', async () => {
    cookie.session = { user: { id: randomUUID(), sessionVersion: 0 } };
    expect(await currentUser()).toBeNull();
  });

  it('ending all sessions signs the person out on every device, and a new sign-in works', async () => {
    const writer = await makeUser('writer');
    signedInAs(writer);
    expect(await currentUser()).not.toBeNull();

    await endAllSessions(writer.id);
    expect(await currentUser()).toBeNull();

    const fresh = (await getStaffMember(writer.id))!;
    expect(fresh.sessionVersion).toBe(writer.sessionVersion + 1);
    signedInAs(fresh);
    expect((await currentUser())?.id).toBe(writer.id);
  });
});

describe('requireUser', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    expect(await redirectOf(() => requireUser())).toBe('/sign-in');
  });

  it('sends someone whose role is not allowed back to the dashboard', async () => {
    const writer = await makeUser('writer');
    signedInAs(writer);
    expect(await redirectOf(() => requireUser(['editor', 'admin']))).toBe('/dashboard?denied=1');
  });

  it('lets an allowed person through', async () => {
    const admin = await makeUser('admin');
    signedInAs(admin);
    expect(await requireUser(['editor', 'admin'])).toEqual(admin);
  });
});
