import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@/db/queries/audit';
import { createAdmin, getPasswordResetByToken, getUserByEmail, resetPassword } from '@/db/queries/people';
import { checkCredentials } from '@/lib/credentials';
import { resetThrottle } from '@/lib/throttle';
import { makeUser, unique } from '../helpers/factories';

// `npm run admin:create`: the only way a newsroom's first admin exists outside the demo seed.
const NEW_PASSWORD = 'a quiet harbour at dawn, 1987';

beforeEach(() => resetThrottle());

describe('making an admin from the command line', () => {
  it('makes an admin with no usable password and a one-hour link to choose one', async () => {
    const email = `${unique('first-admin')}@newsroom.test`;
    const result = await createAdmin({ name: 'Ada Quay', email });
    expect(result).toMatchObject({ ok: true, created: true, user: { name: 'Ada Quay', email, role: 'admin', active: true } });
    if (!result.ok) return;
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(result.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    // Nobody can sign in before the link is used.
    expect(await checkCredentials({ email, password: 'masthead-demo' })).toBeNull();
    expect((await getPasswordResetByToken(result.token))?.state).toBe('valid');
    expect(await resetPassword({ token: result.token, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await checkCredentials({ email, password: NEW_PASSWORD })).toMatchObject({ email, role: 'admin' });

    const entries = await listAuditEntries({ objectId: result.user.id });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create_admin', 'user.password_reset_link', 'user.password_reset']));
  });

  it('gives an existing admin a new link (the old one stops working), and refuses anyone else', async () => {
    const email = `${unique('admin-again')}@newsroom.test`;
    const first = await createAdmin({ name: 'Bo Quay', email });
    const again = await createAdmin({ name: 'Bo Quay', email: email.toUpperCase() });
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok || !again.ok) return;
    expect(again.user.id).toBe(first.user.id);
    expect((await getPasswordResetByToken(first.token))?.state).not.toBe('valid');

    const writer = await makeUser('writer');
    expect(await createAdmin({ name: writer.name, email: writer.email })).toEqual({ ok: false, reason: 'not_admin' });
    expect((await getUserByEmail(writer.email))?.role).toBe('writer');
  });
});
