// When the appeal at the end of articles stays away: for `reshowDays` after a
// reader dismisses it, and for `pauseDays` after they give. Both moments are
// kept in first-party cookies (readable before the page paints, and by the
// server if it ever needs to), holding the time in milliseconds.

export const DISMISSED_COOKIE = 'masthead_appeal_dismissed';
export const GAVE_COOKIE = 'masthead_gave';
const DAY_MS = 86_400_000;

/**
 * True when the appeal should stay hidden. Written without helpers or outside
 * references: its source is also sent as the inline script that hides the
 * appeal before the first paint, so it must not call anything from outside itself.
 */
export function appealHidden(cookie: string, now: number, reshowDays: number, pauseDays: number): boolean {
  function read(name: string): number {
    const match = new RegExp('(?:^|;\\s*)' + name + '=(\\d{1,16})(?:;|$)').exec(cookie);
    return match ? Number(match[1]) : NaN;
  }
  const dismissed = read('masthead_appeal_dismissed');
  const gave = read('masthead_gave');
  // A time in the future is a broken cookie, not a reason to hide forever.
  if (dismissed <= now && now - dismissed < reshowDays * 86400000) return true;
  if (gave <= now && now - gave < pauseDays * 86400000) return true;
  return false;
}

/** The cookie that remembers a moment for `days`. */
export function markCookie(name: typeof DISMISSED_COOKIE | typeof GAVE_COOKIE, now: number, days: number, secure: boolean): string {
  return `${name}=${now}; Max-Age=${Math.round(days * (DAY_MS / 1000))}; Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
}
