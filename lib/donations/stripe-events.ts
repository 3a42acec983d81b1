import 'server-only';
import type Stripe from 'stripe';
import { db } from '@/db/client';
import {
  applyAsyncPayment,
  applyCheckoutCompleted,
  applyCheckoutExpired,
  applyInvoicePaid,
  applyRefund,
  applySubscriptionChange,
  claimStripeEvent,
  findDonationByPaymentIntent,
  type CheckoutCompletion,
  type EffectResult,
} from '@/db/queries/donations';
import type { Executor } from '@/db/queries/audit';
import type { RecurringGiftStatus } from '@/db/schema';
import { getStripe } from '@/lib/stripe';

// Stripe's events, turned into Masthead's records. The fields are read
// defensively: a webhook endpoint can be pinned to an older API version than
// the SDK's, so both the current and the previous shapes are understood (an
// invoice's subscription under `parent.subscription_details` or at the top).

/** The metadata key every checkout Masthead starts carries, naming its row. */
export const REF_KEY = 'masthead_ref';

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'invoice.paid',
  'customer.subscription.updated',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'customer.subscription.deleted',
  'charge.refunded',
] as const;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** An expandable reference: the id, whether Stripe sent the id or the object. */
const idOf = (value: unknown): string | null => str(value) ?? (isObj(value) ? str(value.id) : null);
const at = (seconds: unknown, fallback: Date): Date => {
  const n = num(seconds);
  return n === null ? fallback : new Date(n * 1000);
};
const refOf = (metadata: unknown): string | null => (isObj(metadata) ? str(metadata[REF_KEY]) : null);

export function checkoutCompletion(session: Obj, eventAt: Date): CheckoutCompletion | null {
  const sessionId = str(session.id);
  const mode = session.mode === 'subscription' ? 'subscription' : session.mode === 'payment' ? 'payment' : null;
  if (!sessionId || !mode) return null;
  const details = isObj(session.customer_details) ? session.customer_details : {};
  return {
    sessionId,
    ref: refOf(session.metadata) ?? str(session.client_reference_id),
    mode,
    paymentStatus: str(session.payment_status) ?? 'unpaid',
    amountTotal: num(session.amount_total),
    currency: str(session.currency),
    paymentIntentId: idOf(session.payment_intent),
    subscriptionId: idOf(session.subscription),
    customerId: idOf(session.customer),
    email: str(details.email) ?? str(session.customer_email),
    name: str(details.name),
    at: eventAt,
  };
}

const SUBSCRIPTION_STATUS: Record<string, RecurringGiftStatus | null> = {
  active: 'active',
  trialing: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  paused: 'paused',
  canceled: 'cancelled',
  incomplete_expired: 'cancelled',
  // The first payment is still being made: nothing to change yet.
  incomplete: null,
};

function subscriptionChange(sub: Obj, eventAt: Date, deleted: boolean) {
  const subscriptionId = str(sub.id);
  if (!subscriptionId) return null;
  const items = isObj(sub.items) && Array.isArray(sub.items.data) ? (sub.items.data as unknown[]).filter(isObj) : [];
  const item = items.length === 1 ? items[0] : null;
  const price = item && isObj(item.price) ? item.price : null;
  const unit = price ? num(price.unit_amount) : null;
  const quantity = item ? (num(item.quantity) ?? 1) : 1;
  const periodEnd = num(item?.current_period_end) ?? num(sub.current_period_end);
  return {
    subscriptionId,
    ref: refOf(sub.metadata),
    status: deleted ? ('cancelled' as const) : (SUBSCRIPTION_STATUS[str(sub.status) ?? ''] ?? null),
    cancelAtPeriodEnd: sub.cancel_at_period_end === true || num(sub.cancel_at) !== null,
    currentPeriodEnd: periodEnd === null ? null : new Date(periodEnd * 1000),
    cancelledAt: deleted ? at(sub.ended_at ?? sub.canceled_at, eventAt) : num(sub.canceled_at) === null ? null : at(sub.canceled_at, eventAt),
    amount: unit !== null && Number.isInteger(unit) ? unit * quantity : null,
    currency: str(price?.currency) ?? str(sub.currency),
    customerId: idOf(sub.customer),
    eventAt,
  };
}

