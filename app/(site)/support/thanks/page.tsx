import type { Metadata } from 'next';
import Link from 'next/link';
import { GaveMarker } from '@/components/site/gave-marker.client';
import { TestModeNotice } from '@/components/site/test-mode-notice';
import { getGiftByRef, type GiftByRef } from '@/db/queries/donations';
import { isMastheadTestGift } from '@/lib/donations/gifts';
import { createManageToken } from '@/lib/donations/manage-link';
import { settleCompletedCheckout } from '@/lib/donations/stripe-events';
import { giftPhrase, isCurrencyCode } from '@/lib/money';
import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { getStripe } from '@/lib/stripe';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

// The thank-you page's address carries the gift's random reference; anyone
// holding it sees the gift's amount and name, and for a day a link to manage it.
const MANAGE_FROM_THANKS_MS = 24 * 60 * 60_000;
const REF = /^[A-Za-z0-9_-]{16,64}$/;
const recent = (created: Date) => Date.now() - created.getTime() < MANAGE_FROM_THANKS_MS;

type SearchParams = Record<string, string | string[] | undefined>;

/** Back from Stripe before its webhook: ask Stripe, and settle a completed checkout the way the webhook will. */
async function settleIfStripeSaysSo(found: GiftByRef, sessionId: string | undefined): Promise<boolean> {
  const row = found.kind === 'donation' ? found.donation : found.gift;
  const stripe = getStripe();
  if (!stripe || row.status !== 'pending' || !row.stripeCheckoutSessionId || row.stripeCheckoutSessionId !== sessionId) return false;
  try {
    const session = await stripe.checkout.sessions.retrieve(row.stripeCheckoutSessionId);
    return (await settleCompletedCheckout(session)) === 'applied';
  } catch (error) {
    console.error(`[donations] could not check a checkout with Stripe: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export default async function ThanksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ref = typeof params.ref === 'string' && REF.test(params.ref) ? params.ref : null;
  const [site, settings] = await Promise.all([getSiteSettings(), getDonationSettings()]);
  let found = ref ? await getGiftByRef(ref) : null;
  if (found && (await settleIfStripeSaysSo(found, typeof params.session_id === 'string' ? params.session_id : undefined))) found = await getGiftByRef(ref!);

  if (!found) {
    return (
      <div className="mx-auto max-w-xl py-8">
        <h1 className="font-serif text-4xl font-bold">We cannot find this gift</h1>
        <p className="mt-4 article-body">The link may be incomplete. If you gave, thank you: your receipt email has the details.</p>
        <p className="mt-6">
          <Link href="/support" className="font-semibold underline">
            Go to the support page
          </Link>
        </p>
      </div>
    );
  }

  const row = found.kind === 'donation' ? found.donation : found.gift;
  const currency = isCurrencyCode(row.currency) ? row.currency : null;
  const phrase = currency ? giftPhrase(row.amount, currency, row.frequency) : `${row.amount / 100} ${row.currency}`;
  const done = row.status === 'paid' || row.status === 'active' || row.status === 'past_due' || row.status === 'paused' || row.status === 'partially_refunded';
  const failed = row.status === 'abandoned' || row.status === 'failed';
  const test = row.test;
  const mastheadTest = found.kind === 'gift' ? isMastheadTestGift(found.gift) : (found.donation.stripePaymentIntentId ?? '').startsWith('pi_masthead_test_');
  const manageGiftId = found.kind === 'gift' && found.gift.status !== 'cancelled' && found.gift.status !== 'pending' && recent(row.createdAt) ? found.gift.id : null;

  return (
    <div className="mx-auto max-w-xl py-4 sm:py-8">
      {done && <GaveMarker days={settings.appealPauseAfterGiftDays} />}
      {row.status === 'pending' ? (
        <>
          <h1 className="font-serif text-4xl font-bold">Almost there</h1>
          <p role="status" className="mt-4 article-body">
            We are waiting for Stripe to confirm your payment of {phrase}. This usually takes a few seconds.
          </p>
          <p className="mt-6">
            <Link href={`/support/thanks?ref=${encodeURIComponent(ref!)}`} className="font-semibold underline">
              Check again
            </Link>
          </p>
        </>
      ) : failed ? (
        <>
          <h1 className="font-serif text-4xl font-bold">Your gift was not completed</h1>
          <p className="mt-4 article-body">The payment of {phrase} did not go through, so nothing was charged.</p>
          <p className="mt-6">
            <Link href="/support" className="font-semibold underline">
              Try again
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="text-sm font-semibold tracking-widest text-accent uppercase">{site.supportText}</p>
          <h1 className="mt-2 font-serif text-4xl font-bold sm:text-5xl">Thank you{row.donorName ? `, ${row.donorName.split(' ')[0]}` : ''}</h1>
          {mastheadTest && (
            <div className="mt-4">
              <TestModeNotice compact />
            </div>
          )}
          <div className="mt-5 article-body">
            <p>
              {found.kind === 'gift' && found.gift.status === 'cancelled'
                ? `Your gift of ${phrase} has been cancelled. Thank you for your support while it lasted.`
                : found.kind === 'gift'
                  ? `Your gift of ${phrase} to ${site.name} is set up${found.gift.startedAt ? ` from ${new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone }).format(found.gift.startedAt)}` : ''}.`
                  : `Your gift of ${phrase} to ${site.name} has arrived.`}{' '}
              It pays for reporting that everyone can read.
            </p>
            {mastheadTest ? (
              <p>This was a test: no card was charged and no money moved.</p>
            ) : (
              <p>
                Stripe emails your receipt{row.donorEmail ? ` to ${row.donorEmail}` : ''}.{test ? ' (Stripe test mode: no real money moved.)' : ''}
              </p>
            )}
          </div>
          {manageGiftId && (
            <section aria-labelledby="manage-title" className="mt-8 rounded border border-rule bg-panel p-4">
              <h2 id="manage-title" className="font-semibold">
                Change or cancel whenever you like
              </h2>
              <p className="mt-1 text-sm text-muted">For a day, this page gives you a link that works for an hour. After that, ask for one by email from the support page.</p>
              <p className="mt-3">
                <Link href={`/support/manage/${createManageToken(manageGiftId)}`} className="font-semibold underline">
                  Manage this gift
                </Link>
              </p>
            </section>
          )}
          <p className="mt-8 text-sm">
            <Link href="/" className="underline">
              Back to {site.name}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
