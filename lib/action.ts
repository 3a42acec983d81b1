import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { StaffMember } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { currentUser } from './session';
import { isDatabaseUnavailable } from './db-errors';
import { logError, requestIdOf } from './error-log';

export type FieldErrors = Record<string, string>;

export type ActionFailure = {
  ok: false;
  code: 'unauthenticated' | 'forbidden' | 'invalid' | 'not_found' | 'conflict' | 'unavailable' | 'error';
  error: string;
  fieldErrors?: FieldErrors;
};
export type ActionResult<T = undefined> = ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T })) | ActionFailure;

export const fail = (code: ActionFailure['code'], error: string, fieldErrors?: FieldErrors): ActionFailure => ({ ok: false, code, error, fieldErrors });

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Every server action goes through this, in this order: who is calling, may
 * their role do this at all, is the input valid; then the handler checks the
 * row itself. A server action is a public endpoint: nothing upstream protects it.
 */
export function authedAction<S extends z.ZodType, T>(
  options: { roles?: readonly Role[]; schema: S },
  handler: (input: z.output<S>, user: StaffMember) => Promise<ActionResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const user = await currentUser();
      if (!user) return fail('unauthenticated', 'You are not signed in (or your session has ended). Sign in again; nothing you typed is lost.');
      if (options.roles && !options.roles.includes(user.role)) return fail('forbidden', 'Your role does not allow this.');
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return fail('invalid', 'Some fields need attention.', fieldErrorsOf(parsed.error));
      return await handler(parsed.data, user);
    } catch (error) {
      if (isRedirectOrNotFound(error)) throw error;
      if (isDatabaseUnavailable(error)) return fail('unavailable', 'Masthead cannot reach its database right now. Your text is kept in this browser; try again in a moment.');
      // The person sees a reference and never the error itself (it may quote SQL); the log has both.
      const requestId = await currentRequestId();
      logError('action', error, { requestId });
      return fail('error', `Something went wrong on the server (reference ${requestId.slice(0, 8)}). Your text is kept in this browser.`);
    }
  };
}

/** The request's id (scripts/next-server.mjs), or a new one outside `npm start` (tests, `next dev`). */
async function currentRequestId(): Promise<string> {
  try {
    const id = requestIdOf(await headers());
    if (id !== '-') return id;
  } catch {
    // Called outside a request (integration tests): no headers to read.
  }
  return randomUUID();
}

function isRedirectOrNotFound(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
