import Link from 'next/link';
import { ChangePasswordForm } from '@/components/dashboard/change-password-form.client';
import { ProfileForm } from '@/components/dashboard/profile-form.client';
import { getProfile } from '@/db/queries/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Your profile' };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const { password } = await searchParams;
  const profile = await getProfile(user.id);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Your profile</h1>
      <p className="mt-1 mb-6 text-sm text-muted">
        Readers see this on your author page,{' '}
        <Link href={`/authors/${user.slug}`} className="underline">
          /authors/{user.slug}
        </Link>
        , once you have a published article or a bio.
      </p>
      <ProfileForm initial={{ name: profile?.name ?? user.name, bio: profile?.bio ?? '', avatar: profile?.avatar ?? null }} />
      <hr className="my-8 max-w-xl border-rule" />
      <ChangePasswordForm key={password === 'changed' ? 'changed' : 'form'} email={user.email} changed={password === 'changed'} hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common password. A few unrelated words make a strong one.`} />
    </div>
  );
}
