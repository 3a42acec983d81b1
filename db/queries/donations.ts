import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '../client';
import {
  donations,
  recurringGifts,
  stripeEvents,
  type Donation,
  type DonationFrequency,
  type DonationStatus,
  type RecurringGift,
  type RecurringGiftStatus,
} from '../schema';
import type { Executor } from './audit';

// Reader donations: what the support page starts, what Stripe's events (or
// test mode's stand-ins for them) settle, and what the newsroom's dashboard
// reads. Every amount is an integer in the currency's minor unit.

export type DonorDetails = { donorName: string; donorEmail: string; note: string };

export interface NewGift extends DonorDetails {
  ref: string;
  frequency: DonationFrequency;
  amount: number;
  currency: string;
  test: boolean;
}

/** The row a checkout starts from: a pending one-time donation, or a pending recurring gift. */
export async function createPendingGift(gift: NewGift): Promise<{ kind: 'donation'; row: Donation } | { kind: 'gift'; row: RecurringGift }> {
  const values = { ...gift, currency: gift.currency.toUpperCase(), donorEmail: gift.donorEmail.toLowerCase() };
  if (gift.frequency === 'once') {
    const [row] = await db.insert(donations).values({ ...values, status: 'pending' }).returning();
    return { kind: 'donation', row };
  }
  const [row] = await db.insert(recurringGifts).values({ ...values, status: 'pending' }).returning();
  return { kind: 'gift', row };
}

export async function setCheckoutSession(kind: 'donation' | 'gift', id: string, sessionId: string): Promise<void> {
  if (kind === 'donation') await db.update(donations).set({ stripeCheckoutSessionId: sessionId, status: 'pending', updatedAt: new Date() }).where(eq(donations.id, id));
  else await db.update(recurringGifts).set({ stripeCheckoutSessionId: sessionId, status: 'pending', updatedAt: new Date() }).where(eq(recurringGifts.id, id));
}

/** A checkout that never reached Stripe: nothing was charged and nothing is kept. */
export async function discardPendingGift(kind: 'donation' | 'gift', id: string): Promise<void> {
  if (kind === 'donation') await db.delete(donations).where(and(eq(donations.id, id), eq(donations.status, 'pending')));
  else await db.delete(recurringGifts).where(and(eq(recurringGifts.id, id), eq(recurringGifts.status, 'pending')));
}

export type GiftByRef =
  | { kind: 'donation'; donation: Donation }
  | { kind: 'gift'; gift: RecurringGift; payments: number };

/** What the thank-you and cancel pages show, found by the unguessable reference in their address. */
export async function getGiftByRef(ref: string): Promise<GiftByRef | null> {
  const [donation] = await db.select().from(donations).where(eq(donations.ref, ref)).limit(1);
  if (donation) return { kind: 'donation', donation };
  const [gift] = await db.select().from(recurringGifts).where(eq(recurringGifts.ref, ref)).limit(1);
  if (!gift) return null;
  const [paid] = await db
    .select({ n: count() })
    .from(donations)
    .where(and(eq(donations.recurringGiftId, gift.id), inArray(donations.status, ['paid', 'partially_refunded', 'refunded'])));
  return { kind: 'gift', gift, payments: paid.n };
}

export async function getRecurringGift(id: string): Promise<RecurringGift | null> {
  const [gift] = await db.select().from(recurringGifts).where(eq(recurringGifts.id, id)).limit(1);
  return gift ?? null;
}

/** Recurring gifts a donor can still manage (not cancelled), by their email address. */
export async function listManageableGifts(email: string): Promise<RecurringGift[]> {
  return db
    .select()
    .from(recurringGifts)
    .where(and(eq(recurringGifts.donorEmail, email.trim().toLowerCase()), inArray(recurringGifts.status, ['active', 'past_due', 'paused'])))
    .orderBy(desc(recurringGifts.createdAt))
    .limit(10);
}

/**
 * Marks a manage link as sent, unless one went out in the last `withinMs`:
 * true when the caller may send one now. One atomic update, so two requests
 * at once cannot both send.
 */
