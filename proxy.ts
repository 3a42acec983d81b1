import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth.config';
import { dashboardPolicy, newNonce, scriptHash } from '@/lib/security-headers.mjs';
import { THEME_SCRIPT } from '@/lib/theme';

const { auth } = NextAuth(authConfig);

// The root layout's theme script runs on every page; a nonce on it would make every reader page
// dynamic, so the staff pages allow it by its hash (it is a constant).
const THEME_HASH = scriptHash(THEME_SCRIPT);

/**
 * The staff pages (dashboard, sign-in, invitation and reset links) are rendered per request, so
 * they get a Content-Security-Policy with a fresh nonce: Next reads it from the request's
 * Content-Security-Policy header and puts it on every script it writes. Reader pages get the
 * allow-list policy of next.config.ts instead (lib/security-headers.mjs says why).
 */
function withPolicy(request: NextRequest, response?: NextResponse): NextResponse {
  const policy = dashboardPolicy(newNonce(), [THEME_HASH]);
  if (!response) {
    const headers = new Headers(request.headers);
    headers.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// Sending signed-out visitors of /dashboard to the sign-in page is a convenience only: every
// dashboard page, server action and route handler checks the session and the role itself
// (lib/session.ts, lib/action.ts).
const dashboard = auth((request) => {
  if (!request.auth) {
    const signIn = new URL('/sign-in', request.nextUrl.origin);
    signIn.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
    return withPolicy(request, NextResponse.redirect(signIn));
  }
  return withPolicy(request);
});

export function proxy(request: NextRequest, event: Parameters<typeof dashboard>[1]) {
  if (request.nextUrl.pathname === '/dashboard' || request.nextUrl.pathname.startsWith('/dashboard/')) return dashboard(request, event);
  return withPolicy(request);
}

// The same paths as STAFF_PATH_PATTERN in lib/security-headers.mjs and the exclusion in next.config.ts.
export const config = { matcher: ['/dashboard/:path*', '/sign-in', '/invite/:path*', '/reset-password/:path*'] };
