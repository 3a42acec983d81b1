import 'server-only';
import { redirect } from 'next/navigation';
import type { StaffMember } from '@/db/queries/people';
import { currentUser, requireUser } from '@/lib/session';
import { getDonationSettings } from '@/lib/settings/donations';
import { mayViewDonations } from './rights';

/** For the donations dashboard pages: the signed-in viewer, or a redirect (to sign in, or to the dashboard with "not allowed"). */
export async function requireDonationsViewer(): Promise<StaffMember> {
  const user = await requireUser();
  if (!mayViewDonations(user, await getDonationSettings())) redirect('/dashboard?denied=1');
  return user;
}

/** For route handlers: who is calling and whether they may see donations, read fresh from the database. */
export async function donationsViewer(): Promise<{ ok: true; user: StaffMember } | { ok: false; status: 401 | 403 }> {
  const user = await currentUser();
  if (!user) return { ok: false, status: 401 };
  if (!mayViewDonations(user, await getDonationSettings())) return { ok: false, status: 403 };
  return { ok: true, user };
}