export async function claimManageLinkSend(giftId: string, now = new Date(), withinMs = 10 * 60_000): Promise<boolean> {
  const rows = await db
    .update(recurringGifts)
    .set({ manageLinkSentAt: now })
    .where(and(eq(recurringGifts.id, giftId), sql`(${recurringGifts.manageLinkSentAt} is null or ${recurringGifts.manageLinkSentAt} < ${new Date(now.getTime() - withinMs)})`))
    .returning({ id: recurringGifts.id });
  return rows.length > 0;
}

// ── Stripe events ────────────────────────────────────────────────────────────
// Each function below is one event's effect, run inside the transaction that
// also records the event id: an event is applied once however often it comes.
// They are also safe to repeat on their own (the thank-you page settles a
// checkout it finds complete before the webhook arrives).

/** Records the event as processed; false when it already was. */
export async function claimStripeEvent(tx: Executor, event: { id: string; type: string; livemode: boolean }): Promise<boolean> {
  const rows = await tx.insert(stripeEvents).values({ id: event.id, type: event.type, livemode: event.livemode }).onConflictDoNothing().returning({ id: stripeEvents.id });
  return rows.length > 0;
}

export async function isStripeEventProcessed(id: string): Promise<boolean> {
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id)).limit(1);
  return Boolean(row);
}

export type EffectResult = 'applied' | 'unchanged' | 'unknown';

const lower = (email: string | null | undefined) => (email ?? '').trim().toLowerCase().slice(0, 254);

async function lockDonation(tx: Executor, where: SQL): Promise<Donation | null> {
  const [row] = await tx.select().from(donations).where(where).limit(1).for('update');
  return row ?? null;
}

async function lockGift(tx: Executor, where: SQL): Promise<RecurringGift | null> {
  const [row] = await tx.select().from(recurringGifts).where(where).limit(1).for('update');
  return row ?? null;
}

/** Finds a gift by any of its Stripe ids or its reference, most specific first. */
async function findGift(tx: Executor, keys: { subscriptionId?: string | null; ref?: string | null; sessionId?: string | null }): Promise<RecurringGift | null> {
  if (keys.subscriptionId) {
    const gift = await lockGift(tx, eq(recurringGifts.stripeSubscriptionId, keys.subscriptionId));
    if (gift) return gift;
  }
  if (keys.ref) {
    const gift = await lockGift(tx, eq(recurringGifts.ref, keys.ref));
    if (gift) return gift;
  }
  if (keys.sessionId) return lockGift(tx, eq(recurringGifts.stripeCheckoutSessionId, keys.sessionId));
  return null;
}

export interface CheckoutCompletion {
  sessionId: string;
  ref: string | null;
  mode: 'payment' | 'subscription';
  /** paid, unpaid (a bank debit still on its way) or no_payment_required */
  paymentStatus: string;
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  email: string | null;
  name: string | null;
  at: Date;
}

