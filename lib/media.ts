export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;
export type ImageMime = keyof typeof IMAGE_TYPES;

/** The upload limits; here rather than in lib/images.ts so the browser can refuse a big file before sending it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
export const TOO_LARGE_MESSAGE = 'The image is larger than 10 MB. Export a smaller version and try again.';

const MIME_BY_EXT = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([mime, ext]) => [ext, mime])) as Record<string, ImageMime>;

export function mediaUrl(image: { id: string; mimeType: string }): string {
  return `/media/${image.id}.${IMAGE_TYPES[image.mimeType as ImageMime] ?? 'jpg'}`;
}

/** "/media/<uuid>.jpg" or "<uuid>.jpg" → the id and the mime type the name claims. */
export function parseMediaName(name: string): { id: string; mimeType: ImageMime } | null {
  const match = /^(?:\/media\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(jpg|png|webp|gif)$/.exec(name);
  if (!match) return null;
  return { id: match[1], mimeType: MIME_BY_EXT[match[2]] };
}
