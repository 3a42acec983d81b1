import { cachedNewsSitemapResponse } from '@/lib/cache/distribution';

// Cached (lib/cache): built once per change, refreshed through its tags; the time is a safety net.
export const revalidate = 60;

/** Google News: what was published in the last 48 hours. */
export function GET(): Promise<Response> {
  return cachedNewsSitemapResponse();
}