export async function applyCheckoutCompleted(tx: Executor, c: CheckoutCompletion): Promise<EffectResult> {
  if (c.mode === 'payment') {
    const row =
      (c.ref ? await lockDonation(tx, eq(donations.ref, c.ref)) : null) ?? (await lockDonation(tx, eq(donations.stripeCheckoutSessionId, c.sessionId)));
    if (!row) return 'unknown';
    const paid = c.paymentStatus === 'paid' || c.paymentStatus === 'no_payment_required';
    if (row.status !== 'pending' && row.status !== 'abandoned') return 'unchanged';
    await tx
      .update(donations)
      .set({
        status: paid ? 'paid' : 'pending',
        paidAt: paid ? c.at : null,
        // What Stripe charged is what was given.
        ...(c.amountTotal && c.amountTotal > 0 ? { amount: c.amountTotal } : {}),
        ...(c.currency ? { currency: c.currency.toUpperCase() } : {}),
        stripeCheckoutSessionId: c.sessionId,
        stripePaymentIntentId: c.paymentIntentId ?? row.stripePaymentIntentId,
        stripeCustomerId: c.customerId ?? row.stripeCustomerId,
        donorEmail: row.donorEmail || lower(c.email),
        donorName: row.donorName || (c.name ?? '').slice(0, 100),
        updatedAt: new Date(),
      })
      .where(eq(donations.id, row.id));
    return 'applied';
  }
  const gift = await findGift(tx, { ref: c.ref, sessionId: c.sessionId, subscriptionId: c.subscriptionId });
  if (!gift) return 'unknown';
  const activate = gift.status === 'pending' || gift.status === 'abandoned';
  await tx
    .update(recurringGifts)
    .set({
      status: activate ? 'active' : gift.status,
      startedAt: gift.startedAt ?? c.at,
      stripeCheckoutSessionId: c.sessionId,
      stripeSubscriptionId: gift.stripeSubscriptionId ?? c.subscriptionId,
      stripeCustomerId: gift.stripeCustomerId ?? c.customerId,
      donorEmail: gift.donorEmail || lower(c.email),
      donorName: gift.donorName || (c.name ?? '').slice(0, 100),
      updatedAt: new Date(),
    })
    .where(eq(recurringGifts.id, gift.id));
  return activate ? 'applied' : 'unchanged';
}

/** A bank debit that was still on its way at checkout: it arrived, or it failed. */
export async function applyAsyncPayment(tx: Executor, a: { sessionId: string; ref: string | null; succeeded: boolean; paymentIntentId: string | null; at: Date }): Promise<EffectResult> {
  const row = (a.ref ? await lockDonation(tx, eq(donations.ref, a.ref)) : null) ?? (await lockDonation(tx, eq(donations.stripeCheckoutSessionId, a.sessionId)));
  if (!row) return 'unknown';
  if (row.status !== 'pending') return 'unchanged';
  await tx
    .update(donations)
    .set({ status: a.succeeded ? 'paid' : 'failed', paidAt: a.succeeded ? a.at : null, stripePaymentIntentId: a.paymentIntentId ?? row.stripePaymentIntentId, updatedAt: new Date() })
    .where(eq(donations.id, row.id));
  return 'applied';
}

/** A checkout left unpaid until Stripe closed it. */
export async function applyCheckoutExpired(tx: Executor, e: { sessionId: string; ref: string | null }): Promise<EffectResult> {
  const donation = (e.ref ? await lockDonation(tx, eq(donations.ref, e.ref)) : null) ?? (await lockDonation(tx, eq(donations.stripeCheckoutSessionId, e.sessionId)));
  if (donation) {
    if (donation.status !== 'pending' || (donation.stripeCheckoutSessionId && donation.stripeCheckoutSessionId !== e.sessionId)) return 'unchanged';
    await tx.update(donations).set({ status: 'abandoned', updatedAt: new Date() }).where(eq(donations.id, donation.id));
    return 'applied';
  }
  const gift = await findGift(tx, { ref: e.ref, sessionId: e.sessionId });
  if (!gift) return 'unknown';
  if (gift.status !== 'pending' || (gift.stripeCheckoutSessionId && gift.stripeCheckoutSessionId !== e.sessionId)) return 'unchanged';
  await tx.update(recurringGifts).set({ status: 'abandoned', updatedAt: new Date() }).where(eq(recurringGifts.id, gift.id));
  return 'applied';
}

export interface InvoicePayment {
  invoiceId: string;
  subscriptionId: string | null;
  ref: string | null;
  amountPaid: number;
  currency: string;
  paymentIntentId: string | null;
  customerId: string | null;
  paidAt: Date;
}

