import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

// A link that lets a donor manage one recurring gift, without an account:
// the gift's id and an expiry, signed with a key derived from AUTH_SECRET.
// Whoever holds the link can open that gift's billing page until it expires,
// so it is only ever shown on the donor's own thank-you page or emailed to
// the address the gift was made with.

export const MANAGE_LINK_TTL_MS = 60 * 60_000;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: donor links cannot be signed.');
  return createHmac('sha256', secret).update('masthead:donor-manage-link:v1').digest();
}

const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

export function createManageToken(giftId: string, now = new Date(), ttlMs = MANAGE_LINK_TTL_MS): string {
  const payload = `${giftId}.${Math.floor((now.getTime() + ttlMs) / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
}

export type TokenCheck = { ok: true; giftId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyManageToken(token: string, now = new Date()): TokenCheck {
  if (typeof token !== 'string' || token.length > 300) return { ok: false, reason: 'invalid' };
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const match = /^([0-9a-f-]{36})\.(\d{1,12})$/.exec(payload);
  if (!match) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number(match[2]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, giftId: match[1], expiresAt };
}
