import { unstable_cache } from 'next/cache';

/**
 * unstable_cache keeps results as JSON: a Date would come back as a string and
 * a Map as {}. Every cached loader goes through here, which encodes both on the
 * way in and revives them on the way out, so callers get what the query gave.
 */
const DATE = '\u0000date:';
const MAP = '\u0000map';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return DATE + raw.toISOString();
  if (raw instanceof Map) return { [MAP]: [...raw.entries()] };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith(DATE)) return new Date(value.slice(DATE.length));
  if (value && typeof value === 'object' && !Array.isArray(value) && MAP in value) return new Map((value as Record<string, [unknown, unknown][]>)[MAP]);
  return value;
}

export const encodeCached = (value: unknown): string => JSON.stringify(value ?? null, replacer);
export const decodeCached = <T>(json: string): T => JSON.parse(json, reviver) as T;

/** `next build` runs here: no page made now is ever served (the cache handler keeps nothing from the build). */
export const isBuilding = () => process.env.NEXT_PHASE === 'phase-production-build';

const SAFETY_NET_SECONDS = 3600;

export interface CachedOptions<A extends unknown[], R> {
  /** Names the loader in the cache key (the function's source is the same for every loader). */
  key: string;
  /** The tags of what the result shows, from the arguments; the page that uses it carries them too. */
  tags: (...args: NoInfer<A>) => string[];
  /**
   * What the loader gives during `next build`, which must work without a
   * database. Pages prerendered then are never served: the cache handler
   * stores nothing at build time, so the first request renders them afresh.
   */
  buildValue: NoInfer<R>;
  /**
   * Seconds before the data is read again in the background even if no tag
   * changed: a safety net for writes made behind the app's back (a script on
   * the database). Default an hour.
   */
  revalidate?: number;
}

/**
 * A data loader served from Next's data cache (the cache handler: this process
 * or Redis), tagged, with Dates and Maps intact. Outside Next (scripts, tests)
 * it simply calls the loader.
 */
export function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, options: CachedOptions<A, R>): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    if (isBuilding()) return options.buildValue;
    // `next dev` keeps data across code edits under the same key: a changed query would show old rows.
    if (process.env.NODE_ENV === 'development') return fn(...args);
    const load = unstable_cache(async () => encodeCached(await fn(...args)), ['masthead', options.key, encodeCached(args)], {
      tags: options.tags(...args),
      revalidate: options.revalidate ?? SAFETY_NET_SECONDS,
    });
    let json: string;
    try {
      json = await load();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Invariant: incrementalCache missing')) return fn(...args);
      throw error;
    }
    return decodeCached<R>(json);
  };
}