/** One payment of a recurring gift. The invoice id is unique: a second delivery adds nothing. */
export async function applyInvoicePaid(tx: Executor, p: InvoicePayment): Promise<EffectResult> {
  const gift = await findGift(tx, { subscriptionId: p.subscriptionId, ref: p.ref });
  if (!gift) return 'unknown';
  const reactivate = gift.status === 'pending' || gift.status === 'abandoned' || gift.status === 'past_due';
  await tx
    .update(recurringGifts)
    .set({
      status: reactivate ? 'active' : gift.status,
      startedAt: gift.startedAt ?? p.paidAt,
      stripeSubscriptionId: gift.stripeSubscriptionId ?? p.subscriptionId,
      stripeCustomerId: gift.stripeCustomerId ?? p.customerId,
      updatedAt: new Date(),
    })
    .where(eq(recurringGifts.id, gift.id));
  // A free invoice (a 100% coupon, a trial) is no donation.
  if (p.amountPaid <= 0) return 'unchanged';
  const inserted = await tx
    .insert(donations)
    .values({
      frequency: gift.frequency,
      recurringGiftId: gift.id,
      amount: p.amountPaid,
      currency: p.currency.toUpperCase(),
      status: 'paid',
      donorName: gift.donorName,
      donorEmail: gift.donorEmail,
      note: gift.note,
      test: gift.test,
      stripeInvoiceId: p.invoiceId,
      stripePaymentIntentId: p.paymentIntentId,
      stripeCustomerId: p.customerId ?? gift.stripeCustomerId,
      paidAt: p.paidAt,
    })
    .onConflictDoNothing()
    .returning({ id: donations.id });
  return inserted.length > 0 ? 'applied' : 'unchanged';
}

export interface SubscriptionChange {
  subscriptionId: string;
  ref: string | null;
  status: RecurringGiftStatus | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  cancelledAt: Date | null;
  amount: number | null;
  currency: string | null;
  customerId: string | null;
  /** When Stripe made the event: an older change delivered late is ignored. */
  eventAt: Date;
}

/** A subscription changed (updated, paused, resumed) or ended (deleted: status cancelled). */
export async function applySubscriptionChange(tx: Executor, s: SubscriptionChange): Promise<EffectResult> {
  const gift = await findGift(tx, { subscriptionId: s.subscriptionId, ref: s.ref });
  if (!gift) return 'unknown';
  // Cancelled is final at Stripe too; and a late, older event must not undo a newer one.
  if (gift.status === 'cancelled') return 'unchanged';
  if (gift.stripeEventAt && s.eventAt < gift.stripeEventAt) return 'unchanged';
  const status = s.status ?? gift.status;
  await tx
    .update(recurringGifts)
    .set({
      status,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      currentPeriodEnd: s.currentPeriodEnd ?? gift.currentPeriodEnd,
      cancelledAt: status === 'cancelled' ? (s.cancelledAt ?? s.eventAt) : null,
      startedAt: gift.startedAt ?? (status === 'active' ? s.eventAt : null),
      ...(s.amount && s.amount > 0 ? { amount: s.amount } : {}),
      ...(s.currency ? { currency: s.currency.toUpperCase() } : {}),
      stripeSubscriptionId: gift.stripeSubscriptionId ?? s.subscriptionId,
      stripeCustomerId: gift.stripeCustomerId ?? s.customerId,
      stripeEventAt: s.eventAt,
      updatedAt: new Date(),
    })
    .where(eq(recurringGifts.id, gift.id));
  return 'applied';
}

/** Money given back. `amountRefunded` is the charge's running total, so a repeat changes nothing. */
export async function applyRefund(tx: Executor, r: { paymentIntentId: string | null; invoiceId: string | null; amountRefunded: number; at: Date }): Promise<EffectResult> {
  const row =
    (r.paymentIntentId ? await lockDonation(tx, eq(donations.stripePaymentIntentId, r.paymentIntentId)) : null) ??
    (r.invoiceId ? await lockDonation(tx, eq(donations.stripeInvoiceId, r.invoiceId)) : null);
  if (!row) return 'unknown';
  const refunded = Math.min(Math.max(0, Math.trunc(r.amountRefunded)), row.amount);
  if (refunded <= row.refundedAmount) return 'unchanged';
  await tx
    .update(donations)
    .set({
      refundedAmount: refunded,
      status: refunded >= row.amount ? 'refunded' : 'partially_refunded',
      refundedAt: r.at,
      stripePaymentIntentId: row.stripePaymentIntentId ?? r.paymentIntentId,
      updatedAt: new Date(),
    })
    .where(eq(donations.id, row.id));
  return 'applied';
}

