import Link from 'next/link';
import { FilterActions, FilterField, filterControlClass } from '@/components/ui/filter-form';
import { TableHead } from '@/components/ui/table-head';
import {
  countDonations,
  countRecurringGifts,
  DONATION_STATUS_FILTERS,
  donationTotalsByMonth,
  GIFT_STATUS_FILTERS,
  listDonations,
  listRecordedCurrencies,
  listRecurringGifts,
  recurringGiftSummary,
  type MonthTotal,
  type RecurringSummary,
} from '@/db/queries/donations';
import type { DonationFrequency } from '@/db/schema';
import { requireDonationsViewer } from '@/lib/donations/access';
import { dashboardHref, readDashboardQuery, type DashboardQuery, type SearchParams } from '@/lib/donations/dashboard-query';
import { DONATION_STATUS_LABEL, GIFT_STATUS_LABEL } from '@/lib/donations/gifts';
import { monthBounds, monthlyGoals } from '@/lib/donations/goal';
import { mayChangeDonationSettings } from '@/lib/donations/rights';
import { newsroomTimeToUtc } from '@/lib/dates';
import { CURRENCIES, FREQUENCY_LABEL, formatMoney, isCurrencyCode } from '@/lib/money';
import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { paymentMode } from '@/lib/stripe';

export const metadata = { title: 'Donations' };

const PAGE_SIZE = 50;
const FREQS: DonationFrequency[] = ['once', 'monthly', 'annually'];

/** Amounts in their own currency only: a code Masthead does not know still shows, plainly. */
const money = (minor: number, currency: string) => (isCurrencyCode(currency) ? formatMoney(minor, currency, { cents: true }) : `${(minor / 100).toFixed(2)} ${currency}`);
const moneyShort = (minor: number, currency: string) => (isCurrencyCode(currency) ? formatMoney(minor, currency) : `${(minor / 100).toFixed(2)} ${currency}`);

const STATUS_FILTER_LABEL: Record<string, string> = {
  received: 'Received (incl. refunded)',
  current: 'Started (not abandoned)',
  all: 'Everything, unfinished too',
};

function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 15)));
}

