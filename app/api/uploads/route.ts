import { NextResponse, type NextRequest } from 'next/server';
import { createImage } from '@/db/queries/images';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { MAX_UPLOAD_BYTES, processUpload } from '@/lib/images';
import { mediaUrl, TOO_LARGE_MESSAGE } from '@/lib/media';
import { can } from '@/lib/permissions';
import { isSameOrigin } from '@/lib/request';
import { currentUser } from '@/lib/session';

const error = (status: number, message: string) => NextResponse.json({ error: message }, { status });

/** Stores an image for an article (lead image or inline figure). */
export async function POST(request: NextRequest) {
  if (!isSameOrigin(request)) return error(403, 'Uploads must come from the Masthead dashboard.');
  try {
    const user = await currentUser();
    if (!user) return error(401, 'You are not signed in.');
    if (!can.uploadImage(user)) return error(403, 'Your role does not allow uploads.');

    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BYTES + 64 * 1024) return error(413, TOO_LARGE_MESSAGE);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return error(400, 'Send the image as a form upload with a "file" field.');
    }
    const file = form.get('file');
    if (!(file instanceof File)) return error(400, 'Choose an image to upload.');
    if (file.size > MAX_UPLOAD_BYTES) return error(413, TOO_LARGE_MESSAGE);

    const processed = await processUpload(Buffer.from(await file.arrayBuffer()));
    if (!processed.ok) return error(415, processed.error);
    const image = await createImage({
      mimeType: processed.mimeType,
      width: processed.width,
      height: processed.height,
      data: processed.data,
      originalName: file.name.slice(0, 200),
      uploadedBy: user.id,
    });
    return NextResponse.json({ id: image.id, src: mediaUrl(image), width: image.width, height: image.height }, { status: 201 });
  } catch (e) {
    if (isDatabaseUnavailable(e)) return error(503, 'Masthead cannot reach its database right now. Try again in a moment.');
    throw e;
  }
}
