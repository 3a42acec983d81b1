export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;
export type ImageMime = keyof typeof IMAGE_TYPES;

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
