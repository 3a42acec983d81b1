import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptInviteAction } from '@/app/(auth)/invite/[token]/actions';
import { resetPasswordAction } from '@/app/(auth)/reset-password/[token]/actions';
import { signOutAction } from '@/app/(auth)/sign-in/actions';
import { changePasswordAction } from '@/app/(dashboard)/dashboard/profile/actions';
import { changeRoleAction, setActiveAction } from '@/app/(dashboard)/dashboard/people/actions';
import { listAuditEntries } from '@/db/queries/audit';
import { createInvite, createPasswordResetLink, getStaffMember, getUserByEmail } from '@/db/queries/people';
import { authConfig, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, secureCookies, withinSessionLimits } from '@/lib/auth.config';
import { checkCredentials, SignInThrottled } from '@/lib/credentials';
import { verifyPassword } from '@/lib/password';
import { commonPasswords, isCommonPassword } from '@/lib/passwords/common';
import { currentUser } from '@/lib/session';
import { MAX_FAILURES, resetThrottle, throttleStatus, WINDOW_MS } from '@/lib/throttle';
import type { JWT } from 'next-auth/jwt';
import { DEMO_PASSWORD } from '@/db/demo-staff';
import { makeUser, TEST_PASSWORD, unique } from '../helpers/factories';

// The session cookie is next-auth's business: what it says is the one thing these tests choose.
// Everything after it (lib/session, the actions, the throttle, the database) is the real code.
const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null, reissued: [] as { id: string; sessionVersion: number }[], signedOut: 0 }));
vi.mock('@/lib/auth', () => ({
  auth: async () => cookie.session,
  keepThisSession: async (user: { id: string; sessionVersion: number }) => {
    cookie.reissued.push(user);
    cookie.session = { user: { id: user.id, sessionVersion: user.sessionVersion } };
  },
  signIn: async () => {},
  signOut: async () => {
    cookie.signedOut++;
    cookie.session = null;
  },
}));
// The sign-in actions' module imports next-auth's error class, which needs Next.js to load.
vi.mock('next-auth', async () => ({ AuthError: (await import('@auth/core/errors')).AuthError }));
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/headers')>()), headers: async () => request.headers }));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => {} }));

type Device = { user: { id: string; sessionVersion: number } };
const device = (user: { id: string; sessionVersion: number }): Device => ({ user: { id: user.id, sessionVersion: user.sessionVersion } });
/** Who lib/session says is calling from this device's cookie. */
async function whoIsOn(d: Device) {
  const saved = cookie.session;
  cookie.session = d;
  try {
    return await currentUser();
  } finally {
    cookie.session = saved;
  }
}

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

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

beforeEach(async () => {
  cookie.session = null;
  cookie.reissued = [];
  cookie.signedOut = 0;
  request.headers = new Headers({ 'x-forwarded-for': '192.0.2.10', origin: 'http://newsroom.test' });
  await resetThrottle();
});

