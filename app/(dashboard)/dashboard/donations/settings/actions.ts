'use server';

import { revalidatePath } from 'next/cache';
import { writeSettings } from '@/db/queries/settings';
import { donationSettingsTags, invalidateTags } from '@/lib/cache/tags';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { mayChangeDonationSettings } from '@/lib/donations/rights';
import { CURRENCY_CODES } from '@/lib/money';
import { currentUser } from '@/lib/session';
import { isFormData } from '@/lib/validation/form';
import { DONATION_SETTINGS_KEY, parseSettingsForm, settingsToForm, type SettingsFormValues } from '@/lib/settings/donations';

export type SettingsState = { values?: SettingsFormValues; fieldErrors?: Record<string, string>; error?: string; saved?: boolean };

const FIELDS = new Set([
  'defaultCurrency',
  'appealReshowDays',
  'appealPauseAfterGiftDays',
  'editorsCanView',
  ...CURRENCY_CODES.flatMap((code) => ['enabled', 'once', 'monthly', 'annually', 'minimum', 'maximum', 'goal'].map((field) => `${code}.${field}`)),
]);

/** Admins only, checked here: who is calling, may they, is every value good; then one write, audited. */
export async function saveDonationSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const values: SettingsFormValues = {};
  if (isFormData(formData)) for (const [key, value] of formData.entries()) if (FIELDS.has(key) && typeof value === 'string') values[key] = value.slice(0, 500);
  try {
    const user = await currentUser();
    if (!user) return { values, error: 'You are not signed in (or your session has ended). Sign in again; nothing was saved.' };
    if (!mayChangeDonationSettings(user)) return { values, error: 'Only an admin can change the donation settings. Nothing was saved.' };
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) return { values, fieldErrors: parsed.fieldErrors, error: 'Some settings need attention. Nothing was saved.' };
    await writeSettings(DONATION_SETTINGS_KEY, parsed.value, user);
    // The appeal at the end of every cached article page reads these.
    await invalidateTags(donationSettingsTags());
    revalidatePath('/support');
    revalidatePath('/dashboard/donations', 'layout');
    return { values: settingsToForm(parsed.value), saved: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, error: 'Masthead cannot reach its database right now; nothing was saved. Try again in a moment.' };
    console.error(`[donations] saving settings failed: ${error instanceof Error ? error.message : String(error)}`);
    return { values, error: 'Something went wrong on the server; nothing was saved.' };
  }
}
