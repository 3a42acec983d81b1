import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { checkDraft, type DonationDraft, type GiftRules } from '@/lib/validation/donation';

// The gift a reader chose, kept between the form and the confirmation step in
// a cookie of its own (never in the address, which lands in logs and history).
// Nothing in it is trusted: it is checked again on every read.

const NAME = 'masthead_gift';
const MAX_AGE = 60 * 60;

export const newRef = () => randomBytes(18).toString('base64url');

export async function saveDraft(draft: Omit<DonationDraft, 'ref'>): Promise<DonationDraft> {
  const full: DonationDraft = { ref: newRef(), ...draft };
  (await cookies()).set(NAME, Buffer.from(JSON.stringify(full)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && (process.env.SITE_URL ?? '').startsWith('https:'),
    path: '/support',
    maxAge: MAX_AGE,
  });
  return full;
}

export async function readDraft(rules: GiftRules): Promise<DonationDraft | null> {
  const raw = (await cookies()).get(NAME)?.value;
  if (!raw || raw.length > 6000) return null;
  try {
    return checkDraft(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')), rules);
  } catch {
    return null;
  }
}

export async function clearDraft(): Promise<void> {
  (await cookies()).delete({ name: NAME, path: '/support' });
}
