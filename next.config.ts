import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
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
