import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getStaffMember, type StaffMember } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { auth } from './auth';

/**
 * Who is calling, read fresh from the database on every request: a role
 * change or a deactivation takes effect at once, whatever the session cookie says.
 */
export const currentUser = cache(async (): Promise<StaffMember | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getStaffMember(id);
  return user?.active ? user : null;
});

/** For dashboard pages: the signed-in person, or a redirect to sign in. */
export async function requireUser(roles?: readonly Role[]): Promise<StaffMember> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  if (roles && !roles.includes(user.role)) redirect('/dashboard?denied=1');
  return user;
}