function invoicePayment(invoice: Obj, eventAt: Date) {
  const invoiceId = str(invoice.id);
  const currency = str(invoice.currency);
  const amountPaid = num(invoice.amount_paid);
  if (!invoiceId || !currency || amountPaid === null) return null;
  const parent = isObj(invoice.parent) ? invoice.parent : null;
  const details = parent && isObj(parent.subscription_details) ? parent.subscription_details : isObj(invoice.subscription_details) ? invoice.subscription_details : null;
  const payments = isObj(invoice.payments) && Array.isArray(invoice.payments.data) ? (invoice.payments.data as unknown[]).filter(isObj) : [];
  const payment = payments.find((p) => isObj(p.payment) && p.payment.payment_intent);
  const transitions = isObj(invoice.status_transitions) ? invoice.status_transitions : {};
  return {
    invoiceId,
    subscriptionId: idOf(details?.subscription) ?? idOf(invoice.subscription),
    ref: refOf(details?.metadata),
    amountPaid,
    currency,
    paymentIntentId: (payment && isObj(payment.payment) ? idOf(payment.payment.payment_intent) : null) ?? idOf(invoice.payment_intent),
    customerId: idOf(invoice.customer),
    paidAt: at(transitions.paid_at, eventAt),
  };
}

/** Work done before the transaction, never inside it: a refund of a recurring payment needs its invoice, from Stripe. */
async function prepare(event: Stripe.Event): Promise<{ invoiceId: string | null }> {
  if (event.type !== 'charge.refunded') return { invoiceId: null };
  const charge = event.data.object as unknown as Obj;
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId || (await findDonationByPaymentIntent(paymentIntentId))) return { invoiceId: null };
  const legacy = idOf(charge.invoice);
  if (legacy) return { invoiceId: legacy };
  const stripe = getStripe();
  if (!stripe) return { invoiceId: null };
  const list = await stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 1 });
  return { invoiceId: idOf(list.data[0]?.invoice) };
}

async function apply(tx: Executor, event: Stripe.Event, prepared: { invoiceId: string | null }): Promise<EffectResult> {
  const object = event.data.object as unknown as Obj;
  const eventAt = at(event.created, new Date());
  switch (event.type) {
    case 'checkout.session.completed': {
      const completion = checkoutCompletion(object, eventAt);
      return completion ? applyCheckoutCompleted(tx, completion) : 'unknown';
    }
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed': {
      const sessionId = str(object.id);
      if (!sessionId || object.mode !== 'payment') return 'unknown';
      return applyAsyncPayment(tx, {
        sessionId,
        ref: refOf(object.metadata) ?? str(object.client_reference_id),
        succeeded: event.type === 'checkout.session.async_payment_succeeded',
        paymentIntentId: idOf(object.payment_intent),
        at: eventAt,
      });
    }
    case 'checkout.session.expired': {
      const sessionId = str(object.id);
      return sessionId ? applyCheckoutExpired(tx, { sessionId, ref: refOf(object.metadata) ?? str(object.client_reference_id) }) : 'unknown';
    }
    case 'invoice.paid': {
      const payment = invoicePayment(object, eventAt);
      return payment ? applyInvoicePaid(tx, payment) : 'unknown';
    }
    case 'customer.subscription.updated':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed':
    case 'customer.subscription.deleted': {
      const change = subscriptionChange(object, eventAt, event.type === 'customer.subscription.deleted');
      return change ? applySubscriptionChange(tx, change) : 'unknown';
    }
    case 'charge.refunded': {
      const amountRefunded = num(object.amount_refunded);
      if (amountRefunded === null) return 'unknown';
      return applyRefund(tx, { paymentIntentId: idOf(object.payment_intent), invoiceId: prepared.invoiceId, amountRefunded, at: eventAt });
    }
    default:
      return 'unknown';
  }
}

export type ProcessResult = 'processed' | 'duplicate';

/**
 * Applies one event exactly once: its id is stored in the same transaction as
 * its effects, so a repeat delivery (Stripe retries, or sends twice) finds the
 * id and changes nothing, and a failure part-way stores neither. Events about
 * objects Masthead did not create are recorded and otherwise ignored.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<ProcessResult> {
  const prepared = await prepare(event);
  return db.transaction(async (tx) => {
    if (!(await claimStripeEvent(tx, { id: event.id, type: event.type, livemode: event.livemode }))) return 'duplicate';
    await apply(tx, event, prepared);
    return 'processed';
  });
}

/** The thank-you page's check: a checkout Stripe calls complete is settled now, the way its webhook would. */
export async function settleCompletedCheckout(session: Stripe.Checkout.Session): Promise<EffectResult> {
  const completion = checkoutCompletion(session as unknown as Obj, new Date());
  if (!completion || session.status !== 'complete') return 'unchanged';
  return db.transaction((tx) => applyCheckoutCompleted(tx, completion));
}
