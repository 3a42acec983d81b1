import { DONATION_FREQUENCIES, type DonationFrequency } from '@/db/schema';
import { DONATION_STATUS_FILTERS, GIFT_STATUS_FILTERS, type DonationFilter, type DonationStatusFilter, type GiftFilter, type GiftStatusFilter } from '@/db/queries/donations';
import { newsroomTimeToUtc } from '@/lib/dates';

// The donations dashboard's filters, read from the address bar for the page
// and for its CSV export alike. Anything malformed is dropped and said so.

export type SearchParams = Record<string, string | string[] | undefined>;
export type View = 'payments' | 'recurring';

export interface DashboardQuery {
  view: View;
  frequency: DonationFrequency | '';
  currency: string;
  status: string;
  from: string;
  to: string;
  records: 'live' | 'test';
  page: number;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function readDashboardQuery(params: SearchParams, options: { timeZone: string; defaultRecords: 'live' | 'test' }) {
  const problems: string[] = [];
  const view: View = first(params.view) === 'recurring' ? 'recurring' : 'payments';
  const query: DashboardQuery = {
    view,
    frequency: '',
    currency: '',
    status: first(params.status),
    from: first(params.from),
    to: first(params.to),
    records: first(params.records) === 'test' ? 'test' : first(params.records) === 'live' ? 'live' : options.defaultRecords,
    page: 1,
  };
  const frequency = first(params.frequency);
  if (frequency) {
    const known = DONATION_FREQUENCIES.find((f) => f === frequency && !(view === 'recurring' && f === 'once'));
    if (known) query.frequency = known;
    else problems.push('That frequency is not one we know; showing all.');
  }
  const currency = first(params.currency).toUpperCase();
  if (currency) {
    if (/^[A-Z]{3}$/.test(currency)) query.currency = currency;
    else problems.push('That is not a currency code; showing all currencies.');
  }
  const statuses: readonly string[] = view === 'recurring' ? GIFT_STATUS_FILTERS : DONATION_STATUS_FILTERS;
  if (query.status && !statuses.includes(query.status)) {
    problems.push('That status is not one we know; showing the usual list.');
    query.status = '';
  }
  if (query.from && !validDay(query.from)) {
    problems.push('The “from” date is not a date; it is ignored.');
    query.from = '';
  }
  if (query.to && !validDay(query.to)) {
    problems.push('The “to” date is not a date; it is ignored.');
    query.to = '';
  }
  if (query.from && query.to && query.from > query.to) problems.push('The “from” date is after the “to” date, so nothing can match.');
  const page = first(params.page);
  query.page = /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;

  const from = query.from ? (newsroomTimeToUtc(`${query.from}T00:00`, options.timeZone) ?? undefined) : undefined;
  // The "to" day is included: up to the start of the next day on the newsroom's clock.
  const to = query.to ? (newsroomTimeToUtc(`${nextDay(query.to)}T00:00`, options.timeZone) ?? undefined) : undefined;
  const common = { test: query.records === 'test', frequency: query.frequency || undefined, currency: query.currency || undefined, from, to };
  const donationFilter: DonationFilter = { ...common, status: (query.status || 'received') as DonationStatusFilter };
  const giftFilter: GiftFilter = { ...common, status: (query.status || 'current') as GiftStatusFilter };
  return { query, problems, donationFilter, giftFilter };
}

export function dashboardHref(query: DashboardQuery, overrides: Partial<DashboardQuery> = {}, path = '/dashboard/donations'): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.view !== 'payments') params.set('view', merged.view);
  for (const key of ['frequency', 'currency', 'status', 'from', 'to'] as const) if (merged[key]) params.set(key, merged[key]);
  params.set('records', merged.records);
  if (merged.page > 1) params.set('page', String(merged.page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
