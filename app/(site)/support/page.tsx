import type { Metadata } from 'next';
import Link from 'next/link';
import { DonationForm, type CurrencyOption } from '@/components/site/donation-form.client';
import { GoalMeter } from '@/components/site/goal-meter';
import { TestModeNotice } from '@/components/site/test-mode-notice';
import { DONATION_FREQUENCIES } from '@/db/schema';
import { readDraft } from '@/lib/donations/draft-cookie';
import { monthlyGoals } from '@/lib/donations/goal';
import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { paymentMode } from '@/lib/stripe';
import type { DonationFormValues } from '@/lib/validation/donation';
import { pageMetadata } from '@/lib/seo';

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return pageMetadata({ title: 'Support us', description: `${site.name} is paid for by its readers. Give once or every month.`, path: '/support' });
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function SupportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [site, settings, params] = await Promise.all([getSiteSettings(), getDonationSettings(), searchParams]);
  const mode = paymentMode();
  const [draft, goals] = await Promise.all([readDraft(settings), monthlyGoals(settings, site.timeZone)]);
  const monthName = new Intl.DateTimeFormat(site.locale, { month: 'long', timeZone: site.timeZone }).format(new Date());

  const currencies: CurrencyOption[] = settings.currencies.map((c) => ({ code: c.code, minimum: c.minimum, maximum: c.maximum, presets: c.presets }));
  // A link may choose the frequency or currency (/support?frequency=monthly); a gift still being chosen comes back as it was.
  const linked = {
    frequency: DONATION_FREQUENCIES.find((f) => f === first(params.frequency)),
    currency: settings.currencies.find((c) => c.code === first(params.currency).toUpperCase())?.code,
  };
  const initial: DonationFormValues = draft
    ? {
        frequency: draft.frequency,
        currency: draft.currency,
        amount: `${draft.currency}:${draft.frequency}:${draft.amount}`,
        customAmount: '',
        donorName: draft.donorName,
        donorEmail: draft.donorEmail,
        note: draft.note,
      }
    : { frequency: linked.frequency ?? 'once', currency: linked.currency ?? settings.defaultCurrency };
  // A draft amount that is not a preset any more is shown as typed.
  if (draft && !settings.currencies.find((c) => c.code === draft.currency)?.presets[draft.frequency].includes(draft.amount)) {
    initial.amount = '';
    initial.customAmount = (draft.amount / 100).toFixed(draft.amount % 100 === 0 ? 0 : 2);
  }

  return (
    <div className="mx-auto max-w-5xl py-4 sm:py-8">
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,34rem)] lg:gap-12">
        <div className="flex flex-col gap-6">
          <header>
            <p className="text-sm font-semibold tracking-widest text-accent uppercase">Reader-funded journalism</p>
            <h1 className="mt-2 font-serif text-4xl leading-tight font-bold text-balance sm:text-5xl">{site.supportText}</h1>
          </header>
          <div className="article-body">
            <p>
              {site.name} is independent: no owner to please and no paywall. Readers who can afford to give pay for reporting that everyone
              can read.
            </p>
            <p>Give once, or every month or year. A recurring gift can be changed or cancelled at any time.</p>
          </div>
          {goals.map((progress) => (
            <GoalMeter key={progress.currency} progress={progress} monthName={monthName} test={mode !== 'live'} showCurrency={goals.length > 1} />
          ))}
          <p className="text-sm text-muted">
            Already give every month or year?{' '}
            <Link href="/support/manage" className="font-semibold text-ink underline">
              Manage your gift
            </Link>
            .
          </p>
        </div>
        <div className="flex flex-col gap-4">
          {first(params.expired) && (
            <p role="status" className="rounded border border-rule bg-panel p-3 text-sm">
              Your earlier choice had expired, so nothing was charged. Please choose again.
            </p>
          )}
          {mode === 'test' && <TestModeNotice />}
          <DonationForm currencies={currencies} initial={initial} testMode={mode === 'test'} />
          {mode !== 'test' && (
            <p className="text-xs text-muted">
              Payment is taken by Stripe on its own secure page; {site.name} never sees your card.
              {mode === 'stripe-test' && ' Stripe test mode: use a Stripe test card; no real money moves.'}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
