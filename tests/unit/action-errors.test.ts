import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// A server action that fails on the server: the person gets a reference, the log gets the error
// with the request's id (set by scripts/next-server.mjs), and the SQL never reaches the client.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));
vi.mock('@/lib/session', () => ({ currentUser: async () => ({ id: 'u1', role: 'editor', name: 'Ben' }) }));

const { authedAction } = await import('@/lib/action');

const SQL_ERROR = Object.assign(new Error('insert or update on table "articles" violates foreign key constraint "articles_section_id_fkey"\nINSERT INTO articles (id, section_id) VALUES ($1, $2)'), {
  code: '23503',
});

describe('a server action that fails on the server', () => {
  afterEach(() => vi.restoreAllMocks());
  const failing = authedAction({ schema: z.object({}) }, async () => {
    throw SQL_ERROR;
  });

  it('answers with a reference to the request, and logs the error under its id', async () => {
    request.headers = new Headers({ 'x-request-id': '4f1c2b9e-0d3a-4c55-9a77-1b2c3d4e5f60' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await failing({});
    expect(result).toMatchObject({ ok: false, code: 'error' });
    const message = (result as { error: string }).error;
    expect(message).toContain('reference 4f1c2b9e');
    for (const leak of ['INSERT', 'articles_section_id_fkey', 'foreign key', '23503']) expect(message).not.toContain(leak);
    const line = String(logged.mock.calls[0][0]);
    expect(line).toMatch(/^\[action\] error request 4f1c2b9e-0d3a-4c55-9a77-1b2c3d4e5f60: insert or update on table "articles"/);
  });

  it('makes up an id when the request has none (next dev, tests)', async () => {
    request.headers = new Headers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await failing({});
    const reference = /reference ([0-9a-f]{8})/.exec((result as { error: string }).error)?.[1];
    expect(reference).toBeTruthy();
    expect(String(logged.mock.calls[0][0])).toContain(`[action] error request ${reference}`);
  });
});
