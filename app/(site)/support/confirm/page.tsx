import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SubmitButton } from '@/components/site/submit-button.client';
import { TestModeNotice } from '@/components/site/test-mode-notice';
import { getGiftByRef } from '@/db/queries/donations';
import { readDraft } from '@/lib/donations/draft-cookie';
import { CURRENCIES, FREQUENCY_PHRASE, formatMoney, giftPhrase } from '@/lib/money';
import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { paymentMode } from '@/lib/stripe';
import { confirmDonationAction, forgetDraftAction } from '../actions';

export const metadata: Metadata = { title: 'Check your gift', robots: { index: false } };

const PROBLEMS: Record<string, string> = {
  payment: 'We could not reach our payment provider, so nothing was charged. Please try again in a minute.',
  unavailable: 'The site cannot reach its database for a moment, so nothing was charged. Please try again shortly.',
  error: 'Something went wrong on our side and nothing was charged. Please try again.',
  changed: 'Your gift was changed in another window. This is the gift as it stands now: check it before you give.',
};

const WHEN: Record<string, string> = {
  once: 'Once, today.',
  monthly: 'Today, then on the same day every month until you cancel.',
  annually: 'Today, then on the same day every year until you cancel.',
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ConfirmGiftPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [site, settings, params] = await Promise.all([getSiteSettings(), getDonationSettings(), searchParams]);
  const draft = await readDraft(settings);
  if (!draft) redirect('/support');
  const existing = await getGiftByRef(draft.ref);
  const done = existing && (existing.kind === 'donation' ? existing.donation.status : existing.gift.status) !== 'pending' && (existing.kind === 'donation' ? existing.donation.status : existing.gift.status) !== 'abandoned';
  const mode = paymentMode();
  const phrase = giftPhrase(draft.amount, draft.currency, draft.frequency);
  const problemKey = typeof params.problem === 'string' ? params.problem : params.changed ? 'changed' : '';
  const problem = PROBLEMS[problemKey];

  return (
    <div className="mx-auto max-w-xl py-4 sm:py-8">
      <p className="text-sm font-semibold tracking-widest text-accent uppercase">{site.supportText}</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Check your gift</h1>
      {mode === 'test' && (
        <div className="mt-4">
          <TestModeNotice compact />
        </div>
      )}
      {problem && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 text-sm font-medium text-red-950 dark:border-red-400 dark:bg-red-950/40 dark:text-red-50">
          {problem}
        </p>
      )}

      {done ? (
        <div className="mt-6 rounded border border-rule bg-panel p-5">
          <p className="font-serif text-xl">This gift has already been made. Thank you.</p>
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            <Link href={`/support/thanks?ref=${encodeURIComponent(draft.ref)}`} className="font-semibold underline">
              See your gift
            </Link>
            <Link href="/support?again=1" className="underline">
              Give again
            </Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="gift-summary" className="mt-6 rounded border-2 border-ink bg-panel p-5 sm:p-6">
            <h2 id="gift-summary" className="text-sm font-semibold tracking-wide text-muted uppercase">
              You are giving
            </h2>
            <p className="mt-1 font-serif text-4xl font-bold">
              {formatMoney(draft.amount, draft.currency)} <span className="text-2xl font-semibold">{FREQUENCY_PHRASE[draft.frequency]}</span>
            </p>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">Charged</dt>
              <dd>{WHEN[draft.frequency]}</dd>
              <dt className="text-muted">Currency</dt>
              <dd className="first-letter:uppercase">{CURRENCIES[draft.currency].name}</dd>
              <dt className="text-muted">Name</dt>
              <dd className="break-words">{draft.donorName || <span className="text-muted">Not given</span>}</dd>
              <dt className="text-muted">Email</dt>
              <dd className="break-all">{draft.donorEmail || <span className="text-muted">{mode === 'test' ? 'Not given' : 'Asked for on the payment page'}</span>}</dd>
              {draft.note && (
                <>
                  <dt className="text-muted">Note</dt>
                  <dd className="break-words whitespace-pre-line">{draft.note}</dd>
                </>
              )}
            </dl>
            {draft.frequency !== 'once' && <p className="mt-4 text-sm">You can change or cancel it at any time, with the link on the next page or from {site.name}’s support page.</p>}
          </section>

          <form action={confirmDonationAction} className="mt-6">
            <input type="hidden" name="ref" value={draft.ref} />
            <SubmitButton pendingText={mode === 'test' ? 'Recording your test gift…' : 'Opening secure payment…'} className="w-full rounded bg-accent px-4 py-3.5 text-lg font-bold text-accent-ink hover:opacity-90 disabled:opacity-60">
              Give {phrase}
            </SubmitButton>
          </form>
          <p className="mt-3 text-sm text-muted">
            {mode === 'test'
              ? 'Test mode: this records a test gift. No card is charged and no payment page opens.'
              : 'Next: Stripe’s secure payment page, where you enter your card. You come back here afterwards.'}
          </p>
          <div className="mt-6 flex flex-wrap items-center gap-x-5 gap-y-2 border-t border-rule pt-4 text-sm">
            <Link href="/support" className="font-semibold underline">
              Change this gift
            </Link>
            <form action={forgetDraftAction}>
              <button type="submit" className="text-muted underline hover:text-ink">
                Start again
              </button>
            </form>
          </div>
        </>
      )}
    </div>
  );
}
