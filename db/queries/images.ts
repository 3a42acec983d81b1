import { eq } from 'drizzle-orm';
import { db } from '../client';
import { images, type Image } from '../schema';

export type StoredImage = Omit<Image, 'data'>;

const infoColumns = {
  id: images.id,
  mimeType: images.mimeType,
  width: images.width,
  height: images.height,
  byteSize: images.byteSize,
  originalName: images.originalName,
  uploadedBy: images.uploadedBy,
  createdAt: images.createdAt,
};

export async function createImage(input: {
  mimeType: string;
  width: number;
  height: number;
  data: Buffer;
  originalName?: string;
  uploadedBy: string | null;
}): Promise<StoredImage> {
  const [row] = await db
    .insert(images)
    .values({ ...input, byteSize: input.data.length, originalName: input.originalName ?? '' })
    .returning(infoColumns);
  return row;
}

/** The stored bytes, for serving. */
export async function getImage(id: string): Promise<Image | null> {
  const [row] = await db.select().from(images).where(eq(images.id, id)).limit(1);
  return row ?? null;
}

export async function getImageInfo(id: string): Promise<StoredImage | null> {
  const [row] = await db.select(infoColumns).from(images).where(eq(images.id, id)).limit(1);
  return row ?? null;
}
