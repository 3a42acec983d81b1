import { feedResponse } from '@/lib/feeds';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return feedResponse({ kind: 'section', slug: (await params).slug });
}
