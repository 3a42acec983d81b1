import { cachedFeedResponse } from '@/lib/cache/distribution';

// Cached (lib/cache): built once per change, refreshed through its tags; the time is a safety net.
export const revalidate = 60;

export function GET(): Promise<Response> {
  return cachedFeedResponse({ kind: 'site' });
}
