import { randomUUID } from 'node:crypto';
import { processStripeEvent } from '@/lib/donations/stripe-events';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { verifyWebhook, webhookSecret } from '@/lib/stripe';

// Stripe's webhook endpoint. Stripe retries anything but a 2xx for three days,
// so: a bad or stale signature is a 400 (a retry cannot fix it), and anything
// that went wrong on our side (database down, a bug) is a 5xx (a retry can).
// No Origin check, unlike the other data-changing route handlers (lib/request.ts): Stripe's
// servers are not a browser and send none, and a forged request cannot carry a valid signature
// over its body (checked below before anything is read or written), so the signature is the check.

export const dynamic = 'force-dynamic';

const MAX_BODY = 1_000_000;

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  const secret = webhookSecret();
  if (!secret) {
    console.error('[stripe] a webhook arrived but STRIPE_WEBHOOK_SECRET is not set: it cannot be verified. Set it and Stripe will retry.');
    return json(503, { error: 'Webhooks are not configured on this server.' });
  }
  // Stripe's events are a few kilobytes; anything near a megabyte is not one of them.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return json(413, { error: 'Too large to be a Stripe event.' });
  // The signature covers the exact bytes Stripe sent: read them untouched.
  const body = await request.text();
  if (body.length > MAX_BODY) return json(413, { error: 'Too large to be a Stripe event.' });
  let event;
  try {
    event = verifyWebhook(body, request.headers.get('stripe-signature'), secret);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid signature';
    console.warn(`[stripe] webhook refused: ${message.split('\n')[0].slice(0, 200)}`);
    return json(400, { error: 'The signature is missing, wrong or too old.' });
  }
  try {
    const result = await processStripeEvent(event);
    return json(200, { received: true, duplicate: result === 'duplicate' });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`[stripe] database unavailable while handling ${event.type} ${event.id}: Stripe will retry.`);
      return json(503, { error: 'Temporarily unavailable; retry later.' });
    }
    const id = randomUUID().slice(0, 8);
    console.error(`[stripe] error ${id} handling ${event.type} ${event.id}:`, error instanceof Error ? error.message : error);
    return json(500, { error: `Could not process the event (reference ${id}).` });
  }
}
