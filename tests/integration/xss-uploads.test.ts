import sharp from 'sharp';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/uploads/route';
import { GET } from '@/app/media/[file]/route';
import type { StaffMember } from '@/db/queries/people';
import { makeUser } from '../helpers/factories';

// The upload route and the media route as the browser meets them; only "who is signed in" is chosen here.
const session = vi.hoisted(() => ({ user: null as StaffMember | null }));
vi.mock('@/lib/session', () => ({ currentUser: async () => session.user }));

const ORIGIN = 'http://localhost:3000';
const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';

function upload(bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return POST(new NextRequest(`${ORIGIN}/api/uploads`, { method: 'POST', body: form, headers: { origin: ORIGIN, host: 'localhost:3000', 'sec-fetch-site': 'same-origin' } }));
}

const serve = (file: string) => GET(new Request(`${ORIGIN}/media/${file}`), { params: Promise.resolve({ file }) });

let writer: StaffMember;
beforeAll(async () => {
  writer = await makeUser('writer');
});
beforeEach(() => {
  session.user = writer;
});

describe('the upload route refuses hostile files with a clear message', () => {
  it.each([
    ['an HTML page renamed .jpg', Buffer.from(HTML), 'holiday.jpg', 'image/jpeg', 415, 'This file is not a JPEG, PNG, WebP or GIF image.'],
    ['an SVG with a script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml', 415, 'This file is not a JPEG, PNG, WebP or GIF image.'],
    ['an HTML page behind a GIF signature', Buffer.from(`GIF89a${HTML}`), 'anim.gif', 'image/gif', 415, expect.stringMatching(/could not be read|could not be processed/)],
    ['a file over 10 MB', Buffer.alloc(11 * 1024 * 1024, 0xff), 'huge.jpg', 'image/jpeg', 413, 'The image is larger than 10 MB. Export a smaller version and try again.'],
  ])('%s', async (_name, bytes, name, type, status, message) => {
    const response = await upload(bytes, name, type);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: message });
  });
});

describe('an accepted upload', () => {
  it('is stored under a random id, re-encoded without what was appended, and served as an image with nosniff', async () => {
    const gif = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#a33' } }).gif().toBuffer();
    const response = await upload(Buffer.concat([gif, Buffer.from(HTML)]), '<script>alert(1)</script>.gif', 'text/html');
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { id: string; src: string; width: number; height: number };
    expect(stored).toMatchObject({ width: 24, height: 16 });
    expect(stored.src).toMatch(/^\/media\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.gif$/);
    expect(stored.src).toBe(`/media/${stored.id}.gif`);

    const served = await serve(stored.src.slice('/media/'.length));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/gif');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 6).toString('ascii')).toMatch(/^GIF8[79]a$/);
    expect(bytes.includes('<script')).toBe(false);
    expect(bytes.includes('alert(')).toBe(false);

    // The same id under another extension is not served: the name cannot change the type.
    for (const other of ['html', 'svg', 'jpg']) expect((await serve(`${stored.id}.${other}`)).status).toBe(404);
  });

  it('two uploads of the same file get different names', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } }).png().toBuffer();
    const first = (await (await upload(png, 'same.png', 'image/png')).json()) as { src: string };
    const second = (await (await upload(png, 'same.png', 'image/png')).json()) as { src: string };
    expect(first.src).not.toBe(second.src);
    expect(first.src).not.toContain('same');
  });
});