describe('the list of common passwords', () => {
  it('holds at least 10,000 passwords, lower-cased, and is checked whatever the case', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    expect([...list].every((p) => p === p.toLowerCase())).toBe(true);
    for (const p of ['password1234', 'PASSWORD1234', 'Password1234', 'qwertyuiop123']) expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword('harbour lights at dusk')).toBe(false);
  });

  it('the demo password and the tests’ own are not on it', () => {
    expect(isCommonPassword(DEMO_PASSWORD)).toBe(false);
    expect(isCommonPassword(TEST_PASSWORD)).toBe(false);
  });

  it('accepting an invitation refuses a common password at the field and makes no account', async () => {
    const admin = await makeUser('admin');
    const email = `${unique('invitee')}@example.test`;
    const invite = await createInvite({ name: 'New Person', email, role: 'writer' }, admin);
    if (!invite.ok) throw new Error('no invite');
    const result = await acceptInviteAction({}, form({ token: invite.token, password: 'Password1234', confirm: 'Password1234' }));
    expect(result.fieldErrors?.password).toMatch(/list of common passwords/);
    expect(await getUserByEmail(email)).toBeNull();
  });

  it('a reset link refuses a common password at the field and keeps the old one', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    const link = await createPasswordResetLink({ userId: writer.id }, admin);
    if (!link.ok) throw new Error('no link');
    const result = await resetPasswordAction({}, form({ token: link.token, password: 'QWERTYUIOP123', confirm: 'QWERTYUIOP123' }));
    expect(result.fieldErrors?.password).toMatch(/list of common passwords/);
    expect(await verifyPassword((await getUserByEmail(writer.email))!.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it('changing your own password refuses a common one at the field and keeps the old one', async () => {
    const writer = await makeUser('writer');
    cookie.session = device(writer);
    const result = await changePasswordAction({ current: TEST_PASSWORD, password: 'password1234', confirm: 'password1234' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { password: expect.stringMatching(/list of common passwords/) } });
    expect(await verifyPassword((await getUserByEmail(writer.email))!.passwordHash, TEST_PASSWORD)).toBe(true);
  });
});

describe('changing your own password', () => {
  it('needs the current password, then ends every other session and keeps this one', async () => {
    const writer = await makeUser('writer');
    const laptop = device(writer);
    const phone = device(writer);
    cookie.session = laptop;

    const wrong = await changePasswordAction({ current: 'not my password at all', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { current: 'That is not your current password.' } });
    expect(await whoIsOn(phone)).not.toBeNull();

    // Success sends the browser to a fresh request (the re-issued cookie), which says so.
    expect(await redirectOf(() => changePasswordAction({ current: TEST_PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' }))).toBe('/dashboard/profile?password=changed');
    const after = (await getStaffMember(writer.id))!;
    expect(after.sessionVersion).toBe(writer.sessionVersion + 1);
    // The other device is signed out at once; this one was re-issued with the new version.
    expect(await whoIsOn(phone)).toBeNull();
    expect(cookie.reissued).toEqual([expect.objectContaining({ id: writer.id, sessionVersion: after.sessionVersion })]);
    expect((await currentUser())?.id).toBe(writer.id);
    expect(await checkCredentials({ email: writer.email, password: 'a brand new passphrase' }, { address: address() })).toMatchObject({ id: writer.id });
    const [entry] = await listAuditEntries({ action: 'user.password_change', objectId: writer.id });
    expect(entry.actorId).toBe(writer.id);
  });

  it('wants 12 to 128 characters typed twice, different from the current one', async () => {
    const writer = await makeUser('writer');
    cookie.session = device(writer);
    expect((await changePasswordAction({ current: TEST_PASSWORD, password: 'short-11chr', confirm: 'short-11chr' })).ok).toBe(false);
    expect(await changePasswordAction({ current: TEST_PASSWORD, password: 'x'.repeat(129), confirm: 'x'.repeat(129) })).toMatchObject({ fieldErrors: { password: expect.stringMatching(/at most 128/) } });
    expect(await changePasswordAction({ current: TEST_PASSWORD, password: 'one long passphrase', confirm: 'another long one' })).toMatchObject({ fieldErrors: { confirm: 'The two passwords are not the same.' } });
    expect(await changePasswordAction({ current: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD })).toMatchObject({ fieldErrors: { password: expect.stringMatching(/different/) } });
    expect((await getStaffMember(writer.id))!.sessionVersion).toBe(writer.sessionVersion);
  });

  it('wrong current passwords count towards the throttle', async () => {
    const writer = await makeUser('writer');
    cookie.session = device(writer);
    for (let i = 0; i < MAX_FAILURES; i++) await changePasswordAction({ current: `wrong guess number ${i}`, password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    const blocked = await changePasswordAction({ current: TEST_PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(blocked).toMatchObject({ ok: false, fieldErrors: { current: 'Too many attempts. Try again in 15 minutes.' } });
    expect(await verifyPassword((await getUserByEmail(writer.email))!.passwordHash, TEST_PASSWORD)).toBe(true);
  });
});

describe('every other session ends at once when the person', () => {
  it('signs out (on any one device)', async () => {
    const editor = await makeUser('editor');
    const [laptop, phone] = [device(editor), device(editor)];
    cookie.session = laptop;
    await signOutAction();
    expect(cookie.signedOut).toBe(1);
    expect(await whoIsOn(phone)).toBeNull();
    expect(await whoIsOn(laptop)).toBeNull();
  });

  it('changes their password (covered above), has their role changed, or is deactivated', async () => {
    const admin = await makeUser('admin');
    const writer = await makeUser('writer');
    const phone = device(writer);
    expect(await whoIsOn(phone)).not.toBeNull();
    cookie.session = device(admin);
    expect(await changeRoleAction({ userId: writer.id, role: 'editor' })).toMatchObject({ ok: true });
    expect(await whoIsOn(phone)).toBeNull();

    const tablet = device((await getStaffMember(writer.id))!);
    expect(await whoIsOn(tablet)).not.toBeNull();
    expect(await setActiveAction({ userId: writer.id, active: false })).toMatchObject({ ok: true });
    expect(await whoIsOn(tablet)).toBeNull();
    // Reactivated, the old cookie stays dead: only a new sign-in counts.
    expect(await setActiveAction({ userId: writer.id, active: true })).toMatchObject({ ok: true });
    expect(await whoIsOn(tablet)).toBeNull();
  });
});

describe('session limits', () => {
  const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
  const signedInAt = (at: number) => ({ uid: 'u1', role: 'writer' as const, sv: 0, authAt: at, seenAt: at });

  it('a session used within the idle limit lives on, and each use moves its last-seen time', () => {
    const later = withinSessionLimits(signedInAt(t0), t0 + SESSION_IDLE_MS - 1000);
    expect(later?.seenAt).toBe(t0 + SESSION_IDLE_MS - 1000);
    expect(withinSessionLimits(later!, t0 + 2 * SESSION_IDLE_MS - 2000)).not.toBeNull();
  });

  it('ends after the idle limit without a request', () => {
    expect(withinSessionLimits(signedInAt(t0), t0 + SESSION_IDLE_MS)).toBeNull();
  });

  it('ends at the absolute limit however busy it is', () => {
    let token: JWT = signedInAt(t0);
    for (let at = t0; at < t0 + SESSION_ABSOLUTE_MS; at += SESSION_IDLE_MS / 2) token = withinSessionLimits(token, at)!;
    expect(token).not.toBeNull();
    expect(withinSessionLimits(token, t0 + SESSION_ABSOLUTE_MS)).toBeNull();
  });

  it('a token without the times (made before the limits, or forged without them) is no session', () => {
    expect(withinSessionLimits({ uid: 'u1', role: 'writer', sv: 0 }, t0)).toBeNull();
  });

  it('next-auth’s jwt callback stamps the sign-in, applies both limits, and ignores what a browser posts as an update', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(t0);
      const jwt = authConfig.callbacks.jwt as (params: Record<string, unknown>) => Promise<Record<string, unknown> | null> | Record<string, unknown> | null;
      const token = await jwt({ token: { sub: 'u1' }, user: { id: 'u1', role: 'writer', sessionVersion: 3 }, trigger: 'signIn' });
      expect(token).toMatchObject({ uid: 'u1', role: 'writer', sv: 3, authAt: t0, seenAt: t0 });
      vi.setSystemTime(t0 + 60_000);
      const forged = await jwt({ token, trigger: 'update', session: { sv: 99, role: 'admin', authAt: Date.now() } });
      expect(forged).toMatchObject({ sv: 3, role: 'writer', authAt: t0, seenAt: t0 + 60_000 });
      vi.setSystemTime(t0 + 60_000 + SESSION_IDLE_MS);
      expect(await jwt({ token: forged })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('cookies are Secure in production, except for a production build served on localhost over HTTP', () => {
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: 'https://news.example.org' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: 'http://news.example.org' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: '' })).toBe(true);
    // Left to next-auth: Secure when the request came over HTTPS (tests/e2e/auth.spec.ts reads both answers).
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3100' })).toBeUndefined();
    expect(secureCookies({ NODE_ENV: 'development', SITE_URL: 'http://localhost:3000' })).toBe(false);
  });
});

/** The throttle's contract, run on the in-process store and on Redis. */
function throttleContract(name: string, setUp: () => void) {
  describe(`sign-in throttling, ${name}`, () => {
    beforeEach(async () => {
      await resetThrottle();
      setUp();
    });

    const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
    const failFiveTimes = async (email: string, from: (i: number) => string, start = t0) => {
      for (let i = 0; i < MAX_FAILURES; i++) expect(await checkCredentials({ email, password: `wrong guess ${i}` }, { address: from(i), now: start + i * 1000 })).toBeNull();
    };
    const refusal = async (call: Promise<unknown>) => {
      try {
        await call;
        return null;
      } catch (error) {
        if (error instanceof SignInThrottled) return error;
        throw error;
      }
    };

    it('five failures for one account, from five addresses, refuse the sixth attempt, even with the right password, for 15 minutes', async () => {
      const writer = await makeUser('writer');
      await failFiveTimes(writer.email, () => address());
      const blocked = await refusal(checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + 10_000 }));
      expect(blocked).toBeInstanceOf(SignInThrottled);
      expect(blocked?.code).toBe('throttled');
      // 15 minutes from the first failure, which was 10 seconds ago.
      expect(blocked?.retryAfterSeconds).toBe(15 * 60 - 10);
      // Still refused one second before the window has passed for the oldest failure...
      expect(await refusal(checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + WINDOW_MS - 1 }))).toBeInstanceOf(SignInThrottled);
      // ...and lifted by itself once it has: no permanent lockout, and the right password works.
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + WINDOW_MS })).toMatchObject({ id: writer.id });
    });

    it('five failures from one address, for five accounts, refuse that address for any account, and no other', async () => {
      const here = address();
      const writer = await makeUser('writer');
      for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: `${unique('someone')}@example.test`, password: 'not theirs' }, { address: here, now: t0 + i });
      const blocked = await refusal(checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: here, now: t0 + 60_000 }));
      expect(blocked).toBeInstanceOf(SignInThrottled);
      expect(blocked?.retryAfterSeconds).toBe(15 * 60 - 60);
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + 60_000 })).toMatchObject({ id: writer.id });
    });

    it('unknown emails are counted like real ones, so the throttle does not tell which accounts exist', async () => {
      const writer = await makeUser('writer');
      const nobody = `${unique('nobody')}@example.test`;
      await failFiveTimes(writer.email, () => address());
      await failFiveTimes(nobody, () => address());
      const real = await refusal(checkCredentials({ email: writer.email, password: 'x' }, { address: address(), now: t0 + 5000 }));
      const made = await refusal(checkCredentials({ email: nobody, password: 'x' }, { address: address(), now: t0 + 5000 }));
      expect(real?.retryAfterSeconds).toBe(made?.retryAfterSeconds);
      expect(real?.message).toBe(made?.message);
    });

    it('the email is counted however it is typed', async () => {
      const writer = await makeUser('writer');
      await failFiveTimes(` ${writer.email.toUpperCase()} `, () => address());
      expect(await throttleStatus({ email: writer.email, address: address() }, t0 + 5000)).toMatchObject({ scope: 'account' });
    });

    it('refused attempts do not count, so the block ends 15 minutes after the fifth-latest failure', async () => {
      const writer = await makeUser('writer');
      await failFiveTimes(writer.email, () => address());
      for (let i = 0; i < 20; i++) await refusal(checkCredentials({ email: writer.email, password: 'x' }, { address: address(), now: t0 + 60_000 + i }));
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + WINDOW_MS })).toMatchObject({ id: writer.id });
    });

    it('a right password clears the account’s count, not the address’s', async () => {
      const writer = await makeUser('writer');
      const here = address();
      for (let i = 0; i < MAX_FAILURES - 1; i++) await checkCredentials({ email: writer.email, password: `wrong ${i}` }, { address: here, now: t0 + i });
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: t0 + 10 })).toMatchObject({ id: writer.id });
      expect(await throttleStatus({ email: writer.email, address: address() }, t0 + 20)).toBeNull();
      await checkCredentials({ email: `${unique('x')}@example.test`, password: 'wrong again' }, { address: here, now: t0 + 30 });
      expect(await throttleStatus({ email: `${unique('y')}@example.test`, address: here }, t0 + 40)).toMatchObject({ scope: 'address' });
    });

    it('a throttled attempt is in the audit log, with the email typed and the address, never the password', async () => {
      const email = `${unique('target')}@example.test`;
      await failFiveTimes(email, () => address());
      const from = address();
      await refusal(checkCredentials({ email, password: 'the secret typed' }, { address: from, now: t0 + 6000 }));
      const entries = await listAuditEntries({ action: 'auth.sign_in_failed' });
      const entry = entries.find((e) => e.detail?.email === email && e.detail?.reason === 'throttled');
      expect(entry?.detail).toMatchObject({ scope: 'account', address: from });
      expect(JSON.stringify(entry)).not.toContain('the secret typed');
    });
  });
}

