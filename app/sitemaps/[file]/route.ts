import { cachedSitemapPartResponse } from '@/lib/cache/distribution';
import { parseSitemapFile } from '@/lib/sitemaps';

// Cached (lib/cache): built once per change, refreshed through its tags; the time is a safety net.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** /sitemaps/1.xml, /sitemaps/2.xml …, as listed by the index at /sitemap.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return cachedSitemapPartResponse(parseSitemapFile((await params).file));
}