function pivotMonths(rows: MonthTotal[]) {
  const byKey = new Map<string, { month: string; currency: string; freq: Record<DonationFrequency, number>; refunded: number; net: number; gifts: number }>();
  for (const row of rows) {
    const key = `${row.month}|${row.currency}`;
    const entry = byKey.get(key) ?? { month: row.month, currency: row.currency, freq: { once: 0, monthly: 0, annually: 0 }, refunded: 0, net: 0, gifts: 0 };
    entry.freq[row.frequency] += row.net;
    entry.refunded += row.refunded;
    entry.net += row.net;
    entry.gifts += row.gifts;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function pivotRecurring(rows: RecurringSummary[]) {
  const byKey = new Map<string, { currency: string; frequency: DonationFrequency; active: number; activeAmount: number; pastDue: number; paused: number; cancelled: number }>();
  for (const row of rows) {
    const key = `${row.currency}|${row.frequency}`;
    const entry = byKey.get(key) ?? { currency: row.currency, frequency: row.frequency, active: 0, activeAmount: 0, pastDue: 0, paused: 0, cancelled: 0 };
    if (row.status === 'active') {
      entry.active += row.gifts;
      entry.activeAmount += row.amount;
    } else if (row.status === 'past_due') entry.pastDue += row.gifts;
    else if (row.status === 'paused') entry.paused += row.gifts;
    else if (row.status === 'cancelled') entry.cancelled += row.gifts;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function Filters({ query, currencies }: { query: DashboardQuery; currencies: string[] }) {
  const statuses = query.view === 'recurring' ? GIFT_STATUS_FILTERS : DONATION_STATUS_FILTERS;
  const labels: Record<string, string> = query.view === 'recurring' ? GIFT_STATUS_LABEL : DONATION_STATUS_LABEL;
  const filtered = Boolean(query.frequency || query.currency || query.status || query.from || query.to);
  return (
    <form method="get" action="/dashboard/donations" role="search" aria-label="Filter the list" className="grid gap-3 rounded border border-rule bg-panel p-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      {query.view === 'recurring' && <input type="hidden" name="view" value="recurring" />}
      <input type="hidden" name="records" value={query.records} />
      <FilterField id="filter-frequency" label="Frequency">
        <select id="filter-frequency" name="frequency" defaultValue={query.frequency} className={filterControlClass}>
          <option value="">All</option>
          {FREQS.filter((f) => query.view === 'payments' || f !== 'once').map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABEL[f]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="filter-currency" label="Currency">
        <select id="filter-currency" name="currency" defaultValue={query.currency} className={filterControlClass}>
          <option value="">All</option>
          {[...new Set([...currencies, ...(query.currency ? [query.currency] : [])])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="filter-status" label="Status">
        <select id="filter-status" name="status" defaultValue={query.status} className={filterControlClass}>
          {statuses.map((status, index) => (
            <option key={status} value={index === 0 ? '' : status}>
              {STATUS_FILTER_LABEL[status] ?? labels[status]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="filter-from" label="From">
        <input id="filter-from" name="from" type="date" defaultValue={query.from} className={filterControlClass} />
      </FilterField>
      <FilterField id="filter-to" label="To (inclusive)">
        <input id="filter-to" name="to" type="date" defaultValue={query.to} className={filterControlClass} />
      </FilterField>
      <FilterActions clearHref={filtered ? dashboardHref(query, { frequency: '', currency: '', status: '', from: '', to: '', page: 1 }) : null} />
    </form>
  );
}

export default async function DonationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireDonationsViewer();
  const [site, settings, params] = await Promise.all([getSiteSettings(), getDonationSettings(), searchParams]);
  const mode = paymentMode();
  const { query, problems, donationFilter, giftFilter } = readDashboardQuery(params, { timeZone: site.timeZone, defaultRecords: mode === 'live' ? 'live' : 'test' });
  const test = query.records === 'test';
  const now = new Date();
  const current = monthBounds(now, site.timeZone);
  const [y, m] = current.month.split('-').map(Number);
  const sinceMonth = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 7);
  const since = newsroomTimeToUtc(`${sinceMonth}-01T00:00`, site.timeZone)!;
  const offset = (query.page - 1) * PAGE_SIZE;

  const [monthRows, recurringRows, currencies, total, payments, gifts, goals] = await Promise.all([
    donationTotalsByMonth({ test, since, timeZone: site.timeZone }),
    recurringGiftSummary({ test }),
    listRecordedCurrencies(test),
    query.view === 'recurring' ? countRecurringGifts(giftFilter) : countDonations(donationFilter),
    query.view === 'payments' ? listDonations({ ...donationFilter, limit: PAGE_SIZE, offset }) : Promise.resolve([]),
    query.view === 'recurring' ? listRecurringGifts({ ...giftFilter, limit: PAGE_SIZE, offset }) : Promise.resolve([]),
    test === (mode !== 'live') ? monthlyGoals(settings, site.timeZone, now) : Promise.resolve([]),
  ]);
  const months = pivotMonths(monthRows);
  const thisMonth = months.filter((row) => row.month === current.month);
  const recurring = pivotRecurring(recurringRows);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const dateTime = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: site.timeZone });
  const date = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: site.timeZone });
  const exportHref = dashboardHref(query, { page: 1 }, '/dashboard/donations/export');
  const firstShown = total === 0 ? 0 : Math.min(offset + 1, total);
  const lastShown = Math.min(offset + PAGE_SIZE, total);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Donations</h1>
          <p className="mt-1 text-sm text-muted">
            Gifts from readers. Months follow the newsroom’s clock ({site.timeZone}); currencies are never added together.
          </p>
        </div>
        <div className="flex flex-wrap gap-3 text-sm">
          {mayChangeDonationSettings(user) && (
            <Link href="/dashboard/donations/settings" className="rounded border border-rule bg-panel px-3 py-1.5 font-semibold hover:border-ink">
              Donation settings
            </Link>
          )}
          <a href={exportHref} className="rounded border border-rule bg-panel px-3 py-1.5 font-semibold hover:border-ink" download>
            Export this list (CSV)
          </a>
        </div>
      </div>

      <div className={`flex flex-wrap items-center justify-between gap-3 rounded border px-3 py-2 text-sm ${test ? 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-50' : 'border-rule bg-panel'}`}>
        <p>
          {mode === 'test'
            ? 'Test mode: STRIPE_SECRET_KEY is not set, so the support page records test gifts and no card is charged.'
            : mode === 'stripe-test'
              ? 'Stripe test mode (a test key is set): gifts use Stripe’s test cards and no real money moves.'
              : 'Live: gifts are real payments through Stripe.'}{' '}
          {test ? 'Showing test records.' : 'Showing real money.'}
        </p>
        <Link href={dashboardHref(query, { records: test ? 'live' : 'test', page: 1 })} className="font-semibold underline">
          {test ? 'Show real records' : 'Show test records'}
        </Link>
      </div>

      <section aria-labelledby="this-month">
        <h2 id="this-month" className="text-lg font-semibold">
          {monthLabel(current.month, site.locale)} so far
        </h2>
        {thisMonth.length === 0 && goals.length === 0 ? (
          <p className="mt-2 text-sm text-muted">Nothing received yet this month.</p>
        ) : (
          <ul className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {[...new Set([...thisMonth.map((r) => r.currency), ...goals.map((g) => g.currency)])].map((currency) => {
              const row = thisMonth.find((r) => r.currency === currency);
              const goal = goals.find((g) => g.currency === currency);
              return (
                <li key={currency} className="rounded border border-rule bg-panel p-3">
                  <p className="text-xs font-semibold tracking-wider text-muted uppercase">{isCurrencyCode(currency) ? CURRENCIES[currency].name : currency}</p>
                  <p className="mt-1 text-2xl font-semibold tabular-nums">{money(row?.net ?? 0, currency)}</p>
                  <p className="text-xs text-muted">
                    {row?.gifts ?? 0} payment{row?.gifts === 1 ? '' : 's'}
                    {goal && ` · goal ${moneyShort(goal.goal, currency)} (${Math.floor((goal.raised / goal.goal) * 100)}%)`}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="grid gap-6">
        <section aria-labelledby="by-month" className="min-w-0">
          <h2 id="by-month" className="text-lg font-semibold">
            Received by month
          </h2>
          <p className="text-xs text-muted">The last twelve months, net of refunds, by currency and frequency.</p>
          {months.length === 0 ? (
            <p className="mt-2 text-sm text-muted">No money received in the last twelve months.</p>
          ) : (
            <div tabIndex={0} role="region" aria-label="Table of money received by month" className="mt-2 overflow-x-auto rounded border border-rule bg-panel">
              <table className="w-full text-left text-sm">
                <TableHead
                  columns={[
                    { label: 'Month' },
                    { label: 'Currency' },
                    { label: 'Once', className: 'text-right' },
                    { label: 'Monthly', className: 'text-right' },
                    { label: 'Annually', className: 'text-right' },
                    { label: 'Refunded', className: 'text-right' },
                    { label: 'Total', className: 'text-right' },
                    { label: 'Payments', className: 'text-right' },
                  ]}
                />
                <tbody>
                  {months.map((row) => (
                    <tr key={`${row.month}-${row.currency}`} className="border-b border-rule last:border-0">
                      <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                        {monthLabel(row.month, site.locale)}
                      </th>
                      <td className="px-3 py-1.5">{row.currency}</td>
                      {FREQS.map((f) => (
                        <td key={f} className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
                          {row.freq[f] ? money(row.freq[f], row.currency) : <span className="text-muted">—</span>}
                        </td>
                      ))}
                      <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">{row.refunded ? money(row.refunded, row.currency) : <span className="text-muted">—</span>}</td>
                      <td className="px-3 py-1.5 text-right font-semibold whitespace-nowrap tabular-nums">{money(row.net, row.currency)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{row.gifts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="recurring" className="min-w-0">
          <h2 id="recurring" className="text-lg font-semibold">
            Recurring gifts by status
          </h2>
          <p className="text-xs text-muted">How many are running, and what the active ones bring in each period.</p>
          {recurring.length === 0 ? (
            <p className="mt-2 text-sm text-muted">No recurring gifts yet.</p>
          ) : (
            <div tabIndex={0} role="region" aria-label="Table of recurring gifts by status" className="mt-2 overflow-x-auto rounded border border-rule bg-panel">
              <table className="w-full text-left text-sm">
                <TableHead
                  columns={[
                    { label: 'Currency' },
                    { label: 'Frequency' },
                    { label: 'Active', className: 'text-right' },
                    { label: 'Per period', className: 'text-right' },
                    { label: 'Overdue', className: 'text-right' },
                    { label: 'Paused', className: 'text-right' },
                    { label: 'Cancelled', className: 'text-right' },
                  ]}
                />
                <tbody>
                  {recurring.map((row) => (
                    <tr key={`${row.currency}-${row.frequency}`} className="border-b border-rule last:border-0">
                      <th scope="row" className="px-3 py-1.5 font-normal">
                        {row.currency}
                      </th>
                      <td className="px-3 py-1.5">{FREQUENCY_LABEL[row.frequency]}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{row.active}</td>
                      <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">{money(row.activeAmount, row.currency)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{row.pastDue}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{row.paused}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{row.cancelled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="list-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="list-heading" className="text-lg font-semibold">
            {query.view === 'recurring' ? 'List of recurring gifts' : 'List of payments'}
          </h2>
          <nav aria-label="List" className="flex gap-1 text-sm">
            {(['payments', 'recurring'] as const).map((view) => (
              <Link
                key={view}
                href={dashboardHref(query, { view, status: '', frequency: view === 'recurring' && query.frequency === 'once' ? '' : query.frequency, page: 1 })}
                aria-current={query.view === view ? 'page' : undefined}
                className="rounded border border-rule px-3 py-1 aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-paper"
              >
                {view === 'payments' ? 'Payments' : 'Recurring gifts'}
              </Link>
            ))}
          </nav>
        </div>
        <Filters query={query} currencies={currencies} />
        {problems.length > 0 && (
          <ul role="alert" className="rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <p className="text-sm text-muted" aria-live="polite">
          {total === 0 ? 'Nothing matches.' : `${firstShown}–${lastShown} of ${total}.`}
        </p>

        {query.view === 'payments' && payments.length > 0 && (
          <div className="rounded border border-rule bg-panel">
            <table className="block w-full text-left text-sm sm:table">
              <TableHead stacked columns={[{ label: 'Date' }, { label: 'Donor' }, { label: 'Amount', className: 'text-right' }, { label: 'Frequency' }, { label: 'Status' }, { label: 'Note' }]} />
              <tbody className="block sm:table-row-group">
                {payments.map((d) => (
                  <tr key={d.id} className="block border-b border-rule px-3 py-2 align-top last:border-0 sm:table-row sm:p-0">
                    <td className="block whitespace-nowrap sm:table-cell sm:px-3 sm:py-1.5">
                      <time dateTime={(d.paidAt ?? d.createdAt).toISOString()}>{dateTime.format(d.paidAt ?? d.createdAt)}</time>
                    </td>
                    <td className="block sm:table-cell sm:px-3 sm:py-1.5">
                      {d.donorName || <span className="text-muted">No name</span>}
                      {d.donorEmail && <span className="block text-xs break-all text-muted">{d.donorEmail}</span>}
                    </td>
                    <td className="mr-3 inline-block font-semibold whitespace-nowrap tabular-nums sm:table-cell sm:px-3 sm:py-1.5 sm:text-right">
                      {money(d.amount, d.currency)}
                      {d.refundedAmount > 0 && <span className="block text-xs font-normal text-muted">−{money(d.refundedAmount, d.currency)} refunded</span>}
                    </td>
                    <td className="mr-3 inline-block sm:table-cell sm:px-3 sm:py-1.5">{FREQUENCY_LABEL[d.frequency]}</td>
                    <td className="inline-block sm:table-cell sm:px-3 sm:py-1.5">{DONATION_STATUS_LABEL[d.status]}</td>
                    <td className="block max-w-xs text-xs break-words text-muted sm:table-cell sm:px-3 sm:py-1.5">{d.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {query.view === 'recurring' && gifts.length > 0 && (
          <div className="rounded border border-rule bg-panel">
            <table className="block w-full text-left text-sm sm:table">
              <TableHead stacked columns={[{ label: 'Started' }, { label: 'Donor' }, { label: 'Gift', className: 'text-right' }, { label: 'Status' }, { label: 'Payments', className: 'text-right' }, { label: 'Received', className: 'text-right' }]} />
              <tbody className="block sm:table-row-group">
                {gifts.map((g) => (
                  <tr key={g.id} className="block border-b border-rule px-3 py-2 align-top last:border-0 sm:table-row sm:p-0">
                    <td className="block whitespace-nowrap sm:table-cell sm:px-3 sm:py-1.5">{date.format(g.startedAt ?? g.createdAt)}</td>
                    <td className="block sm:table-cell sm:px-3 sm:py-1.5">
                      {g.donorName || <span className="text-muted">No name</span>}
                      {g.donorEmail && <span className="block text-xs break-all text-muted">{g.donorEmail}</span>}
                    </td>
                    <td className="mr-3 inline-block font-semibold whitespace-nowrap tabular-nums sm:table-cell sm:px-3 sm:py-1.5 sm:text-right">
                      {money(g.amount, g.currency)} <span className="font-normal text-muted">{g.frequency === 'monthly' ? 'a month' : 'a year'}</span>
                    </td>
                    <td className="mr-3 inline-block sm:table-cell sm:px-3 sm:py-1.5">
                      {GIFT_STATUS_LABEL[g.status]}
                      {g.status === 'cancelled' && g.cancelledAt && <span className="block text-xs text-muted">{date.format(g.cancelledAt)}</span>}
                      {g.status !== 'cancelled' && g.cancelAtPeriodEnd && <span className="block text-xs text-muted">ends at period end</span>}
                    </td>
                    <td className="mr-3 inline-block tabular-nums sm:table-cell sm:px-3 sm:py-1.5 sm:text-right">
                      <span className="sm:hidden">Payments: </span>
                      {g.payments}
                    </td>
                    <td className="inline-block tabular-nums sm:table-cell sm:px-3 sm:py-1.5 sm:text-right">
                      <span className="sm:hidden">Received: </span>
                      {money(g.received, g.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {pages > 1 && (
          <nav aria-label="Pages of the list" className="flex items-center justify-between gap-4 text-sm">
            {query.page > 1 ? (
              <Link href={dashboardHref(query, { page: Math.min(query.page - 1, pages) })} rel="prev" className="rounded border border-rule bg-panel px-3 py-1.5 hover:border-ink">
                ← Previous
              </Link>
            ) : (
              <span className="px-3 py-1.5 text-muted" aria-hidden="true">
                ← Previous
              </span>
            )}
            <span className="text-muted">
              Page {Math.min(query.page, pages)} of {pages}
            </span>
            {query.page < pages ? (
              <Link href={dashboardHref(query, { page: query.page + 1 })} rel="next" className="rounded border border-rule bg-panel px-3 py-1.5 hover:border-ink">
                Next →
              </Link>
            ) : (
              <span className="px-3 py-1.5 text-muted" aria-hidden="true">
                Next →
              </span>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
