import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (e.g. a
  // second e2e run while developing); everyone else gets the usual .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and WebAssembly packages stay plain Node modules, outside the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'sharp', 'pg'],
  poweredByHeader: false,
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
