import Link from 'next/link';
import { DonationSettingsForm } from '@/components/dashboard/donation-settings-form.client';
import { requireUser } from '@/lib/session';
import { getDonationSettings, settingsToForm } from '@/lib/settings/donations';
import { paymentMode } from '@/lib/stripe';

export const metadata = { title: 'Donation settings' };

export default async function DonationSettingsPage() {
  await requireUser(['admin']);
  const settings = await getDonationSettings();
  const mode = paymentMode();
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <div>
        <p className="text-sm">
          <Link href="/dashboard/donations" className="text-muted underline hover:text-ink">
            Donations
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Donation settings</h1>
        <p className="mt-1 text-sm text-muted">
          What readers see on the support page and at the end of articles. Amounts are in each currency’s main unit (12.50 means twelve and a half).
        </p>
      </div>
      <p className="rounded border border-rule bg-panel px-3 py-2 text-sm">
        {mode === 'test'
          ? 'Payments: test mode. Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET on the server to take real gifts (see the README, “Reader support”).'
          : mode === 'stripe-test'
            ? 'Payments: Stripe test mode (a test key is set).'
            : 'Payments: live, through Stripe.'}
      </p>
      <DonationSettingsForm initial={settingsToForm(settings)} />
    </div>
  );
}
