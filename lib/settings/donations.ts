import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { readDonationSettingsDocument } from '@/lib/cache/loaders';
import { DONATION_FREQUENCIES, type DonationFrequency } from '@/db/schema';
import { CURRENCIES, CURRENCY_CODES, STRIPE_MAXIMUM, formatMoney, isCurrencyCode, minorToInput, parseAmount, type CurrencyCode } from '@/lib/money';

/** The settings document's key in the `settings` table. */
export const DONATION_SETTINGS_KEY = 'donations';
export const MAX_PRESETS = 6;

const minorAmount = z.number().int().positive().max(STRIPE_MAXIMUM);
/** A month's goal may be far above what one payment can be. */
export const GOAL_MAXIMUM = 99_999_999_999;
const presetList = z.array(minorAmount).min(1).max(MAX_PRESETS);

/** One currency the newsroom accepts. Every amount is in minor units (cents, pence). */
export const currencySettingsSchema = z
  .object({
    code: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
    presets: z.object({ once: presetList, monthly: presetList, annually: presetList }),
    minimum: minorAmount,
    maximum: minorAmount,
    /** Money raised this calendar month in this currency, shown as a progress bar on /support; null: no goal. */
    monthlyGoal: z.number().int().positive().max(GOAL_MAXIMUM).nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.minimum < CURRENCIES[value.code].stripeMinimum) ctx.addIssue({ code: 'custom', path: ['minimum'], message: 'Below what Stripe can charge.' });
    if (value.maximum <= value.minimum) ctx.addIssue({ code: 'custom', path: ['maximum'], message: 'The maximum must be more than the minimum.' });
    for (const frequency of DONATION_FREQUENCIES) {
      if (value.presets[frequency].some((amount) => amount < value.minimum || amount > value.maximum)) {
        ctx.addIssue({ code: 'custom', path: ['presets', frequency], message: 'Every amount must lie between the minimum and the maximum.' });
      }
    }
  });
export type CurrencySettings = z.output<typeof currencySettingsSchema>;

export const donationSettingsSchema = z
  .object({
    currencies: z
      .array(currencySettingsSchema)
      .min(1)
      .max(CURRENCY_CODES.length)
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { error: 'A currency appears twice.' }),
    defaultCurrency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
    /** After a reader dismisses the appeal at the end of articles, it stays away this many days. */
    appealReshowDays: z.number().int().min(1).max(365),
    /** After a reader gives, the appeal stays away this many days. */
    appealPauseAfterGiftDays: z.number().int().min(1).max(3650),
    /** Editors may open the donations dashboard (admins always may). */
    editorsCanView: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (!value.currencies.some((c) => c.code === value.defaultCurrency)) ctx.addIssue({ code: 'custom', path: ['defaultCurrency'], message: 'The default currency is not accepted.' });
  });
export type DonationSettings = z.output<typeof donationSettingsSchema>;

const major = (amounts: number[]) => amounts.map((a) => a * 100);
const standardCurrency = (code: CurrencyCode): CurrencySettings => ({
  code,
  presets: { once: major([10, 25, 50, 100]), monthly: major([5, 10, 20, 50]), annually: major([50, 100, 200, 500]) },
  minimum: 100,
  maximum: 1_000_000,
  monthlyGoal: null,
});

export const DONATION_DEFAULTS: DonationSettings = {
  currencies: [standardCurrency('USD'), standardCurrency('EUR'), standardCurrency('GBP')],
  defaultCurrency: 'USD',
  appealReshowDays: 14,
  appealPauseAfterGiftDays: 90,
  editorsCanView: false,
};

/** The preset settings for a currency not configured yet (what the admin's form starts from). */
export const currencyStarter = (code: CurrencyCode): CurrencySettings => {
  const base = standardCurrency(code);
  const floor = CURRENCIES[code].stripeMinimum;
  // Kronor and kroner are worth about a tenth of a dollar: ten times the amounts.
  if (floor >= 250) {
    const scale = (list: number[]) => list.map((a) => a * 10);
    return { ...base, presets: { once: scale(base.presets.once), monthly: scale(base.presets.monthly), annually: scale(base.presets.annually) }, minimum: 1000, maximum: 10_000_000 };
  }
  return base;
};

/**
 * The stored document over the defaults, field by field: a field that no
 * longer validates falls back to its default alone, so a bad row never takes
 * the support page down.
 */
