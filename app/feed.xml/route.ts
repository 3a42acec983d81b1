import { feedResponse } from '@/lib/feeds';

// Read per request: a feed shows what is public now.
export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return feedResponse({ kind: 'site' });
}
