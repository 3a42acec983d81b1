import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { isCrossOrigin } from '@/lib/request';
import { throttleStatus, waitMessage } from '@/lib/throttle';
import { clientAddress } from '@/lib/throttle/address';

export const { GET } = handlers;

/**
 * next-auth's own endpoints, with one change: a credentials sign-in refused by the throttle
 * (lib/throttle) answers 429 Too Many Requests with Retry-After, rather than next-auth's redirect
 * to the sign-in page. checkCredentials decides; this only turns its refusal into the status.
 * A POST from another site's page is refused with 403 (lib/request.ts isCrossOrigin).
 */
export async function POST(request: NextRequest): Promise<Response> {
  // next-auth checks its CSRF token on sign-in and sign-out; another site's page is refused
  // before that, whatever it sends.
  if (isCrossOrigin(request)) return Response.json({ error: 'Cross-origin requests are refused.' }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  if (!request.nextUrl.pathname.endsWith('/callback/credentials')) return handlers.POST(request);
  const copy = request.clone();
  const response = await handlers.POST(request);
  if (!(await refusedAsThrottled(response))) return response;

  const form = await copy.formData().catch(() => null);
  const email = typeof form?.get('email') === 'string' ? String(form.get('email')).trim().toLowerCase() : '';
  const block = await throttleStatus({ email, address: clientAddress(request.headers) });
  const retryAfterSeconds = block?.retryAfterSeconds ?? 60;
  return Response.json(
    { error: 'TooManyAttempts', message: waitMessage(retryAfterSeconds), retryAfterSeconds },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

/** next-auth reports a CredentialsSignin by its code, in a redirect or (for fetch clients) in JSON. */
async function refusedAsThrottled(response: Response): Promise<boolean> {
  const location = response.headers.get('location');
  if (location) return new URL(location, 'http://x').searchParams.get('code') === 'throttled';
  if (!response.headers.get('content-type')?.includes('application/json')) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === 'string' && new URL(body.url, 'http://x').searchParams.get('code') === 'throttled';
}