export async function findDonationByPaymentIntent(paymentIntentId: string): Promise<Donation | null> {
  const [row] = await db.select().from(donations).where(eq(donations.stripePaymentIntentId, paymentIntentId)).limit(1);
  return row ?? null;
}

// ── The newsroom's figures ───────────────────────────────────────────────────

/** Money counts once it has arrived; refunds come off it. */
const RECEIVED: DonationStatus[] = ['paid', 'partially_refunded', 'refunded'];
const net = sql<number>`coalesce(sum(${donations.amount} - ${donations.refundedAmount}), 0)::bigint`;

/** Raised in one currency in [from, to): the monthly goal's progress. */
export async function sumReceived(options: { currency: string; test: boolean; from: Date; to: Date }): Promise<number> {
  const [row] = await db
    .select({ total: net })
    .from(donations)
    .where(
      and(
        eq(donations.currency, options.currency),
        eq(donations.test, options.test),
        inArray(donations.status, RECEIVED),
        gte(donations.paidAt, options.from),
        lt(donations.paidAt, options.to),
      ),
    );
  return Number(row.total);
}

export interface MonthTotal {
  /** "2026-03", on the newsroom's calendar */
  month: string;
  currency: string;
  frequency: DonationFrequency;
  gifts: number;
  gross: number;
  refunded: number;
  net: number;
}