const savedEnv = { REDIS_URL: process.env.REDIS_URL, CACHE_PREFIX: process.env.CACHE_PREFIX };
function restoreEnv() {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
afterEach(async () => {
  await resetThrottle();
  restoreEnv();
});

throttleContract('counted in this process (no REDIS_URL)', () => {
  delete process.env.REDIS_URL;
});

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `masthead-test-${randomUUID().slice(0, 8)}:`;
throttleContract('counted in Redis', () => {
  process.env.REDIS_URL = REDIS_URL;
  process.env.CACHE_PREFIX = prefix;
});

describe('sign-in throttling with Redis', () => {
  afterAll(async () => {
    const client = await createClient({ url: REDIS_URL }).connect();
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(keys);
    await client.close();
  });

  it('counts are shared: failures recorded by one instance refuse sign-in on another', async () => {
    process.env.REDIS_URL = REDIS_URL;
    process.env.CACHE_PREFIX = prefix;
    const writer = await makeUser('writer');
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await checkCredentials({ email: writer.email, password: `wrong ${i}` }, { address: address(), now: now + i });
    // Another instance: nothing of this process's memory, only Redis.
    await resetThrottle();
    expect(await throttleStatus({ email: writer.email, address: address() }, now + 1000)).toMatchObject({ scope: 'account' });
    const client = await createClient({ url: REDIS_URL }).connect();
    const keys = await client.keys(`${prefix}throttle:*`);
    await client.close();
    // Keys name a hash of the email, never the email itself.
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes(writer.email))).toBe(false);
  });

  it('with Redis unreachable, sign-in works and this process counts on its own', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    process.env.CACHE_PREFIX = `masthead-down-${randomUUID().slice(0, 8)}:`;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const writer = await makeUser('writer');
      const now = Date.now();
      expect(await checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now })).toMatchObject({ id: writer.id });
      for (let i = 0; i < MAX_FAILURES; i++) expect(await checkCredentials({ email: writer.email, password: `wrong ${i}` }, { address: address(), now: now + i })).toBeNull();
      await expect(checkCredentials({ email: writer.email, password: TEST_PASSWORD }, { address: address(), now: now + 10 })).rejects.toBeInstanceOf(SignInThrottled);
      // One line for the outage, not one per attempt.
      expect(log.mock.calls.filter(([line]) => String(line).includes('[auth] Redis unavailable')).length).toBe(1);
    } finally {
      log.mockRestore();
    }
  });
});
