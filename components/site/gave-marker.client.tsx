'use client';

import { useEffect } from 'react';
import { GAVE_COOKIE, markCookie } from '@/lib/donations/appeal';

/** On the thank-you page: the appeal at the end of articles leaves this reader alone for `days`. */
export function GaveMarker({ days }: { days: number }) {
  useEffect(() => {
    document.cookie = markCookie(GAVE_COOKIE, Date.now(), days, location.protocol === 'https:');
  }, [days]);
  return null;
}
