import { getImage } from '@/db/queries/images';
import { parseMediaName } from '@/lib/media';

/** Serves stored uploads. Names are random ids, so a file never changes: cache it for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = parseMediaName((await params).file);
  const image = parsed ? await getImage(parsed.id) : null;
  if (!parsed || !image || image.mimeType !== parsed.mimeType) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(new Uint8Array(image.data), {
    headers: {
      'Content-Type': image.mimeType,
      'Content-Length': String(image.data.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
