// Masthead's security headers, in one plain-JS module because two servers send them:
// next.config.ts `headers()` (every response Next makes) and lib/cache/fast-path.mjs (cached reader
// pages answered straight from the page cache, which never pass through Next). Both take the
// list below, so a cached page carries the same headers whichever of the two answered it
// (tests/e2e/cache.spec.ts compares them). proxy.ts sends the nonce-based policy of the dynamic
// staff pages (dashboardPolicy), and scripts/next-server.mjs adds HSTS (hstsHeader) at run time.
import { createHash } from 'node:crypto';

/**
 * Where the reader pages' forms may send the browser. A gift is confirmed by a form posting to a
 * server action that redirects to Stripe Checkout (or the billing portal for a donor's manage
 * link); without JavaScript that redirect follows a real form submission, and Chromium checks
 * form-action against every hop of it. No Stripe script runs on the site.
 */
const STRIPE_FORM_TARGETS = ['https://checkout.stripe.com', 'https://billing.stripe.com'];

const development = process.env.NODE_ENV === 'development';

/**
 * The allow-list policy of every page that is not a staff page: reader pages are stored whole in
 * the page cache and the same bytes go to every reader, so they cannot carry a per-request nonce
 * (a nonce served twice is no nonce). Their scripts are Next's own files under /_next ('self')
 * and inline scripts Next writes into each page (the RSC payload, `self.__next_f.push(...)`, which
 * differs per page and per render), plus the theme script (lib/theme.ts) and the support appeal's
 * cookie check. 'unsafe-inline' is therefore needed, and adding hashes would not help: a browser
 * that understands hashes ignores 'unsafe-inline' once one is listed, which would block the RSC
 * payload and break hydration. What the policy does hold: no script, frame or plugin from another
 * origin, no <base> rewriting, forms post to this site (and Stripe), the page cannot be framed,
 * and fetches go to this site only. Stored article HTML is sanitised on save (lib/rich-text), the
 * defence that counts against injected markup on these pages.
 */
export const READER_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  // React writes style="" attributes (next/image, the editor) and the donation form a <style>.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  `form-action 'self' ${STRIPE_FORM_TARGETS.join(' ')}`,
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response, pages, route handlers and files alike. */
export const COMMON_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // frame-ancestors 'none' says the same to browsers that read CSP; this is for those that do not.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
];

/** The headers of every response outside the staff pages, cached reader pages included. */
export const READER_HEADERS = [...COMMON_HEADERS, { key: 'Content-Security-Policy', value: READER_POLICY }];

/**
 * The staff pages' paths (proxy.ts's matcher): dynamic pages, rendered per request, where proxy.ts
 * sends a nonce-based policy instead of READER_POLICY.
 */
export const STAFF_PATH_PATTERN = /^\/(?:dashboard|sign-in|invite|reset-password)(?:\/|$)/;

/** The CSP source for an inline script's exact text. */
export function scriptHash(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * The staff pages' policy: scripts run only with this response's nonce (Next puts it on its own
 * scripts when it finds it in the request's Content-Security-Policy header) or are loaded by one
 * that has it ('strict-dynamic'); `hashes` allow fixed inline scripts of the root layout (the
 * theme script) that cannot take a nonce without making every reader page dynamic.
 */
export function dashboardPolicy(nonce, hashes = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${hashes.join(' ')}${development ? " 'unsafe-eval'" : ''}`.replace(/\s+/g, ' ').trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * HSTS, for `npm start`'s server to send with every response: only in production and only when
 * the site's address (SITE_URL) is https, read when the server starts (not when it is built). A
 * browser ignores the header over plain http anyway; this keeps a staging site on http, or a
 * production build tried on http://localhost, from teaching browsers anything about the name.
 */
export function hstsHeader(env = process.env) {
  if (env.NODE_ENV !== 'production') return null;
  if (!/^https:\/\//i.test(env.SITE_URL ?? '')) return null;
  return 'max-age=63072000; includeSubDomains';
}
