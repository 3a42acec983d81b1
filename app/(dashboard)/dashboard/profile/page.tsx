import Link from 'next/link';
import { ProfileForm } from '@/components/dashboard/profile-form.client';
import { getProfile } from '@/db/queries/people';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const user = await requireUser();
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
    </div>
  );
}
