import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from '@/lib/media';

export interface UploadedImage {
  id: string;
  src: string;
  width: number;
  height: number;
}

/** Sends an image to /api/uploads; the server checks it by its bytes and re-encodes it. */
export async function uploadImage(file: File): Promise<{ ok: true; image: UploadedImage } | { ok: false; error: string }> {
  // The server refuses it too; saying so here spares sending 10 MB for nothing.
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: TOO_LARGE_MESSAGE };
  const body = new FormData();
  body.set('file', file);
  try {
    const response = await fetch('/api/uploads', { method: 'POST', body });
    const json = (await response.json().catch(() => ({}))) as Partial<UploadedImage> & { error?: string };
    if (!response.ok) return { ok: false, error: json.error ?? `Upload failed (${response.status}).` };
    return { ok: true, image: json as UploadedImage };
  } catch {
    return { ok: false, error: 'The upload did not reach the server. Check your connection and try again.' };
  }
}
