import type { DonationFrequency } from '@/db/schema';

// Money is an integer count of the currency's minor unit (cents, pence)
// everywhere: in the database, in the code and in what Stripe is sent. Only
// this file turns it into text, or text into it.

/**
 * The currencies a newsroom can take donations in. All have two decimal places,
 * so "minor unit" always means a hundredth; `stripeMinimum` is the smallest
 * charge Stripe accepts in it (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 */
export const CURRENCIES = {
  USD: { name: 'US dollars', minorName: 'cents', stripeMinimum: 50, narrow: true },
  EUR: { name: 'euros', minorName: 'cents', stripeMinimum: 50, narrow: true },
  GBP: { name: 'pounds sterling', minorName: 'pence', stripeMinimum: 30, narrow: true },
  CAD: { name: 'Canadian dollars', minorName: 'cents', stripeMinimum: 50, narrow: false },
  AUD: { name: 'Australian dollars', minorName: 'cents', stripeMinimum: 50, narrow: false },
  NZD: { name: 'New Zealand dollars', minorName: 'cents', stripeMinimum: 50, narrow: false },
  CHF: { name: 'Swiss francs', minorName: 'centimes', stripeMinimum: 50, narrow: false },
  SEK: { name: 'Swedish kronor', minorName: 'öre', stripeMinimum: 300, narrow: false },
  NOK: { name: 'Norwegian kroner', minorName: 'øre', stripeMinimum: 300, narrow: false },
  DKK: { name: 'Danish kroner', minorName: 'øre', stripeMinimum: 250, narrow: false },
} as const;
export type CurrencyCode = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

/** Stripe's ceiling for one charge in these currencies: 999,999.99. */
export const STRIPE_MAXIMUM = 99_999_999;

export const isCurrencyCode = (value: unknown): value is CurrencyCode => typeof value === 'string' && Object.hasOwn(CURRENCIES, value);

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(currency: CurrencyCode, whole: boolean, locale: string): Intl.NumberFormat {
  const key = `${currency}|${whole}|${locale}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // "$10" rather than "US$10" for the big three; "CA$10" stays unambiguous.
      currencyDisplay: CURRENCIES[currency].narrow ? 'narrowSymbol' : 'symbol',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formats.set(key, format);
  }
  return format;
}

/** 1000 USD → "$10"; 1050 → "$10.50". Whole amounts lose their ".00" unless `cents` is set. */
export function formatMoney(minor: number, currency: CurrencyCode, options: { locale?: string; cents?: boolean } = {}): string {
  const whole = !options.cents && minor % 100 === 0;
  return numberFormat(currency, whole, options.locale ?? 'en-GB').format(minor / 100);
}

/** 1050 → "10.50", 1000 → "10": the amount as someone would type it. */
export function minorToInput(minor: number): string {
  const units = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  return cents === 0 ? String(units) : `${units}.${String(cents).padStart(2, '0')}`;
}

export const FREQUENCY_LABEL: Record<DonationFrequency, string> = { once: 'Once', monthly: 'Monthly', annually: 'Annually' };
/** What follows the amount: "$10 every month". */
export const FREQUENCY_PHRASE: Record<DonationFrequency, string> = { once: 'once', monthly: 'every month', annually: 'every year' };

/** "$10 every month", "€25 once". */
export const giftPhrase = (minor: number, currency: CurrencyCode, frequency: DonationFrequency) => `${formatMoney(minor, currency)} ${FREQUENCY_PHRASE[frequency]}`;

export type AmountResult = { ok: true; minor: number } | { ok: false; error: string };

/**
 * Text a reader typed ("25", "12.50", "£12,50", " 1000 ") → minor units, or
 * the reason it cannot be taken. A comma is read as the decimal point only
 * with one or two digits after it, so "1,000" is never taken as one unit.
 */
export function parseAmount(raw: unknown, currency: CurrencyCode, limits: { minimum: number; maximum: number }): AmountResult {
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, error: 'Enter an amount, like 25 or 12.50.' };
  const { minorName } = CURRENCIES[currency];
  let text = String(raw)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(new RegExp(`^${currency}|${currency}$`, 'i'), '')
    .replace(/^[$€£]|[$€£]$/g, '');
  if (text === '') return { ok: false, error: 'Enter an amount, like 25 or 12.50.' };
  if (/^[-−–]/.test(text)) return { ok: false, error: 'The amount cannot be negative.' };
  if (text.startsWith('+')) text = text.slice(1);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { ok: false, error: 'Enter the amount in numbers only, like 25 or 12.50.' };
  const [, units, fraction = ''] = match;
  if (fraction.length === 3 && /\d,\d{3}$/.test(text)) return { ok: false, error: 'Type the amount without a thousands separator, like 1000 or 12.50.' };
  if (fraction.length > 2) {
    return { ok: false, error: `Use at most two digits after the decimal point: we cannot take fractions of ${minorName}.` };
  }
  // Longer than any amount we could take: over the maximum, without floating-point surprises.
  const unitsValue = units.replace(/^0+(?=\d)/, '');
  if (unitsValue.length > 9) return { ok: false, error: `The most we can take online in one gift is ${formatMoney(limits.maximum, currency)}.` };
  const minor = Number(unitsValue) * 100 + Number(fraction.padEnd(2, '0'));
  if (minor === 0) return { ok: false, error: 'The amount must be more than zero.' };
  if (minor < limits.minimum) return { ok: false, error: `The smallest gift we can take is ${formatMoney(limits.minimum, currency)}.` };
  if (minor > limits.maximum) return { ok: false, error: `The most we can take online in one gift is ${formatMoney(limits.maximum, currency)}.` };
  return { ok: true, minor };
}
