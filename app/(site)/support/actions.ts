'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { claimManageLinkSend, getRecurringGift, listManageableGifts } from '@/db/queries/donations';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { cancelTestGift, startDonation } from '@/lib/donations/checkout';
import { clearDraft, readDraft, saveDraft } from '@/lib/donations/draft-cookie';
import { isMastheadTestGift } from '@/lib/donations/gifts';
import { createManageToken, verifyManageToken } from '@/lib/donations/manage-link';
import { mailConfigured, sendMail } from '@/lib/mail';
import { giftPhrase, isCurrencyCode } from '@/lib/money';
import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { absoluteUrl } from '@/lib/site-url';
import { getStripe, recordsTestGifts } from '@/lib/stripe';
import { parseDonationForm, type DonationFormValues } from '@/lib/validation/donation';
import { isFormData } from '@/lib/validation/form';

// The reader's side of donations. Nobody signs in here, so each action checks
// what it is given itself: the form against today's settings, the chosen gift
// again from its cookie at the confirmation, a manage link by its signature.

const FORM_FIELDS = ['frequency', 'currency', 'amount', 'customAmount', 'donorName', 'donorEmail', 'note'] as const;

export type ReviewState = { fieldErrors: Record<string, string>; values: DonationFormValues; error?: string };

function formValues(formData: FormData): DonationFormValues {
  const values: DonationFormValues = {};
  if (!isFormData(formData)) return values;
  for (const field of FORM_FIELDS) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, 2000);
  }
  return values;
}

const UNAVAILABLE = 'We cannot take gifts for a moment: the site cannot reach its database. Nothing was charged. Please try again shortly.';

/** Step one: the reader's choice, checked field by field, kept for the confirmation page. Nothing is charged here. */
export async function reviewDonationAction(_previous: ReviewState, formData: FormData): Promise<ReviewState> {
  const values = formValues(formData);
  try {
    const parsed = parseDonationForm(values, await getDonationSettings());
    if (!parsed.ok) return { values, fieldErrors: parsed.fieldErrors, error: 'Some answers need a second look.' };
    await saveDraft(parsed.draft);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, fieldErrors: {}, error: UNAVAILABLE };
    throw error;
  }
  redirect('/support/confirm');
}

/**
 * Step two: the reader pressed "Give $10 every month". The gift is read again
 * from its cookie and checked against today's settings; the page's `ref` must
 * name that same gift, so what is charged is what the button said.
 */
export async function confirmDonationAction(formData: FormData): Promise<void> {
  let destination: string;
  try {
    const draft = await readDraft(await getDonationSettings());
    if (!draft) redirect('/support?expired=1');
    if ((isFormData(formData) ? formData.get('ref') : null) !== draft.ref) redirect('/support/confirm?changed=1');
    const result = await startDonation(draft, (await getSiteSettings()).name);
    destination = result.ok ? result.redirectTo : '/support/confirm?problem=payment';
  } catch (error) {
    if (isRedirect(error)) throw error;
    if (isDatabaseUnavailable(error)) redirect('/support/confirm?problem=unavailable');
    console.error(`[donations] confirming a gift failed: ${error instanceof Error ? error.message : String(error)}`);
    redirect('/support/confirm?problem=error');
  }
  redirect(destination);
}

/** "Change" on the confirmation page keeps the choice; "Start again" forgets it. */
export async function forgetDraftAction(): Promise<void> {
  await clearDraft();
  redirect('/support');
}

export type ManageLinkState = { status?: 'sent' | 'no_mail' | 'error'; fieldErrors?: Record<string, string>; email?: string };

const emailSchema = z
  .string({ error: 'Enter the email address you gave with.' })
  .trim()
  .min(1, { error: 'Enter the email address you gave with.' })
  .max(254, { error: 'That email address is too long.' })
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

/**
 * Emails a manage link for each recurring gift made with this address. The
 * answer is the same whether or not there is one, so the page tells nobody
 * who gives; and each gift gets at most one email every ten minutes.
 */
export async function requestManageLinkAction(_previous: ManageLinkState, formData: FormData): Promise<ManageLinkState> {
  const raw = isFormData(formData) ? formData.get('email') : null;
  const parsed = emailSchema.safeParse(typeof raw === 'string' ? raw : '');
  if (!parsed.success) return { fieldErrors: { email: parsed.error.issues[0].message }, email: typeof raw === 'string' ? raw.slice(0, 254) : '' };
  const email = parsed.data.toLowerCase();
  if (!mailConfigured()) return { status: 'no_mail', email };
  try {
    const gifts = await listManageableGifts(email);
    const links: string[] = [];
    for (const gift of gifts) {
      if (!isCurrencyCode(gift.currency) || !(await claimManageLinkSend(gift.id))) continue;
      links.push(`${giftPhrase(gift.amount, gift.currency, gift.frequency)}:\n${absoluteUrl(`/support/manage/${createManageToken(gift.id)}`)}`);
    }
    if (links.length > 0) {
      const site = await getSiteSettings();
      await sendMail({
        to: email,
        subject: `Manage your gift to ${site.name}`,
        text: [
          `Someone (we hope you) asked for a link to manage a recurring gift to ${site.name}.`,
          '',
          ...links.flatMap((link) => [link, '']),
          'Each link works for one hour. If you did not ask for it, you can ignore this email: nothing changes unless the link is used.',
        ].join('\n'),
      });
    }
    return { status: 'sent', email };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) console.error(`[donations] sending a manage link failed: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'error', email };
  }
}

async function giftForToken(formData: FormData) {
  const token = isFormData(formData) ? formData.get('token') : null;
  if (typeof token !== 'string') return null;
  const check = verifyManageToken(token);
  if (!check.ok) return null;
  const gift = await getRecurringGift(check.giftId);
  return gift ? { token, gift } : null;
}

/** Opens Stripe's billing portal for the gift the signed link names. */
export async function openBillingPortalAction(formData: FormData): Promise<void> {
  const found = await giftForToken(formData);
  if (!found) redirect('/support/manage?expired=1');
  const back = `/support/manage/${found.token}`;
  const stripe = getStripe();
  if (!stripe || !found.gift.stripeCustomerId || isMastheadTestGift(found.gift) || found.gift.test !== recordsTestGifts()) redirect(`${back}?problem=portal`);
  let url: string;
  try {
    const session = await stripe.billingPortal.sessions.create({ customer: found.gift.stripeCustomerId, return_url: absoluteUrl('/support') });
    url = session.url;
  } catch (error) {
    const e = error as { type?: string; message?: string };
    console.error(`[donations] could not open the billing portal: ${e.type ?? 'error'} ${e.message ?? ''}`.trim());
    redirect(`${back}?problem=stripe`);
  }
  redirect(url);
}

/** Test mode only: cancels a test gift the way Stripe's portal would, through the same event handling. */
export async function cancelTestGiftAction(formData: FormData): Promise<void> {
  const found = await giftForToken(formData);
  if (!found) redirect('/support/manage?expired=1');
  const back = `/support/manage/${found.token}`;
  if (!isMastheadTestGift(found.gift)) redirect(`${back}?problem=portal`);
  if (found.gift.status !== 'cancelled') await cancelTestGift(found.gift);
  redirect(`${back}?cancelled=1`);
}

function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
