import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeIn, newsroomTimeToUtc, utcToNewsroomTime } from '@/lib/dates';
import { orderSections } from '@/lib/settings/sections';
import { canonicalTimeZone } from '@/lib/settings/site-schema';
import { utcOffsetLabel } from '@/lib/settings/time-zones';

describe('dates on the newsroom’s clock', () => {
  const lateEvening = new Date('2026-03-14T23:30:00Z');

  it('the same instant reads as a different day in a different zone', () => {
    expect(formatDate(lateEvening, 'Europe/London')).toBe('14 March 2026');
    expect(formatDate(lateEvening, 'Asia/Tokyo')).toBe('15 March 2026');
    expect(formatDate(lateEvening, 'America/Los_Angeles')).toBe('14 March 2026');
    expect(formatDateTime(lateEvening, 'Asia/Tokyo')).toBe('15 Mar 2026, 08:30');
    expect(formatDateTimeIn(lateEvening, 'America/New_York')).toMatch(/^14 Mar 2026, 19:30 (EDT|GMT-4)$/);
  });

  it('a scheduled time typed on the newsroom’s clock is stored as the right instant, across summer time', () => {
    expect(newsroomTimeToUtc('2026-01-10T09:00', 'Europe/London')?.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(newsroomTimeToUtc('2026-07-10T09:00', 'Europe/London')?.toISOString()).toBe('2026-07-10T08:00:00.000Z');
    expect(newsroomTimeToUtc('2026-07-10T09:00', 'America/Halifax')?.toISOString()).toBe('2026-07-10T12:00:00.000Z');
    expect(newsroomTimeToUtc('2026-07-10T09:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-07-10T03:30:00.000Z');
    expect(newsroomTimeToUtc('10 July, 9am', 'Europe/London')).toBeNull();
    for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/Sao_Paulo', 'UTC']) {
      const instant = new Date('2026-10-25T01:30:00Z');
      expect(newsroomTimeToUtc(utcToNewsroomTime(instant, zone), zone)?.getTime()).toBe(instant.getTime());
    }
  });

  it('offsets are labelled for the zone list', () => {
    expect(utcOffsetLabel('UTC')).toBe('UTC');
    expect(utcOffsetLabel('Asia/Kolkata')).toBe('UTC+05:30');
    expect(utcOffsetLabel('America/Halifax', new Date('2026-01-15T12:00:00Z'))).toBe('UTC−04:00');
    expect(utcOffsetLabel('Europe/London', new Date('2026-01-15T12:00:00Z'))).toBe('UTC');
  });

  it('time zones are stored in their own spelling, and fixed offsets or unknown names are refused', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('ordering sections for the home page', () => {
  const sections = ['news', 'sport', 'culture', 'opinion', 'business'].map((slug) => ({ slug }));
  const slugs = (list: { slug: string }[]) => list.map((s) => s.slug);

  it('named sections come first in the chosen order, the rest keep their own order', () => {
    expect(slugs(orderSections(sections, ['opinion', 'news']))).toEqual(['opinion', 'news', 'sport', 'culture', 'business']);
    expect(slugs(orderSections(sections, []))).toEqual(['news', 'sport', 'culture', 'opinion', 'business']);
    expect(slugs(orderSections(sections, ['gone', 'business', 'also-gone']))).toEqual(['business', 'news', 'sport', 'culture', 'opinion']);
  });

  it('leaves the list it was given alone', () => {
    const copy = [...sections];
    orderSections(sections, ['business']);
    expect(sections).toEqual(copy);
  });
});
