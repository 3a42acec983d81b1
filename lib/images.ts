import 'server-only';
import sharp, { type Metadata } from 'sharp';
import { MAX_PIXELS, MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE, type ImageMime } from './media';

export { MAX_PIXELS, MAX_UPLOAD_BYTES };
const MAX_STORED_WIDTH = 2400;

export type ProcessedImage = { ok: true; data: Buffer; mimeType: ImageMime; width: number; height: number } | { ok: false; error: string };

const FORMATS: Record<string, ImageMime> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/** Sniffs the first bytes: the file's own name and declared type are not trusted. */
function sniff(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('ascii', 0, 6))) return 'image/gif';
  return null;
}

/**
 * Checks an upload by its bytes, then re-encodes it: what is stored is pixels
 * Masthead wrote itself, without metadata (GPS positions in photos, say) or
 * anything appended to the original file.
 */
export async function processUpload(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) return { ok: false, error: 'The file is empty.' };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, error: TOO_LARGE_MESSAGE };
  const sniffed = sniff(bytes);
  if (!sniffed) return { ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' };
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels; the size limit is checked below, with its own message.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: 'The image could not be read: it may be damaged or not really an image.' };
  }
  const format = meta.format ? FORMATS[meta.format] : undefined;
  if (!format || format !== sniffed || !meta.width || !meta.height) {
    return { ok: false, error: 'This file is not a JPEG, PNG, WebP or GIF image.' };
  }
  if (meta.width * meta.height > MAX_PIXELS) return { ok: false, error: 'The image has more than 40 megapixels. Use a smaller version.' };
  const animated = format === 'image/gif' && (meta.pages ?? 1) > 1;
  // Every frame of an animation is decoded: a tiny GIF of many large frames is a decompression bomb too.
  if (animated && meta.width * meta.height * (meta.pages ?? 1) > MAX_PIXELS) {
    return { ok: false, error: 'The animation has more than 40 megapixels across its frames. Use fewer or smaller frames.' };
  }
  try {
    let pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, animated }).rotate();
    pipeline = pipeline.resize({ width: MAX_STORED_WIDTH, withoutEnlargement: true });
    if (format === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
    else if (format === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
    else if (format === 'image/webp') pipeline = pipeline.webp({ quality: 85 });
    else pipeline = pipeline.gif();
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const height = animated ? (info.pageHeight ?? info.height) : info.height;
    return { ok: true, data, mimeType: format, width: info.width, height };
  } catch {
    return { ok: false, error: 'The image could not be processed: it may be damaged.' };
  }
}
