import type { DonationStatus, RecurringGift, RecurringGiftStatus } from '@/db/schema';

/** Made by Masthead's test mode (no Stripe account behind it): its ids were made up by Masthead. */
export const isMastheadTestGift = (gift: Pick<RecurringGift, 'stripeSubscriptionId'>) => (gift.stripeSubscriptionId ?? '').startsWith('sub_masthead_test_');

export const DONATION_STATUS_LABEL: Record<DonationStatus, string> = {
  pending: 'Not finished',
  paid: 'Received',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  failed: 'Payment failed',
  abandoned: 'Abandoned at checkout',
};

export const GIFT_STATUS_LABEL: Record<RecurringGiftStatus, string> = {
  pending: 'Not finished',
  active: 'Active',
  past_due: 'Payment overdue',
  paused: 'Paused',
  cancelled: 'Cancelled',
  abandoned: 'Abandoned at checkout',
};
