import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/components/site/submit-button.client';
import { TestModeNotice } from '@/components/site/test-mode-notice';
import { getRecurringGift } from '@/db/queries/donations';
import { GIFT_STATUS_LABEL, isMastheadTestGift } from '@/lib/donations/gifts';
import { verifyManageToken } from '@/lib/donations/manage-link';
import { giftPhrase, isCurrencyCode } from '@/lib/money';
import { getSiteSettings } from '@/lib/settings/site';
import { getStripe, recordsTestGifts } from '@/lib/stripe';
import { cancelTestGiftAction, openBillingPortalAction } from '../../actions';

export const metadata: Metadata = { title: 'Your gift', robots: { index: false }, referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PROBLEMS: Record<string, string> = {
  portal: 'This gift cannot be managed through Stripe from this site. Please contact the newsroom.',
  stripe: 'We could not reach Stripe just now. Please try again in a minute.',
};

export default async function ManageTokenPage({ params, searchParams }: Props) {
  const [{ token }, query, site] = await Promise.all([params, searchParams, getSiteSettings()]);
  const check = verifyManageToken(token);
  const gift = check.ok ? await getRecurringGift(check.giftId) : null;
  if (!gift || !isCurrencyCode(gift.currency)) {
    return (
      <div className="mx-auto max-w-xl py-8">
        <h1 className="font-serif text-4xl font-bold">{check.ok || check.reason === 'invalid' ? 'This link does not work' : 'This link has expired'}</h1>
        <p className="mt-4 article-body">Links to manage a gift work for one hour. You can ask for a new one with your email address.</p>
        <p className="mt-6">
          <Link href="/support/manage" className="font-semibold underline">
            Ask for a new link
          </Link>
        </p>
      </div>
    );
  }
  const phrase = giftPhrase(gift.amount, gift.currency, gift.frequency);
  const mastheadTest = isMastheadTestGift(gift);
  const portal = !mastheadTest && Boolean(getStripe()) && Boolean(gift.stripeCustomerId) && gift.test === recordsTestGifts();
  const dateFormat = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone });
  const problem = typeof query.problem === 'string' ? PROBLEMS[query.problem] : undefined;

  return (
    <div className="mx-auto max-w-xl py-4 sm:py-8">
      <h1 className="font-serif text-4xl font-bold">Your gift to {site.name}</h1>
      {mastheadTest && (
        <div className="mt-4">
          <TestModeNotice compact />
        </div>
      )}
      {query.cancelled && gift.status === 'cancelled' && (
        <p role="status" className="mt-4 rounded border border-rule bg-panel p-3 text-sm font-semibold">
          Your gift is cancelled. No further payments will be taken.
        </p>
      )}
      {problem && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400 dark:bg-red-950/40 dark:text-red-50">
          {problem}
        </p>
      )}
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded border border-rule bg-panel p-5 text-sm">
        <dt className="text-muted">Gift</dt>
        <dd className="font-semibold">{phrase}</dd>
        <dt className="text-muted">Status</dt>
        <dd>
          {GIFT_STATUS_LABEL[gift.status]}
          {gift.cancelAtPeriodEnd && gift.status !== 'cancelled' && gift.currentPeriodEnd ? `, ends on ${dateFormat.format(gift.currentPeriodEnd)}` : ''}
        </dd>
        {gift.startedAt && (
          <>
            <dt className="text-muted">Since</dt>
            <dd>{dateFormat.format(gift.startedAt)}</dd>
          </>
        )}
        {gift.status !== 'cancelled' && gift.currentPeriodEnd && !gift.cancelAtPeriodEnd && (
          <>
            <dt className="text-muted">Next payment</dt>
            <dd>{dateFormat.format(gift.currentPeriodEnd)}</dd>
          </>
        )}
      </dl>

      {gift.status === 'cancelled' ? null : portal ? (
        <form action={openBillingPortalAction} className="mt-6">
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingText="Opening Stripe…" className="rounded bg-ink px-4 py-2.5 font-semibold text-paper hover:opacity-90 disabled:opacity-60">
            Change or cancel on Stripe
          </SubmitButton>
          <p className="mt-2 text-sm text-muted">Stripe’s billing page lets you update your card, see past payments, or cancel.</p>
        </form>
      ) : mastheadTest ? (
        <form action={cancelTestGiftAction} className="mt-6">
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingText="Cancelling…" className="rounded border-2 border-ink px-4 py-2.5 font-semibold hover:bg-ink hover:text-paper disabled:opacity-60">
            Cancel this test gift
          </SubmitButton>
          <p className="mt-2 text-sm text-muted">
            In test mode there is no Stripe billing page. Cancelling here records the cancellation the way Stripe’s would; no card was ever involved.
          </p>
        </form>
      ) : (
        <p className="mt-6 text-sm">{PROBLEMS.portal}</p>
      )}
    </div>
  );
}
