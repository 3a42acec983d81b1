import { z } from 'zod';
import { DONATION_FREQUENCIES, type DonationFrequency } from '@/db/schema';
import { CURRENCIES, isCurrencyCode, parseAmount, type CurrencyCode } from '@/lib/money';

/** What the support page needs of the donation settings to check a gift. */
export interface GiftRules {
  currencies: { code: CurrencyCode; minimum: number; maximum: number }[];
}

/** A gift the reader has chosen but not yet confirmed. Amount in minor units. */
export interface DonationDraft {
  /** Made fresh for each choice: names the checkout, so a double click cannot start two. */
  ref: string;
  frequency: DonationFrequency;
  currency: CurrencyCode;
  amount: number;
  donorName: string;
  donorEmail: string;
  note: string;
}

export const NAME_MAX = 100;
export const NOTE_MAX = 500;
export const EMAIL_MAX = 254;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const donorSchema = z.object({
  donorName: z
    .string({ error: 'Your name must be text.' })
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(NAME_MAX, { error: `Keep your name to ${NAME_MAX} characters.` })
        .refine((v) => !CONTROL.test(v), { error: 'Take the control characters out of your name.' }),
    ),
  donorEmail: z
    .string({ error: 'Your email address must be text.' })
    .trim()
    .max(EMAIL_MAX, { error: 'That email address is too long.' })
    .pipe(z.union([z.literal(''), z.email({ error: 'Enter an email address like name@example.com, or leave it empty.' })]))
    .transform((v) => v.toLowerCase()),
  note: z
    .string({ error: 'Your note must be text.' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(NOTE_MAX, { error: `Keep your note to ${NOTE_MAX} characters.` })
        .refine((v) => !CONTROL.test(v), { error: 'Take the control characters out of your note.' }),
    ),
});

/** "US dollars, euros or pounds sterling" */
export function currencyList(rules: GiftRules): string {
  const names = rules.currencies.map((c) => CURRENCIES[c.code].name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The raw form, as the browser sent it: every value a string (or missing). */
export type DonationFormValues = Partial<Record<'frequency' | 'currency' | 'amount' | 'customAmount' | 'donorName' | 'donorEmail' | 'note', string>>;

export type DonationFormResult =
  | { ok: true; draft: Omit<DonationDraft, 'ref'> }
  | { ok: false; fieldErrors: Record<string, string> };

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : null);

/**
 * The support page's form → a gift, or a message at each field that is wrong.
 * Preset radios carry "CUR:frequency:minor" so a preset picked for another
 * currency or frequency (possible without JavaScript) is caught, not charged.
 */
export function parseDonationForm(raw: Record<string, unknown>, rules: GiftRules): DonationFormResult {
  const errors: Record<string, string> = {};
  const frequencyText = text(raw.frequency);
  const frequency = DONATION_FREQUENCIES.find((f) => f === frequencyText);
  if (!frequency) errors.frequency = 'Choose how often to give: once, monthly or annually.';

  const currencyText = (text(raw.currency) ?? '').trim().toUpperCase();
  const currency = isCurrencyCode(currencyText) ? rules.currencies.find((c) => c.code === currencyText) : undefined;
  if (!currency) errors.currency = `We take gifts in ${currencyList(rules)}. Choose one of them.`;

  let amount: number | null = null;
  const custom = text(raw.customAmount);
  const preset = text(raw.amount);
  if (custom === null || preset === null) errors.amount = 'Enter the amount in numbers only, like 25 or 12.50.';
  else if (currency) {
    const limits = { minimum: currency.minimum, maximum: currency.maximum };
    if (custom.trim() !== '' || preset === 'other') {
      const parsed = parseAmount(custom, currency.code, limits);
      if (parsed.ok) amount = parsed.minor;
      else errors.amount = preset === 'other' && custom.trim() === '' ? 'Type the amount you want to give, or choose one above.' : parsed.error;
    } else if (!preset) {
      errors.amount = 'Choose an amount, or type your own.';
    } else {
      const match = /^([A-Z]{3}):(once|monthly|annually):(-?\d{1,12})$/.exec(preset);
      if (!match) errors.amount = 'Choose one of the amounts shown, or type your own.';
      else if (match[1] !== currency.code || (frequency && match[2] !== frequency)) {
        errors.amount = `Choose an amount for ${frequency === 'once' ? 'a one-time' : frequency === 'annually' ? 'an annual' : 'a monthly'} gift in ${CURRENCIES[currency.code].name}, or type your own.`;
      } else {
        // Checked exactly like a typed amount: a tampered preset gets the same answers.
        const parsed = parseAmount((Number(match[3]) / 100).toFixed(2), currency.code, limits);
        if (parsed.ok) amount = parsed.minor;
        else errors.amount = Number(match[3]) < 0 ? 'The amount cannot be negative.' : parsed.error;
      }
    }
  }

  const donor = donorSchema.safeParse({ donorName: text(raw.donorName) ?? undefined, donorEmail: text(raw.donorEmail) ?? undefined, note: text(raw.note) ?? undefined });
  if (!donor.success) for (const issue of donor.error.issues) errors[String(issue.path[0])] ??= issue.message;

  if (Object.keys(errors).length > 0 || !frequency || !currency || amount === null || !donor.success) return { ok: false, fieldErrors: errors };
  return { ok: true, draft: { frequency, currency: currency.code, amount, ...donor.data } };
}

/** Reads a draft back (from its cookie) and checks it again against today's rules. */
export function checkDraft(value: unknown, rules: GiftRules): DonationDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.ref !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(v.ref) || typeof v.amount !== 'number' || !Number.isSafeInteger(v.amount)) return null;
  const checked = parseDonationForm(
    {
      frequency: v.frequency,
      currency: v.currency,
      amount: `${String(v.currency)}:${String(v.frequency)}:${v.amount}`,
      customAmount: '',
      donorName: v.donorName,
      donorEmail: v.donorEmail,
      note: v.note,
    },
    rules,
  );
  return checked.ok ? { ref: v.ref, ...checked.draft } : null;
}
