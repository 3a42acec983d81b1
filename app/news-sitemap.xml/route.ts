import { getSiteSettings } from '@/lib/settings/site';
import { newsSitemapXml } from '@/lib/sitemaps';
import { xmlResponse } from '@/lib/xml';

export const dynamic = 'force-dynamic';

/** Google News: what was published in the last 48 hours. */
export async function GET(): Promise<Response> {
  return xmlResponse(await newsSitemapXml(await getSiteSettings()));
}
