import { createHash } from 'node:crypto';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '@/components/ui/error-notice';
import { errorLine, logError, requestIdOf } from '@/lib/error-log';
import { requestIdFor } from '@/lib/request-id.mjs';
import { COMMON_HEADERS, dashboardPolicy, hstsHeader, newNonce, READER_HEADERS, READER_POLICY, scriptHash, STAFF_PATH_PATTERN } from '@/lib/security-headers.mjs';
import { THEME_SCRIPT } from '@/lib/theme';
import nextConfig from '@/next.config';

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the Content-Security-Policies', () => {
  it('the reader policy allows this site only, and no plugins, base rewriting, framing or foreign forms', () => {
    const policy = directives(READER_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com', 'https://billing.stripe.com']);
    // A hash or nonce would make browsers ignore 'unsafe-inline' and block Next's inline RSC payload.
    expect(READER_POLICY).not.toMatch(/'sha256-|'nonce-/);
  });

  it("the staff pages' policy runs scripts by this response's nonce and the theme script's hash only", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const hash = scriptHash(THEME_SCRIPT);
    expect(hash).toBe(`'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`);
    const policy = directives(dashboardPolicy(nonce, [hash]));
    expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", hash]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('every response gets nosniff, a referrer policy, DENY framing and a permissions policy', () => {
    const names = Object.fromEntries(COMMON_HEADERS.map(({ key, value }) => [key, value]));
    expect(names['X-Content-Type-Options']).toBe('nosniff');
    expect(names['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(names['X-Frame-Options']).toBe('DENY');
    expect(names['Permissions-Policy']).toContain('camera=()');
  });
});

describe("next.config.ts headers(): the reader policy everywhere but the staff pages (proxy.ts's)", () => {
  const paths = {
    staff: ['/dashboard', '/dashboard/articles/1', '/dashboard/donations/export', '/sign-in', '/invite/abc', '/reset-password/abc'],
    reader: ['/', '/articles/harbour', '/sections/news', '/tags/fishing', '/feed.xml', '/sitemap.xml', '/media/a.webp', '/api/uploads', '/support', '/sign-in-help', '/dashboards', '/_next/static/chunks/a.js'],
  };

  it('each path gets the set its pages need, exactly once', async () => {
    const rules = await nextConfig.headers!();
    const sent = (pathname: string) => rules.filter((rule) => getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(pathname) !== false).flatMap((rule) => rule.headers);
    for (const pathname of paths.reader) expect(sent(pathname), pathname).toEqual(READER_HEADERS);
    for (const pathname of paths.staff) expect(sent(pathname), pathname).toEqual(COMMON_HEADERS);
    for (const pathname of paths.staff) expect(STAFF_PATH_PATTERN.test(pathname), pathname).toBe(true);
    for (const pathname of paths.reader) expect(STAFF_PATH_PATTERN.test(pathname), pathname).toBe(false);
  });
});

describe('HSTS', () => {
  it('is sent in production on an https site only', () => {
    expect(hstsHeader({ NODE_ENV: 'production', SITE_URL: 'https://news.example' })).toBe('max-age=63072000; includeSubDomains');
    expect(hstsHeader({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000' })).toBeNull();
    expect(hstsHeader({ NODE_ENV: 'production' })).toBeNull();
    expect(hstsHeader({ NODE_ENV: 'development', SITE_URL: 'https://news.example' })).toBeNull();
  });
});

describe('request ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("a proxy's X-Request-Id is kept only behind TRUSTED_PROXY, and only when it looks like an id", () => {
    expect(requestIdFor('lb-1234abcd', { TRUSTED_PROXY: '1' })).toBe('lb-1234abcd');
    expect(requestIdFor(['lb-1234abcd'], { TRUSTED_PROXY: 'true' })).toBe('lb-1234abcd');
    expect(requestIdFor('lb-1234abcd', {})).toMatch(UUID);
    expect(requestIdFor('lb-1234abcd', { TRUSTED_PROXY: 'false' })).toMatch(UUID);
    for (const bad of ['short', 'has space in it', 'line\nbreak-injected', 'x'.repeat(129), '<script>alert(1)</script>']) {
      expect(requestIdFor(bad, { TRUSTED_PROXY: '1' }), bad).toMatch(UUID);
    }
    expect(requestIdFor(undefined, { TRUSTED_PROXY: '1' })).toMatch(UUID);
    expect(requestIdFor(undefined, {})).not.toBe(requestIdFor(undefined, {}));
  });

  it('is read from plain and Headers objects', () => {
    expect(requestIdOf(new Headers({ 'x-request-id': 'abc-12345' }))).toBe('abc-12345');
    expect(requestIdOf({ 'x-request-id': ['abc-12345'] })).toBe('abc-12345');
    expect(requestIdOf({})).toBe('-');
  });
});

describe('error logging and error pages', () => {
  afterEach(() => vi.restoreAllMocks());
  const sqlError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"\nDETAIL: Key (email)=(a@b.c) already exists.\nINSERT INTO users ...'), {
    digest: '2817460239',
  });

  it('the log line carries the request id, the route and the digest, on one line, then the stack', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    logError('next', sqlError, { requestId: 'req-0f3c9a77', method: 'POST', path: '/dashboard/articles/1', route: 'action /dashboard/articles/[id]', digest: sqlError.digest });
    const [text] = logged.mock.calls[0] as [string];
    const [line, ...stack] = text.split('\n');
    expect(line).toMatch(/^\[next\] error request req-0f3c9a77 POST \/dashboard\/articles\/1 \(action \/dashboard\/articles\/\[id\]\) digest 2817460239: duplicate key value/);
    expect(line).toContain('DETAIL: Key');
    expect(stack.length).toBeGreaterThan(0);
    expect(errorLine('action', 'plain', { requestId: 'r-12345678' })).toBe('[action] error request r-12345678: plain');
  });

  it('the error page shows a generic message and the reference, never the message or the stack', () => {
    const html = renderToStaticMarkup(createElement(ErrorNotice, { digest: sqlError.digest, onRetry: () => {}, home: { href: '/', label: 'Go to the front page' } }));
    expect(html).toContain('Something went wrong');
    expect(html).toContain('2817460239');
    for (const leak of ['duplicate key', 'INSERT INTO', 'users_email_key', 'DETAIL', 'at ', '.ts:', 'node_modules']) expect(html, leak).not.toContain(leak);
  });
});
