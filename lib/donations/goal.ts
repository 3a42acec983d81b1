import 'server-only';
import { sumReceived } from '@/db/queries/donations';
import { newsroomTimeToUtc, utcToNewsroomTime } from '@/lib/dates';
import type { CurrencyCode } from '@/lib/money';
import type { DonationSettings } from '@/lib/settings/donations';
import { recordsTestGifts } from '@/lib/stripe';

/** The calendar month containing `now` on the newsroom's clock, as UTC instants [from, to). */
export function monthBounds(now: Date, timeZone: string): { from: Date; to: Date; month: string } {
  const local = utcToNewsroomTime(now, timeZone);
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return {
    from: newsroomTimeToUtc(`${local.slice(0, 7)}-01T00:00`, timeZone)!,
    to: newsroomTimeToUtc(`${next}-01T00:00`, timeZone)!,
    month: local.slice(0, 7),
  };
}

export interface GoalProgress {
  currency: CurrencyCode;
  goal: number;
  raised: number;
}

/**
 * Each currency with a monthly goal and what it has raised this month, net of
 * refunds. Currencies are never added together. In test mode only test gifts
 * count, and with a live key only real ones.
 */
export async function monthlyGoals(settings: DonationSettings, timeZone: string, now = new Date()): Promise<GoalProgress[]> {
  const { from, to } = monthBounds(now, timeZone);
  const test = recordsTestGifts();
  const withGoal = settings.currencies.filter((c) => c.monthlyGoal !== null);
  // The default currency's goal first: it is the one most readers give in.
  withGoal.sort((a, b) => Number(b.code === settings.defaultCurrency) - Number(a.code === settings.defaultCurrency));
  return Promise.all(withGoal.map(async (c) => ({ currency: c.code, goal: c.monthlyGoal!, raised: await sumReceived({ currency: c.code, test, from, to }) })));
}
