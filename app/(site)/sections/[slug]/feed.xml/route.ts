import { cachedFeedResponse } from '@/lib/cache/distribution';

// Cached (lib/cache): built once per change, refreshed through its tags; the time is a safety net.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return cachedFeedResponse({ kind: 'section', slug: (await params).slug });
}