export function resolveDonationSettings(stored: Record<string, unknown>): DonationSettings {
  const merged: Record<string, unknown> = { ...DONATION_DEFAULTS };
  const shape = donationSettingsSchema.shape;
  for (const [key, value] of Object.entries(stored)) {
    const field = shape[key as keyof typeof shape];
    if (field && field.safeParse(value).success) merged[key] = value;
  }
  const currencies = merged.currencies as CurrencySettings[];
  if (!currencies.some((c) => c.code === merged.defaultCurrency)) merged.defaultCurrency = currencies[0].code;
  return donationSettingsSchema.parse(merged);
}

/** From the data cache under the `donations` tag, which the donation settings action invalidates. */
export const getDonationSettings = cache(async (): Promise<DonationSettings> => resolveDonationSettings(await readDonationSettingsDocument()));

export function currencySettings(settings: DonationSettings, code: string): CurrencySettings | null {
  return settings.currencies.find((c) => c.code === code) ?? null;
}

// The admin's form: amounts typed in major units ("5, 10, 20"), one group of
// fields per currency, named "USD.monthly", "USD.minimum" and so on. Errors
// come back under the same names.

export type SettingsFormValues = Record<string, string>;
export type SettingsFormResult = { ok: true; value: DonationSettings } | { ok: false; fieldErrors: Record<string, string> };

const PRESET_FIELDS: Record<DonationFrequency, string> = { once: 'one-time', monthly: 'monthly', annually: 'annual' };

/** The stored settings as the form shows them. */
export function settingsToForm(settings: DonationSettings): SettingsFormValues {
  const values: SettingsFormValues = {
    defaultCurrency: settings.defaultCurrency,
    appealReshowDays: String(settings.appealReshowDays),
    appealPauseAfterGiftDays: String(settings.appealPauseAfterGiftDays),
    editorsCanView: settings.editorsCanView ? 'on' : '',
  };
  for (const code of CURRENCY_CODES) {
    const configured = currencySettings(settings, code);
    const c = configured ?? currencyStarter(code);
    values[`${code}.enabled`] = configured ? 'on' : '';
    for (const frequency of DONATION_FREQUENCIES) values[`${code}.${frequency}`] = c.presets[frequency].map(minorToInput).join(', ');
    values[`${code}.minimum`] = minorToInput(c.minimum);
    values[`${code}.maximum`] = minorToInput(c.maximum);
    values[`${code}.goal`] = c.monthlyGoal === null ? '' : minorToInput(c.monthlyGoal);
  }
  return values;
}

function wholeNumber(raw: string | undefined, label: string, min: number, max: number): { ok: true; value: number } | { ok: false; error: string } {
  const text = (raw ?? '').trim();
  if (!text) return { ok: false, error: `Enter ${label}.` };
  if (!/^\d+$/.test(text)) return { ok: false, error: `Enter ${label} as a whole number of days.` };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, error: `Enter a number of days from ${min} to ${max}.` };
  return { ok: true, value };
}

function parsePresets(raw: string | undefined, code: CurrencyCode, frequency: DonationFrequency, errors: Record<string, string>, key: string): number[] {
  const label = PRESET_FIELDS[frequency];
  const parts = (raw ?? '')
    .split(/[\s;]*[,;][\s;]*|\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) {
    errors[key] = `Give at least one ${label} amount.`;
    return [];
  }
  if (parts.length > MAX_PRESETS) {
    errors[key] = `Offer at most ${MAX_PRESETS} ${label} amounts; readers can always type their own.`;
    return [];
  }
  const amounts: number[] = [];
  for (const part of parts) {
    const parsed = parseAmount(part, code, { minimum: 1, maximum: STRIPE_MAXIMUM });
    if (!parsed.ok) {
      errors[key] = `“${part.slice(0, 20)}” is not an amount: ${parsed.error.charAt(0).toLowerCase()}${parsed.error.slice(1)} Separate amounts with commas, like 5, 10, 25.`;
      return [];
    }
    if (amounts.includes(parsed.minor)) {
      errors[key] = `${formatMoney(parsed.minor, code)} is there twice.`;
      return [];
    }
    amounts.push(parsed.minor);
  }
  return amounts.sort((a, b) => a - b);
}

