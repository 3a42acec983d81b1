import { sitemapIndexXml } from '@/lib/sitemaps';
import { xmlResponse } from '@/lib/xml';

// The sitemap index (lib/sitemaps.ts says why this is not app/sitemap.ts).
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  return xmlResponse(await sitemapIndexXml());
}
