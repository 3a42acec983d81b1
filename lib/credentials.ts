import 'server-only';
// next-auth's own class (it re-exports @auth/core's), imported from where it lives so this file
// loads without Next.js around it (the tests).
import { CredentialsSignin } from '@auth/core/errors';
import { z } from 'zod';
import { recordAudit, type AuditInput } from '@/db/queries/audit';
import { getUserByEmail } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from './password';
import { recordFailure, recordSuccess, throttleStatus, type AttemptSource, type Throttled } from './throttle';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

type FailureReason = 'invalid_input' | 'unknown_email' | 'inactive' | 'wrong_password';

/**
 * Thrown instead of checking the password while the email or the client address is throttled
 * (lib/throttle): the sign-in form says how long to wait, the HTTP route answers 429.
 */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** Where an attempt came from, and the clock (tests move it). */
export interface AttemptContext {
  address?: string;
  now?: number;
}

/**
 * The audit entry must never decide the sign-in: a database hiccup while
 * writing it is one line in the log, not a refused sign-in or a stack trace.
 */
async function auditSignIn(entry: AuditInput): Promise<void> {
  try {
    await recordAudit(entry);
  } catch (error) {
    console.error(`[auth] could not record ${entry.action} in the audit log: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Logs a failed attempt with the email typed (never the password), and counts it for throttling. */
async function failed(source: AttemptSource, reason: FailureReason, now: number, userId?: string): Promise<null> {
  await recordFailure(source, now);
  await auditSignIn({ actor: null, action: 'auth.sign_in_failed', objectType: 'user', objectId: userId ?? '', detail: { email: source.email.slice(0, 254), reason, address: source.address } });
  return null;
}

// A throttled flood is logged once a minute per email and address (per process), not once a request.
const throttleLogged = new Map<string, number>();
async function throttled(source: AttemptSource, block: Throttled, now: number): Promise<never> {
  const key = `${source.email}\n${source.address}`;
  if (now - (throttleLogged.get(key) ?? -Infinity) >= 60_000) {
    if (throttleLogged.size > 10_000) throttleLogged.clear();
    throttleLogged.set(key, now);
    await auditSignIn({
      actor: null,
      action: 'auth.sign_in_failed',
      objectType: 'user',
      objectId: '',
      detail: { email: source.email.slice(0, 254), reason: 'throttled', scope: block.scope, address: source.address, retryAfterSeconds: block.retryAfterSeconds },
    });
  }
  throw new SignInThrottled(block.retryAfterSeconds);
}

/**
 * Checks an email and password against an active account, and logs the
 * attempt. Null means "refused", whatever the reason, so the answer (and its
 * timing) does not tell an unknown address from a wrong password. Throws
 * SignInThrottled, before looking anything up, while the email or the client
 * address has had too many failures (unknown emails are counted alike).
 * Kept apart from next-auth (lib/auth.ts) so it can be tested on its own.
 */
export async function checkCredentials(raw: Partial<Record<string, unknown>>, context: AttemptContext = {}): Promise<SignedInUser | null> {
  const now = context.now ?? Date.now();
  const parsed = credentialsSchema.safeParse(raw);
  const typed = typeof raw.email === 'string' ? raw.email.trim().toLowerCase().slice(0, 254) : '';
  const source: AttemptSource = { email: parsed.success ? parsed.data.email : typed, address: context.address ?? 'unknown' };
  const block = await throttleStatus(source, now);
  if (block) return throttled(source, block, now);
  if (!parsed.success) return failed(source, 'invalid_input', now);
  const { email, password } = parsed.data;
  const user = await getUserByEmail(email);
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    return failed(source, user ? 'inactive' : 'unknown_email', now, user?.id);
  }
  if (!(await verifyPassword(user.passwordHash, password))) return failed(source, 'wrong_password', now, user.id);
  await recordSuccess(source);
  await auditSignIn({ actor: { id: user.id, name: user.name }, action: 'auth.sign_in', objectType: 'user', objectId: user.id, detail: { email: user.email, address: source.address } });
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
