import type { NextRequest } from 'next/server';

type HeaderSource = Pick<NextRequest, 'headers'>;

function originMatchesHost(origin: string, request: HeaderSource): boolean {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed frame, a redirect across sites) or garbage.
    return false;
  }
}

/**
 * Data-changing route handlers that only this site's own pages call (uploads) accept a request
 * only when the browser says it came from this site: an Origin naming this host, or, without one,
 * Sec-Fetch-Site: same-origin. A request saying neither is refused too.
 */
export function isSameOrigin(request: HeaderSource): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') === 'same-origin';
  return originMatchesHost(origin, request);
}

/**
 * A browser's request made by another site's page: its Origin names another host (or is "null"),
 * or without an Origin its Sec-Fetch-Site says so. For endpoints that non-browser clients also
 * call without either header (next-auth's, which has its own CSRF token as well): cross-site
 * request forgery needs a browser, and browsers send Origin with every cross-origin POST.
 */
export function isCrossOrigin(request: HeaderSource): boolean {
  const origin = request.headers.get('origin');
  if (origin) return !originMatchesHost(origin, request);
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}
