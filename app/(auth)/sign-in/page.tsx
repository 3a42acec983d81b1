import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/dashboard/sign-in-form.client';
import { getSiteSettings } from '@/lib/settings/site';
import { currentUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Staff sign-in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect('/dashboard');
  const [{ next }, site] = await Promise.all([searchParams, getSiteSettings()]);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <Link href="/" className="font-serif text-2xl font-bold">
        {site.name}
      </Link>
      <h1 className="mt-8 mb-6 text-2xl font-semibold">Staff sign-in</h1>
      <SignInForm next={typeof next === 'string' ? next : undefined} />
    </main>
  );
}
