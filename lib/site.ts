// The newsroom's identity. Issue #4 moves these into admin-editable settings.
export const site = {
  name: process.env.NEXT_PUBLIC_SITE_NAME ?? 'The Harbour Ledger',
  tagline: 'Independent news for Port Alder and the coast',
  supportText: 'Support the Ledger',
  locale: 'en-GB',
  timeZone: process.env.NEWSROOM_TIME_ZONE || 'Europe/London',
};
