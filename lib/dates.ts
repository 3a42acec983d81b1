// Dates are shown on the newsroom's clock. The zone is an admin setting
// (lib/settings/site.ts), so every function here takes it: server code passes
// `(await getSiteSettings()).timeZone`, client components get it as a prop.

export const DEFAULT_LOCALE = 'en-GB';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
const DATE_TIME_ZONE: Intl.DateTimeFormatOptions = { ...DATE_TIME, timeZoneName: 'short' };

// Building a formatter costs far more than using one; a newsroom has one zone, so this stays tiny.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, options: Intl.DateTimeFormatOptions, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** "14 March 2026", in the given time zone. */
export const formatDate = (date: Date, timeZone: string, locale = DEFAULT_LOCALE) => formatter('date', DATE, timeZone, locale).format(date);
/** "14 Mar 2026, 09:30", in the given time zone. */
export const formatDateTime = (date: Date, timeZone: string, locale = DEFAULT_LOCALE) => formatter('date-time', DATE_TIME, timeZone, locale).format(date);
/** "14 Mar 2026, 09:30 GMT": with the zone's name, where a reader of the time may be elsewhere (scheduling). */
export const formatDateTimeIn = (date: Date, timeZone: string, locale = DEFAULT_LOCALE) => formatter('date-time-zone', DATE_TIME_ZONE, timeZone, locale).format(date);

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatter(
    'parts',
    { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
    timeZone,
    'en-US',
  ).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-11-26T09:00" on the newsroom's clock → the instant (stored in UTC). Null when malformed. */
export function newsroomTimeToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across a daylight-saving change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** An instant as "2026-11-26T09:00" on the newsroom's clock, for a datetime-local input. */
export function utcToNewsroomTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
