import type { CacheEntry } from './store.mjs';

export function entryTags(entry: Partial<CacheEntry> | null, ctx?: { tags?: string[]; softTags?: string[] }): string[];

export default class MastheadCacheHandler {
  constructor(options?: unknown);
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
