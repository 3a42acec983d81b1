import type { NextRequest } from 'next/server';
import { listDonations, listRecurringGifts } from '@/db/queries/donations';
import { csvRow } from '@/lib/csv';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { donationsViewer } from '@/lib/donations/access';
import { readDashboardQuery, type SearchParams } from '@/lib/donations/dashboard-query';
import { paymentMode } from '@/lib/stripe';
import { getSiteSettings } from '@/lib/settings/site';
import { recordAudit } from '@/db/queries/audit';

// The dashboard's list as a spreadsheet, with the same filters. It holds
// donors' names and addresses, so the caller is checked here, in the handler.

export const dynamic = 'force-dynamic';

const BATCH = 1000;
const MAX_ROWS = 100_000;
const major = (minor: number) => (minor / 100).toFixed(2);

export async function GET(request: NextRequest) {
  let viewer: Awaited<ReturnType<typeof donationsViewer>>;
  let site: Awaited<ReturnType<typeof getSiteSettings>>;
  try {
    viewer = await donationsViewer();
    if (!viewer.ok) {
      return new Response(viewer.status === 401 ? 'Sign in to export donations.\n' : 'Your role may not see donations.\n', {
        status: viewer.status,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
    site = await getSiteSettings();
    // Donor names and emails leave the system: who took them, and which list, is recorded.
    await recordAudit({
      actor: viewer.user,
      action: 'donations.export',
      objectType: 'donations',
      detail: Object.fromEntries(request.nextUrl.searchParams.entries()),
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return new Response('The database cannot be reached right now. Try again in a moment.\n', { status: 503 });
    throw error;
  }

  const params: SearchParams = Object.fromEntries(request.nextUrl.searchParams.entries());
  const { query, donationFilter, giftFilter } = readDashboardQuery(params, { timeZone: site.timeZone, defaultRecords: paymentMode() === 'live' ? 'live' : 'test' });
  const local = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: site.timeZone });
  const localTime = (date: Date | null) => (date ? local.format(date) : '');
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        // A byte-order mark, so spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode('\uFEFF'));
        if (query.view === 'recurring') {
          controller.enqueue(encoder.encode(csvRow(['started_utc', `started_${site.timeZone}`, 'status', 'frequency', 'amount', 'amount_minor', 'currency', 'donor_name', 'donor_email', 'note', 'payments', 'received', 'cancel_at_period_end', 'cancelled_utc', 'test', 'stripe_subscription', 'stripe_customer', 'gift_id'])));
          for (let offset = 0; offset < MAX_ROWS; offset += BATCH) {
            const rows = await listRecurringGifts({ ...giftFilter, limit: BATCH, offset });
            for (const g of rows) {
              const started = g.startedAt ?? g.createdAt;
              controller.enqueue(
                encoder.encode(
                  csvRow([started, localTime(started), g.status, g.frequency, major(g.amount), g.amount, g.currency, g.donorName, g.donorEmail, g.note, g.payments, major(g.received), g.cancelAtPeriodEnd, g.cancelledAt, g.test, g.stripeSubscriptionId, g.stripeCustomerId, g.id]),
                ),
              );
            }
            if (rows.length < BATCH) break;
          }
        } else {
          controller.enqueue(encoder.encode(csvRow(['date_utc', `date_${site.timeZone}`, 'status', 'frequency', 'amount', 'amount_minor', 'refunded', 'currency', 'donor_name', 'donor_email', 'note', 'test', 'stripe_payment_intent', 'stripe_invoice', 'stripe_checkout_session', 'recurring_gift_id', 'donation_id'])));
          for (let offset = 0; offset < MAX_ROWS; offset += BATCH) {
            const rows = await listDonations({ ...donationFilter, limit: BATCH, offset });
            for (const d of rows) {
              const when = d.paidAt ?? d.createdAt;
              controller.enqueue(
                encoder.encode(
                  csvRow([when, localTime(when), d.status, d.frequency, major(d.amount), d.amount, major(d.refundedAmount), d.currency, d.donorName, d.donorEmail, d.note, d.test, d.stripePaymentIntentId, d.stripeInvoiceId, d.stripeCheckoutSessionId, d.recurringGiftId, d.id]),
                ),
              );
            }
            if (rows.length < BATCH) break;
          }
        }
        controller.close();
      } catch (error) {
        console.error(`[donations] export failed: ${error instanceof Error ? error.message : String(error)}`);
        controller.error(error);
      }
    },
  });

  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="donations-${query.view}-${query.records}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
