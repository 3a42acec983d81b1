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

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-11-26T09:00" on the newsroom's clock → the instant (stored in UTC). Null when malformed. */
export function newsroomTimeToUtc(local: string, timeZone = site.timeZone): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across a daylight-saving change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** An instant as "2026-11-26T09:00" on the newsroom's clock, for a datetime-local input. */
export function utcToNewsroomTime(date: Date, timeZone = site.timeZone): string {
  const local = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** Formats in a given zone: client components get the newsroom's zone from the server. */
export const formatDateTimeIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
