import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth.config';

// A convenience only: sends signed-out visitors of /dashboard to the sign-in
// page. Every dashboard page, server action and route handler checks the
// session and the role itself (lib/session.ts, lib/action.ts).
const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  if (!request.auth) {
    const signIn = new URL('/sign-in', request.nextUrl.origin);
    signIn.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
});

export const config = { matcher: ['/dashboard/:path*'] };
