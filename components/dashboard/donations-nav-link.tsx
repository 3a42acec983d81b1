import Link from 'next/link';
import type { Role } from '@/db/schema';
import { mayViewDonations } from '@/lib/donations/rights';
import { getDonationSettings } from '@/lib/settings/donations';

/** "Donations" in the dashboard's navigation, for those who may see them (admins; editors if allowed). */
export async function DonationsNavLink({ role }: { role: Role }) {
  if (role === 'writer' || !mayViewDonations({ role }, await getDonationSettings())) return null;
  return (
    <Link href="/dashboard/donations" className="hover:underline">
      Donations
    </Link>
  );
}