/** Money received per month, currency and frequency: never summed across currencies. */
export async function donationTotalsByMonth(options: { test: boolean; since: Date; timeZone: string }): Promise<MonthTotal[]> {
  const month = sql<string>`to_char(${donations.paidAt} at time zone ${options.timeZone}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      currency: donations.currency,
      frequency: donations.frequency,
      gifts: count(),
      gross: sql<number>`coalesce(sum(${donations.amount}), 0)::bigint`,
      refunded: sql<number>`coalesce(sum(${donations.refundedAmount}), 0)::bigint`,
      net,
    })
    .from(donations)
    .where(and(eq(donations.test, options.test), inArray(donations.status, RECEIVED), gte(donations.paidAt, options.since)))
    // By position: the zone is a parameter, and PostgreSQL cannot tell two parameters are the same.
    .groupBy(sql`1`, sql`2`, sql`3`)
    .orderBy(sql`1 desc`, sql`2`, sql`3`);
  return rows.map((r) => ({ ...r, gross: Number(r.gross), refunded: Number(r.refunded), net: Number(r.net) }));
}

export interface RecurringSummary {
  currency: string;
  frequency: DonationFrequency;
  status: RecurringGiftStatus;
  gifts: number;
  /** The sum of the gifts' amounts per period, in this currency. */
  amount: number;
}

export async function recurringGiftSummary(options: { test: boolean }): Promise<RecurringSummary[]> {
  const rows = await db
    .select({
      currency: recurringGifts.currency,
      frequency: recurringGifts.frequency,
      status: recurringGifts.status,
      gifts: count(),
      amount: sql<number>`coalesce(sum(${recurringGifts.amount}), 0)::bigint`,
    })
    .from(recurringGifts)
    .where(and(eq(recurringGifts.test, options.test), inArray(recurringGifts.status, ['active', 'past_due', 'paused', 'cancelled'])))
    .groupBy(recurringGifts.currency, recurringGifts.frequency, recurringGifts.status)
    .orderBy(asc(recurringGifts.currency), asc(recurringGifts.frequency), asc(recurringGifts.status));
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export const DONATION_STATUS_FILTERS = ['received', 'paid', 'partially_refunded', 'refunded', 'pending', 'failed', 'abandoned', 'all'] as const;
export type DonationStatusFilter = (typeof DONATION_STATUS_FILTERS)[number];
export const GIFT_STATUS_FILTERS = ['current', 'active', 'past_due', 'paused', 'cancelled', 'pending', 'abandoned', 'all'] as const;
export type GiftStatusFilter = (typeof GIFT_STATUS_FILTERS)[number];

export interface DonationFilter {
  test: boolean;
  frequency?: DonationFrequency;
  currency?: string;
  status?: DonationStatusFilter;
  /** Inclusive lower and exclusive upper bound on when the money arrived (or, unpaid, when the gift was started). */
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

const donationDate = sql`coalesce(${donations.paidAt}, ${donations.createdAt})`;

function donationWhere(f: DonationFilter): SQL | undefined {
  const status = f.status ?? 'received';
  return and(
    eq(donations.test, f.test),
    f.frequency ? eq(donations.frequency, f.frequency) : undefined,
    f.currency ? eq(donations.currency, f.currency) : undefined,
    status === 'all' ? undefined : status === 'received' ? inArray(donations.status, RECEIVED) : eq(donations.status, status),
    f.from ? sql`${donationDate} >= ${f.from}` : undefined,
    f.to ? sql`${donationDate} < ${f.to}` : undefined,
  );
}

export async function listDonations(f: DonationFilter): Promise<Donation[]> {
  return db
    .select()
    .from(donations)
    .where(donationWhere(f))
    .orderBy(desc(donationDate), desc(donations.id))
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0);
}

export async function countDonations(f: DonationFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(donations).where(donationWhere(f));
  return row.n;
}

export interface GiftFilter {
  test: boolean;
  frequency?: DonationFrequency;
  currency?: string;
  status?: GiftStatusFilter;
  /** On when the gift was started. */
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

const giftDate = sql`coalesce(${recurringGifts.startedAt}, ${recurringGifts.createdAt})`;

function giftWhere(f: GiftFilter): SQL | undefined {
  const status = f.status ?? 'current';
  return and(
    eq(recurringGifts.test, f.test),
    f.frequency ? eq(recurringGifts.frequency, f.frequency) : undefined,
    f.currency ? eq(recurringGifts.currency, f.currency) : undefined,
    status === 'all'
      ? undefined
      : status === 'current'
        ? inArray(recurringGifts.status, ['active', 'past_due', 'paused', 'cancelled'])
        : eq(recurringGifts.status, status),
    f.from ? sql`${giftDate} >= ${f.from}` : undefined,
    f.to ? sql`${giftDate} < ${f.to}` : undefined,
  );
}

export type GiftRow = RecurringGift & { payments: number; received: number };

export async function listRecurringGifts(f: GiftFilter): Promise<GiftRow[]> {
  const payments = db
    .select({
      giftId: donations.recurringGiftId,
      payments: count().as('payments'),
      received: sql<number>`coalesce(sum(${donations.amount} - ${donations.refundedAmount}), 0)::bigint`.as('received'),
    })
    .from(donations)
    .where(inArray(donations.status, RECEIVED))
    .groupBy(donations.recurringGiftId)
    .as('gift_payments');
  const rows = await db
    .select({ gift: recurringGifts, payments: payments.payments, received: payments.received })
    .from(recurringGifts)
    .leftJoin(payments, eq(payments.giftId, recurringGifts.id))
    .where(giftWhere(f))
    .orderBy(desc(giftDate), desc(recurringGifts.id))
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0);
  return rows.map((r) => ({ ...r.gift, payments: Number(r.payments ?? 0), received: Number(r.received ?? 0) }));
}

export async function countRecurringGifts(f: GiftFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recurringGifts).where(giftWhere(f));
  return row.n;
}

/** Currencies that appear in the records, for the dashboard's filter. */
export async function listRecordedCurrencies(test: boolean): Promise<string[]> {
  const rows = await db
    .selectDistinct({ currency: donations.currency })
    .from(donations)
    .where(eq(donations.test, test))
    .union(db.selectDistinct({ currency: recurringGifts.currency }).from(recurringGifts).where(eq(recurringGifts.test, test)));
  return rows.map((r) => r.currency).sort();
}
