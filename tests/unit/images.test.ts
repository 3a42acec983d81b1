import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, processUpload } from '@/lib/images';
import { parseMediaName } from '@/lib/media';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 140 } } });

const samples = {
  'image/png': () => solid(40, 30).png().toBuffer(),
  'image/jpeg': () => solid(40, 30).jpeg().toBuffer(),
  'image/webp': () => solid(40, 30).webp().toBuffer(),
  'image/gif': () => solid(40, 30).gif().toBuffer(),
} as const;

// CRC-32 as PNG chunks use it (zlib.crc32 needs a newer Node than the app requires).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real small PNG whose header claims other dimensions: cheap to make, huge to decode. */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await solid(4, 4).png().toBuffer());
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height, then the CRC over type and data.
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('processUpload', () => {
  it.each(Object.keys(samples) as (keyof typeof samples)[])('accepts a %s and keeps its type and size', async (mimeType) => {
    const result = await processUpload(await samples[mimeType]());
    expect(result).toMatchObject({ ok: true, mimeType, width: 40, height: 30 });
    if (!result.ok) return;
    const stored = await sharp(result.data).metadata();
    expect(`image/${stored.format}`).toBe(mimeType);
    expect([stored.width, stored.height]).toEqual([40, 30]);
  });

  it('removes EXIF metadata such as the photographer and camera position', async () => {
    const photo = await solid(64, 48)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'Secret Photographer', Artist: 'Jo Bloggs', ImageDescription: 'GPS 51.5N 0.1W' } } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes('Secret Photographer')).toBe(true);

    const result = await processUpload(photo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await sharp(result.data).metadata();
    expect(stored.exif).toBeUndefined();
    expect(result.data.includes('Secret Photographer')).toBe(false);
    expect(result.data.includes('Jo Bloggs')).toBe(false);
  });

  it('turns a photo the right way up by its orientation tag before dropping the tag', async () => {
    // Stored 60×40 with "rotate 90°" in EXIF: it is meant to be seen 40×60.
    const sideways = await solid(60, 40).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await processUpload(sideways);
    expect(result).toMatchObject({ ok: true, width: 40, height: 60 });
    if (result.ok) expect((await sharp(result.data).metadata()).orientation).toBeUndefined();
  });

  it('drops anything appended after the image data', async () => {
    const polyglot = Buffer.concat([await samples['image/png'](), Buffer.from('<script>alert("appended")</script>')]);
    const result = await processUpload(polyglot);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.includes('appended')).toBe(false);
  });

  it('scales an image wider than 2400 px down to 2400 px, keeping its proportions', async () => {
    const wide = await solid(3000, 150).png().toBuffer();
    const result = await processUpload(wide);
    expect(result).toMatchObject({ ok: true, width: 2400, height: 120 });
    if (result.ok) expect((await sharp(result.data).metadata()).width).toBe(2400);
  });

  it('does not enlarge a small image', async () => {
    const result = await processUpload(await solid(300, 200).jpeg().toBuffer());
    expect(result).toMatchObject({ ok: true, width: 300, height: 200 });
  });

  it('keeps every frame of an animated GIF and reports the height of one frame', async () => {
    const frame = (background: string) => sharp({ create: { width: 20, height: 30, channels: 3, background } }).gif().toBuffer();
    const animated = await sharp(await Promise.all([frame('#c00'), frame('#0c0'), frame('#00c')]), { join: { animated: true } })
      .gif()
      .toBuffer();
    // The GIF encoder may fold frames together; what matters is that none are lost on upload.
    const frames = (await sharp(animated).metadata()).pages ?? 1;
    expect(frames).toBeGreaterThan(1);
    const result = await processUpload(animated);
    expect(result).toMatchObject({ ok: true, mimeType: 'image/gif', width: 20, height: 30 });
    if (result.ok) expect((await sharp(result.data).metadata()).pages).toBe(frames);
  });

  it('refuses an empty file', async () => {
    expect(await processUpload(Buffer.alloc(0))).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('refuses an HTML page renamed as an image', async () => {
    const page = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    expect(await processUpload(page)).toEqual({ ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' });
  });

  it('refuses an SVG, which can carry script', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    expect(await processUpload(svg)).toEqual({ ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' });
  });

  it('refuses formats it does not store, such as TIFF and AVIF', async () => {
    for (const bytes of [await solid(10, 10).tiff().toBuffer(), await solid(10, 10).avif().toBuffer()]) {
      expect(await processUpload(bytes)).toMatchObject({ ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' });
    }
  });

  it('refuses a PNG signature followed by garbage', async () => {
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really an image '.repeat(50))]);
    expect(await processUpload(fake)).toMatchObject({ ok: false, error: expect.stringMatching(/could not be read/) });
  });

  it('refuses a JPEG cut off part-way', async () => {
    const photo = await solid(200, 200).jpeg().toBuffer();
    const result = await processUpload(photo.subarray(0, 120));
    expect(result.ok).toBe(false);
  });

  it('refuses a file whose first bytes claim one format and whose body is another', async () => {
    const png = await samples['image/png']();
    const disguised = Buffer.concat([Buffer.from('GIF89a'), png]);
    expect((await processUpload(disguised)).ok).toBe(false);
  });

  it('refuses a file over 10 MB before looking inside it', async () => {
    const png = await samples['image/png']();
    const big = Buffer.concat([png, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - png.length)]);
    expect(await processUpload(big)).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 10 MB/) });
  });

  it('refuses an image whose header claims more than 40 megapixels, saying so', async () => {
    expect(await processUpload(await pngClaiming(7000, 7000))).toEqual({ ok: false, error: 'The image has more than 40 megapixels. Use a smaller version.' });
    expect(await processUpload(await pngClaiming(100_000, 100_000))).toMatchObject({ ok: false, error: expect.stringMatching(/40 megapixels/) });
  });

  it('refuses a real 7000 × 7000 image, saying it is too large', async () => {
    const huge = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    expect(huge.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await processUpload(huge)).toMatchObject({ ok: false, error: expect.stringMatching(/40 megapixels/) });
  });
});

describe('hostile files', () => {
  const HTML = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');
  const notAnImage = { ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' };
  const withoutPayload = (data: Buffer) => {
    expect(data.includes('<script')).toBe(false);
    expect(data.includes('alert(')).toBe(false);
    expect(data.includes('<html')).toBe(false);
  };

  it('refuses an HTML page renamed .jpg (the name and declared type are never read)', async () => {
    expect(await processUpload(HTML)).toEqual(notAnImage);
  });

  it('refuses an HTML page that starts with a GIF signature', async () => {
    const fake = Buffer.concat([Buffer.from('GIF89a'), HTML]);
    expect(await processUpload(fake)).toMatchObject({ ok: false, error: expect.stringMatching(/could not be read|could not be processed/) });
  });

  it('refuses an SVG even with an XML declaration, a BOM or a doctype first', async () => {
    for (const prefix of ['', '\ufeff', '<!DOCTYPE svg>', '   \n']) {
      const svg = Buffer.from(`${prefix}<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
      expect(await processUpload(svg)).toEqual(notAnImage);
    }
  });

  it.each(['image/gif', 'image/jpeg', 'image/webp', 'image/png'] as const)(
    'accepts a %s polyglot with an HTML page appended only as a re-encoded image without the page',
    async (mimeType) => {
      // A GIFAR-style file: a real image that an HTML sniffer (or an archive reader) would also read.
      const polyglot = Buffer.concat([await samples[mimeType](), HTML, Buffer.from('PK\u0003\u0004 appended archive')]);
      const result = await processUpload(polyglot);
      expect(result).toMatchObject({ ok: true, mimeType });
      if (!result.ok) return;
      withoutPayload(result.data);
      expect(result.data.includes('PK\u0003\u0004')).toBe(false);
    },
  );

  it('drops HTML hidden in a JPEG comment segment and in EXIF text', async () => {
    const jpeg = await solid(32, 32).jpeg().withMetadata({ exif: { IFD0: { ImageDescription: '<script>alert(1)</script>' } } }).toBuffer();
    // A COM segment (FF FE) right after the SOI marker.
    const comment = Buffer.from('<html><script>alert(2)</script></html>');
    const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
    const withComment = Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
    expect(withComment.includes('alert(2)')).toBe(true);
    const result = await processUpload(withComment);
    expect(result).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    if (result.ok) withoutPayload(result.data);
  });

  it('refuses an 11 MB file with the size in the message', async () => {
    const png = await samples['image/png']();
    const big = Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024 - png.length)]);
    expect(await processUpload(big)).toEqual({ ok: false, error: 'The image is larger than 10 MB. Export a smaller version and try again.' });
  });

  it('refuses a 50-megapixel image in a small file (10,000 × 5,000) before decoding it', async () => {
    const bomb = await pngClaiming(10_000, 5_000);
    expect(bomb.length).toBeLessThan(1024);
    expect(await processUpload(bomb)).toEqual({ ok: false, error: 'The image has more than 40 megapixels. Use a smaller version.' });
  });

  it('refuses a tiny GIF of 21 frames on a 2000 × 1000 screen (42 megapixels to decode), saying why', async () => {
    // Written by hand: a 2-colour palette and 21 one-pixel frames, each shown on the whole screen.
    const screen = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xd0, 0x07, 0xe8, 0x03, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0]);
    const frame = Buffer.from([0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, 0x01, 0, 0x01, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00]);
    const bomb = Buffer.concat([screen, ...Array.from({ length: 21 }, () => frame), Buffer.from([0x3b])]);
    expect(bomb.length).toBeLessThan(1024);
    expect(await sharp(bomb).metadata()).toMatchObject({ width: 2000, height: 1000, pages: 21 });
    expect(await processUpload(bomb)).toEqual({ ok: false, error: 'The animation has more than 40 megapixels across its frames. Use fewer or smaller frames.' });
  });

  it('refuses a PNG cut off half-way, saying it may be damaged', async () => {
    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const result = await processUpload(png.subarray(0, Math.floor(png.length / 2)));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
  });

  it('refuses a JPEG cut off half-way, saying it may be damaged', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const result = await processUpload(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
  });

  it('stores under names that are random ids, never the uploaded name', () => {
    expect(parseMediaName('holiday.jpg')).toBeNull();
    expect(parseMediaName('../etc/passwd')).toBeNull();
    expect(parseMediaName('0b7f7d4e-6a62-4c55-9d4e-3f2a1b0c9d8e.svg')).toBeNull();
    expect(parseMediaName('0b7f7d4e-6a62-4c55-9d4e-3f2a1b0c9d8e.html')).toBeNull();
    expect(parseMediaName('0b7f7d4e-6a62-4c55-9d4e-3f2a1b0c9d8e.jpg')).toEqual({ id: '0b7f7d4e-6a62-4c55-9d4e-3f2a1b0c9d8e', mimeType: 'image/jpeg' });
  });
});