/** The admin's form → settings to store, or an error for every bad field. Changes nothing itself. */
export function parseSettingsForm(form: SettingsFormValues): SettingsFormResult {
  const errors: Record<string, string> = {};
  const currencies: CurrencySettings[] = [];
  for (const code of CURRENCY_CODES) {
    if (form[`${code}.enabled`] !== 'on') continue;
    const { name, stripeMinimum } = CURRENCIES[code];
    const presets = {} as Record<DonationFrequency, number[]>;
    for (const frequency of DONATION_FREQUENCIES) presets[frequency] = parsePresets(form[`${code}.${frequency}`], code, frequency, errors, `${code}.${frequency}`);

    const minimum = parseAmount(form[`${code}.minimum`] ?? '', code, { minimum: 1, maximum: STRIPE_MAXIMUM });
    if (!minimum.ok) errors[`${code}.minimum`] = minimum.error;
    else if (minimum.minor < stripeMinimum) errors[`${code}.minimum`] = `Stripe cannot take less than ${formatMoney(stripeMinimum, code)} in one payment.`;

    const maximum = parseAmount(form[`${code}.maximum`] ?? '', code, { minimum: 1, maximum: STRIPE_MAXIMUM });
    if (!maximum.ok) errors[`${code}.maximum`] = maximum.error.replace('one gift', 'one payment');
    else if (minimum.ok && maximum.minor <= minimum.minor) errors[`${code}.maximum`] = 'The maximum must be more than the minimum.';

    let monthlyGoal: number | null = null;
    const goalText = (form[`${code}.goal`] ?? '').trim();
    if (goalText) {
      const goal = parseAmount(goalText, code, { minimum: 1, maximum: GOAL_MAXIMUM });
      if (goal.ok) monthlyGoal = goal.minor;
      else errors[`${code}.goal`] = goal.error.replace('The most we can take online in one gift is', 'A goal can be at most');
    }

    if (minimum.ok && maximum.ok) {
      for (const frequency of DONATION_FREQUENCIES) {
        const key = `${code}.${frequency}`;
        const outside = presets[frequency].find((a) => a < minimum.minor || a > maximum.minor);
        if (!errors[key] && outside !== undefined) {
          errors[key] = `${formatMoney(outside, code)} is outside the minimum and maximum for ${name} (${formatMoney(minimum.minor, code)} to ${formatMoney(maximum.minor, code)}).`;
        }
      }
      currencies.push({ code, presets, minimum: minimum.minor, maximum: maximum.minor, monthlyGoal });
    }
  }
  const enabled = CURRENCY_CODES.filter((code) => form[`${code}.enabled`] === 'on');
  if (enabled.length === 0) errors.currencies = 'Accept at least one currency.';

  const defaultCurrency = form.defaultCurrency ?? '';
  if (!isCurrencyCode(defaultCurrency)) errors.defaultCurrency = 'Choose the currency the support page starts with.';
  else if (enabled.length > 0 && !enabled.includes(defaultCurrency)) errors.defaultCurrency = `Accept ${CURRENCIES[defaultCurrency].name} as well, or choose a currency you accept.`;

  const reshow = wholeNumber(form.appealReshowDays, 'how long a dismissed appeal stays away', 1, 365);
  if (!reshow.ok) errors.appealReshowDays = reshow.error;
  const pause = wholeNumber(form.appealPauseAfterGiftDays, 'how long the appeal stays away after a gift', 1, 3650);
  if (!pause.ok) errors.appealPauseAfterGiftDays = pause.error;

  const editors = form.editorsCanView ?? '';
  if (editors !== '' && editors !== 'on') errors.editorsCanView = 'Tick the box or leave it empty.';

  if (Object.keys(errors).length > 0 || !reshow.ok || !pause.ok) return { ok: false, fieldErrors: errors };
  const checked = donationSettingsSchema.safeParse({
    currencies,
    defaultCurrency,
    appealReshowDays: reshow.value,
    appealPauseAfterGiftDays: pause.value,
    editorsCanView: editors === 'on',
  });
  if (!checked.success) {
    // Every field was checked above; this is a last guard, named by the field it concerns.
    const issue = checked.error.issues[0];
    return { ok: false, fieldErrors: { [issue?.path.map(String).join('.') || 'currencies']: 'This value cannot be saved. Check it and try again.' } };
  }
  return { ok: true, value: checked.data };
}
