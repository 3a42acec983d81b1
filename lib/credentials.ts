import 'server-only';
import { z } from 'zod';
import { recordAudit, type AuditInput } from '@/db/queries/audit';
import { getUserByEmail } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from './password';

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

/** Logs a failed attempt with the email typed (never the password). */
async function failed(email: string, reason: FailureReason, userId?: string): Promise<null> {
  await auditSignIn({ actor: null, action: 'auth.sign_in_failed', objectType: 'user', objectId: userId ?? '', detail: { email: email.slice(0, 254), reason } });
  return null;
}

/**
 * Checks an email and password against an active account, and logs the
 * attempt. Null means "refused", whatever the reason, so the answer (and its
 * timing) does not tell an unknown address from a wrong password.
 * Kept apart from next-auth (lib/auth.ts) so it can be tested on its own.
 */
export async function checkCredentials(raw: Partial<Record<string, unknown>>): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return failed(typeof raw.email === 'string' ? raw.email.trim().toLowerCase() : '', 'invalid_input');
  const { email, password } = parsed.data;
  const user = await getUserByEmail(email);
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    return failed(email, user ? 'inactive' : 'unknown_email', user?.id);
  }
  if (!(await verifyPassword(user.passwordHash, password))) return failed(email, 'wrong_password', user.id);
  await auditSignIn({ actor: { id: user.id, name: user.name }, action: 'auth.sign_in', objectType: 'user', objectId: user.id, detail: { email: user.email } });
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
