import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getStaffMember, type StaffMember } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { auth } from './auth';

/**
 * Who is calling, read fresh from the database on every request: a role
 * change, a deactivation or a sign-out takes effect at once, whatever the
 * session cookie still says (a JWT cannot be recalled, so the database decides).
 */
export const currentUser = cache(async (): Promise<StaffMember | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getStaffMember(id);
  if (!user?.active || user.sessionVersion !== session.user.sessionVersion) return null;
  return user;
});

/** For dashboard pages: the signed-in person, or a redirect to sign in. */
export async function requireUser(roles?: readonly Role[]): Promise<StaffMember> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  if (roles && !roles.includes(user.role)) redirect('/dashboard?denied=1');
  return user;
}
