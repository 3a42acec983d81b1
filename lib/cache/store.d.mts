export interface CacheEntry {
  value: unknown;
  lastModified: number;
  tags: string[];
  cacheControl?: unknown;
}

export interface CacheState {
  entries: Map<string, { entry: CacheEntry; size: number }>;
  bytes: number;
  tags: Map<string, number>;
  starts: Map<string, number>;
  /** Address (e.g. /articles/x) → cache key of the page or route entry served there (fast-path.mjs). */
  routes: Map<string, string>;
  /** The build whose entries this process uses (its BUILD_ID), and the folder it was read from. */
  build?: string;
  buildDir?: string;
  /** Redis's clock minus this machine's (ms), and when it was last measured. */
  clockOffset?: number;
  clockSyncedAt?: number;
  pending: Map<string, number>;
  redis: unknown;
  connecting: Promise<unknown> | null;
  warnedAt: number;
}

export function cacheState(): CacheState;
/** Now (ms), on Redis's clock when Redis is used. */
export function now(): number;
export function selectBuildOf(serverDistDir: string | undefined): void;
export function entryTags(entry: Partial<CacheEntry> | null | undefined, ctx?: { tags?: string[]; softTags?: string[] }): string[];
export function tagTimes(tags: string[]): Promise<number[]>;
export function invalidate(tags: string[], now?: number): Promise<void>;
export function readEntry(key: string): Promise<CacheEntry | null>;
export function writeEntry(key: string, entry: CacheEntry): Promise<void>;
export function dropEntry(key: string): void;
export function closeStore(): Promise<void>;
export function resetLocalStore(): void;
export function warn(message: string): void;
