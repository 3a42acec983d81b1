import { site } from './site';

const dateFormat = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: site.timeZone });
const dateTimeFormat = new Intl.DateTimeFormat(site.locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: site.timeZone,
});

/** "14 March 2026", in the newsroom's time zone. */
export const formatDate = (date: Date) => dateFormat.format(date);
/** "14 Mar 2026, 09:30", in the newsroom's time zone. */
export const formatDateTime = (date: Date) => dateTimeFormat.format(date);
