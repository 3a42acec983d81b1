import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardFonts, mediaAsJpeg } from '@/components/site/social-card';
import { createImage } from '@/db/queries/images';
import { mediaUrl } from '@/lib/media';

async function storedImage(format: 'webp' | 'gif' | 'png') {
  const pixels = sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a6f97' } });
  const data = await (format === 'webp' ? pixels.webp() : format === 'gif' ? pixels.gif() : pixels.png()).toBuffer();
  return createImage({ mimeType: `image/${format}`, width: 900, height: 600, data, uploadedBy: null });
}

describe('social card images', () => {
  it.each(['webp', 'gif', 'png'] as const)('draws a %s upload as a JPEG cropped to the card’s panel', async (format) => {
    const image = await storedImage(format);
    const uri = await mediaAsJpeg(mediaUrl(image), 440, 630);
    expect(uri).toMatch(/^data:image\/jpeg;base64,/);
    const meta = await sharp(Buffer.from(uri!.split(',')[1], 'base64')).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 440, height: 630 });
  });

  it('gives no image for a missing or malformed media address', async () => {
    expect(await mediaAsJpeg('/media/00000000-0000-4000-8000-000000000000.jpg', 440, 630)).toBeNull();
    expect(await mediaAsJpeg('/etc/passwd', 440, 630)).toBeNull();
  });

  it('loads the site’s serif, latin and latin-ext, and next/og’s sans', async () => {
    const fonts = await cardFonts();
    expect(fonts?.map((font) => font.name)).toEqual(['Source Serif 4', 'Source Serif 4 Extended', 'Geist']);
  });
});
