import 'server-only';
import Stripe from 'stripe';
import { env } from './env';

/**
 * test: no STRIPE_SECRET_KEY. Masthead records test gifts itself and no card is charged.
 * stripe-test: a Stripe test key (sk_test_…): Stripe's test cards, no real money.
 * live: a live key: real money.
 */
export type PaymentMode = 'test' | 'stripe-test' | 'live';

export function paymentMode(): PaymentMode {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) return 'test';
  return /^(sk|rk)_live_/.test(key) ? 'live' : 'stripe-test';
}

/** Gifts made now are test gifts (Masthead's test mode or Stripe's): they are never counted with real money. */
export const recordsTestGifts = () => paymentMode() !== 'live';

type StripeOptions = NonNullable<ConstructorParameters<typeof Stripe>[1]>;

let cached: { key: string; base: string; client: Stripe } | null = null;

/** The Stripe client for STRIPE_SECRET_KEY, or null in test mode. */
export function getStripe(): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base = '' } = env();
  if (!key) return null;
  if (cached && cached.key === key && cached.base === base) return cached.client;
  const options: StripeOptions = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false, appInfo: { name: 'Masthead' } };
  if (base) {
    // A local stand-in for Stripe's API (tests): the SDK's own host, port and protocol options.
    const url = new URL(base);
    options.protocol = url.protocol === 'https:' ? 'https' : 'http';
    options.host = url.hostname;
    options.port = url.port || (url.protocol === 'https:' ? 443 : 80);
  }
  cached = { key, base, client: new Stripe(key, options) };
  return cached.client;
}

/** The endpoint's signing secret (whsec_…), or null when webhooks are not set up. */
export function webhookSecret(): string | null {
  return env().STRIPE_WEBHOOK_SECRET || null;
}

/**
 * Checks the Stripe-Signature header against the raw body and returns the event.
 * Throws when the signature is missing, wrong, or older than five minutes.
 */
export function verifyWebhook(rawBody: string, signature: string | null, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret);
}
