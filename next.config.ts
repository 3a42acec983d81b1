import path from 'node:path';
import type { NextConfig } from 'next';
import { COMMON_HEADERS, READER_HEADERS } from './lib/security-headers.mjs';

// Lists whose ?page=N is served by a path route (/latest/page/N …), so that no cached page reads
// searchParams, which would make it dynamic; readers keep the ?page=N addresses (lib/cache/paging.ts).
const PAGED_LISTS = ['/sections/:slug', '/tags/:slug', '/authors/:slug', '/latest', '/corrections'];

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (e.g. a
  // second e2e run while developing); everyone else gets the usual .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and WebAssembly packages stay plain Node modules, outside the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'sharp', 'pg', 'redis'],
  poweredByHeader: false,
  // Reader pages are cached whole: one store for every instance (Redis with REDIS_URL, else this
  // process), refreshed through cache tags the moment what they show changes (lib/cache/handler.mjs).
  cacheHandler: path.join(process.cwd(), 'lib/cache/handler.mjs'),
  cacheMaxMemorySize: 0,
  // Cache-Control of cached pages: s-maxage = the page's revalidate (60 s), and a CDN may serve a
  // stale copy while it refetches for the rest of this hour (stale-while-revalidate=3540).
  expireTime: 3600,
  // Security headers (lib/security-headers.mjs): the allow-list policy everywhere but the staff
  // pages, whose nonce-based policy proxy.ts sends; lib/cache/fast-path.mjs adds the same list to
  // the cached pages it answers itself. The staff paths are proxy.ts's matcher.
  async headers() {
    return [
      { source: '/:path((?!dashboard(?:/|$)|sign-in(?:/|$)|invite/|reset-password/).*)', headers: READER_HEADERS },
      { source: '/:path((?:dashboard|sign-in|invite|reset-password)(?:/.*)?)', headers: COMMON_HEADERS },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: PAGED_LISTS.map((source) => ({
        source,
        has: [{ type: 'query' as const, key: 'page', value: '(?<n>[1-9][0-9]{0,5})' }],
        destination: `${source}/page/:n`,
      })),
    };
  },
  images: {
    // Uploads are served by app/media; their names never change.
    localPatterns: [{ pathname: '/media/**', search: '' }],
    formats: ['image/avif', 'image/webp'],
    minimumCacheTTL: 31_536_000,
  },
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
