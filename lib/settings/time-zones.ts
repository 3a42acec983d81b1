import 'server-only';
import { canonicalTimeZone } from './site-schema';

export interface TimeZoneOption {
  value: string;
  label: string;
}
export interface TimeZoneGroup {
  label: string;
  zones: TimeZoneOption[];
}

const REGION_LABEL: Record<string, string> = {
  Africa: 'Africa',
  America: 'Americas',
  Antarctica: 'Antarctica',
  Arctic: 'Arctic',
  Asia: 'Asia',
  Atlantic: 'Atlantic Ocean',
  Australia: 'Australia',
  Europe: 'Europe',
  Indian: 'Indian Ocean',
  Pacific: 'Pacific',
};
const OTHER = 'Other';

/** "UTC+05:30", "UTC−03:00" or "UTC": the zone's offset at that instant. */
export function utcOffsetLabel(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const offset = part.replace(/^GMT/, '');
  return !offset || /^[+-]00:00$/.test(offset) ? 'UTC' : `UTC${offset.replace('-', '−')}`;
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires, Argentina": the place first, so typing its name finds it. */
function placeName(zone: string): string {
  const [, ...rest] = zone.split('/');
  if (rest.length === 0) return zone;
  return rest
    .reverse()
    .map((part) => part.replace(/_/g, ' '))
    .join(', ');
}

let cached: { hour: number; groups: TimeZoneGroup[] } | null = null;

/**
 * Every zone the server knows, by region, each with its offset now, for the
 * settings form's list. Offsets only move on the hour, so the list is built at
 * most once an hour. `current` is always offered, even an old alias of a zone.
 */
export function listTimeZoneGroups(current?: string): TimeZoneGroup[] {
  const hour = Math.floor(Date.now() / 3_600_000);
  if (cached?.hour !== hour) {
    const now = new Date();
    const byRegion = new Map<string, TimeZoneOption[]>();
    for (const zone of ['UTC', ...Intl.supportedValuesOf('timeZone')]) {
      const region = REGION_LABEL[zone.split('/')[0]] && zone.includes('/') ? REGION_LABEL[zone.split('/')[0]] : OTHER;
      const option = { value: zone, label: zone === 'UTC' ? 'UTC (Coordinated Universal Time)' : `${placeName(zone)} (${utcOffsetLabel(zone, now)})` };
      if (!byRegion.has(region)) byRegion.set(region, []);
      byRegion.get(region)!.push(option);
    }
    const order = [...Object.values(REGION_LABEL), OTHER];
    const groups = order
      .filter((label) => byRegion.has(label))
      .map((label) => ({ label, zones: byRegion.get(label)!.sort((a, b) => a.label.localeCompare(b.label, 'en')) }));
    cached = { hour, groups };
  }
  const groups = cached.groups;
  const zone = current && canonicalTimeZone(current);
  if (!zone || groups.some((group) => group.zones.some((option) => option.value === zone))) return groups;
  return [...groups, { label: 'Current setting', zones: [{ value: zone, label: `${zone} (${utcOffsetLabel(zone)})` }] }];
}
