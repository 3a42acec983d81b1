import type { Role } from '@/db/schema';

// Who may see and change reader donations (README, "Reader support"). Kept
// here beside the donations code; lib/permissions.ts holds the editorial rights.

/** The donations dashboard and its CSV export: admins; editors when an admin allows it in the donation settings. */
export const mayViewDonations = (actor: { role: Role }, settings: { editorsCanView: boolean }) =>
  actor.role === 'admin' || (actor.role === 'editor' && settings.editorsCanView);

/** Presets, currencies, limits, goals, the appeal's timing, and whether editors see donations. */
export const mayChangeDonationSettings = (actor: { role: Role }) => actor.role === 'admin';
