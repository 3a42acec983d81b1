import { parseSitemapFile, sitemapPartXml } from '@/lib/sitemaps';
import { xmlResponse } from '@/lib/xml';

export const dynamic = 'force-dynamic';

/** /sitemaps/1.xml, /sitemaps/2.xml …, as listed by the index at /sitemap.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const n = parseSitemapFile((await params).file);
  const xml = n === null ? null : await sitemapPartXml(n);
  return xml ? xmlResponse(xml) : new Response('No such sitemap.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
