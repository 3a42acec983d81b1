import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...nextauth]/route';
import { POST as uploadPost } from '@/app/api/uploads/route';
import { db } from '@/db/client';
import { images } from '@/db/schema';
import { isCrossOrigin, isSameOrigin } from '@/lib/request';

// next-auth itself stays out (it needs Next.js to load): the test is that its handler is never
// reached by a refused request. Everything else (lib/request, the upload route, the database) is real.
const nextAuth = vi.hoisted(() => ({ posts: 0 }));
vi.mock('@/lib/auth', () => ({
  auth: async () => null,
  handlers: {
    GET: async () => new Response('ok'),
    POST: async () => {
      nextAuth.posts++;
      return new Response('ok');
    },
  },
}));

// Route handlers that change data refuse a request made by another site's page (lib/request.ts).
// Found by reading app/**/route.ts, not from a list: a new handler with POST, PUT, PATCH or DELETE
// and no Origin check fails the first test until it has one or is named here with the reason.
const EXEMPT: Record<string, string> = {
  // Called by Stripe's servers (no Origin); authenticated by the signature over the body.
  'app/api/stripe/webhook/route.ts': 'Stripe signature',
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

const WRITE_METHOD = /export\s+(?:async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{[^}]*\b(POST|PUT|PATCH|DELETE)\b[^}]*\}|export\s+const\s+(POST|PUT|PATCH|DELETE)\b/;

// Other test files share the database and may store images meanwhile: the refused uploads are
// looked for by their own unique file name, not by counting rows.
const pngUpload = async (name: string) => {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.set('file', new File([new Uint8Array(png)], name, { type: 'image/png' }));
  return form;
};

const storedAs = async (name: string) => db.select({ id: images.id }).from(images).where(eq(images.originalName, name));

describe('Origin checks of route handlers', () => {
  it('every route handler that changes data checks the Origin, or is exempt with a reason', () => {
    const root = process.cwd();
    const writers = routeFiles(path.join(root, 'app'))
      .map((file) => ({ file: path.relative(root, file).split(path.sep).join('/'), source: readFileSync(file, 'utf8') }))
      .filter(({ source }) => WRITE_METHOD.test(source));
    expect(writers.map((w) => w.file).sort()).toEqual(expect.arrayContaining(['app/api/auth/[...nextauth]/route.ts', 'app/api/uploads/route.ts']));
    for (const { file, source } of writers) {
      if (EXEMPT[file]) continue;
      expect(/\bis(SameOrigin|CrossOrigin)\(request\)/.test(source), `${file} checks the Origin`).toBe(true);
    }
  });

  const foreign = { origin: 'https://evil.example', host: 'localhost:3000', 'sec-fetch-site': 'cross-site' };

  it('an upload posted from another site is refused with 403 and stores nothing', async () => {
    const name = `origin-${randomUUID()}.png`;
    const refused: Record<string, string>[] = [foreign, { origin: 'null', host: 'localhost:3000' }, { host: 'localhost:3000' }, { host: 'localhost:3000', 'sec-fetch-site': 'same-site' }];
    for (const headers of refused) {
      const response = await uploadPost(new NextRequest('http://localhost:3000/api/uploads', { method: 'POST', headers, body: await pngUpload(name) }));
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await storedAs(name)).toEqual([]);
  });

  it('an upload from this site gets past the Origin check (and then needs a session)', async () => {
    const response = await uploadPost(
      new NextRequest('http://localhost:3000/api/uploads', { method: 'POST', headers: { origin: 'http://localhost:3000', host: 'localhost:3000' }, body: await pngUpload(`origin-${randomUUID()}.png`) }),
    );
    expect(response.status).toBe(401);
  });

  it("a sign-in posted to next-auth's endpoint from another site is refused with 403 and never reaches next-auth", async () => {
    const body = new URLSearchParams({ email: 'editor@example.com', password: 'masthead-demo', csrfToken: 'x' });
    for (const path of ['/api/auth/callback/credentials', '/api/auth/signout', '/api/auth/signin/credentials']) {
      const response = await authPost(
        new NextRequest(`http://localhost:3000${path}`, { method: 'POST', headers: { ...foreign, 'content-type': 'application/x-www-form-urlencoded' }, body }),
      );
      expect(response.status, path).toBe(403);
      expect(response.headers.get('set-cookie'), path).toBeNull();
    }
    expect(nextAuth.posts).toBe(0);
    // The same request from the sign-in page itself goes on to next-auth.
    await authPost(new NextRequest('http://localhost:3000/api/auth/signout', { method: 'POST', headers: { origin: 'http://localhost:3000', host: 'localhost:3000' }, body }));
    expect(nextAuth.posts).toBe(1);
  });
});

describe('isSameOrigin and isCrossOrigin', () => {
  const request = (headers: Record<string, string>) => ({ headers: new Headers(headers) });
  it('tell this site from another', () => {
    expect(isSameOrigin(request({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(request({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(request({ origin: 'http://localhost:3001', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(request({ origin: 'null', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(request({ host: 'localhost:3000' }))).toBe(false);

    expect(isCrossOrigin(request({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(true);
    expect(isCrossOrigin(request({ origin: 'null', host: 'localhost:3000' }))).toBe(true);
    expect(isCrossOrigin(request({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOrigin(request({ host: 'localhost:3000', 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossOrigin(request({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(false);
    expect(isCrossOrigin(request({ host: 'localhost:3000', 'sec-fetch-site': 'none' }))).toBe(false);
    // A client that is not a browser (curl, the e2e suite's API requests): not forgery.
    expect(isCrossOrigin(request({ host: 'localhost:3000' }))).toBe(false);
  });
});
