import { createHash } from 'node:crypto';
import { MemoryFailureStore, RedisFailureStore, type FailureStore } from './store';

/**
 * Sign-in throttling: after 5 failed attempts in 15 minutes for one email address, or from one
 * client address, further attempts for it are refused (HTTP 429 with the wait) without looking at
 * the password, even a right one. The window slides: each failure counts for 15 minutes from when
 * it happened, so the block lifts by itself, 15 minutes after the oldest of the 5; refused attempts
 * do not count, so there is no permanent lockout. Email addresses are counted whether or not an
 * account has them, so the throttle does not tell which addresses exist.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export type ThrottleScope = 'account' | 'address';
export interface Throttled {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

export interface AttemptSource {
  email: string;
  address: string;
}

// Keys carry a hash of the email, so Redis never holds the addresses people typed.
const hashed = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 32);
const keysOf = (source: AttemptSource) => ({ account: `acct:${hashed(source.email.trim().toLowerCase())}`, address: `addr:${hashed(source.address)}` });

interface ThrottleState {
  store: FailureStore;
  signature: string;
}

function state(): ThrottleState {
  const g = globalThis as typeof globalThis & { __mastheadThrottle?: ThrottleState };
  const url = process.env.REDIS_URL || '';
  const prefix = process.env.CACHE_PREFIX || 'masthead:';
  const signature = `${url}|${prefix}`;
  if (!g.__mastheadThrottle || g.__mastheadThrottle.signature !== signature) {
    const previous = g.__mastheadThrottle?.store;
    if (previous instanceof RedisFailureStore) void previous.close();
    g.__mastheadThrottle = { store: url ? new RedisFailureStore(url, prefix) : new MemoryFailureStore(), signature };
  }
  return g.__mastheadThrottle;
}

/** Whether attempts from this source are refused now, and for how long. */
export async function throttleStatus(source: AttemptSource, now = Date.now()): Promise<Throttled | null> {
  const keys = keysOf(source);
  const [account, address] = await state().store.recent([keys.account, keys.address], now, WINDOW_MS);
  let worst: Throttled | null = null;
  for (const [scope, times] of [
    ['account', account],
    ['address', address],
  ] as const) {
    if (times.length < MAX_FAILURES) continue;
    // Blocked until enough failures have aged out to leave fewer than MAX_FAILURES.
    const until = times[times.length - MAX_FAILURES] + WINDOW_MS;
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
    if (!worst || retryAfterSeconds > worst.retryAfterSeconds) worst = { scope, retryAfterSeconds };
  }
  return worst;
}

/** Counts a failed attempt against both the email address and the client address. */
export async function recordFailure(source: AttemptSource, now = Date.now()): Promise<void> {
  const keys = keysOf(source);
  await state().store.add([keys.account, keys.address], now, WINDOW_MS);
}

/**
 * A right password clears the account's count, not the address's: otherwise an attacker could
 * sign in to an account of their own between guesses at others.
 */
export async function recordSuccess(source: AttemptSource): Promise<void> {
  await state().store.clear(keysOf(source).account);
}

/** "Try again in N minutes." */
export function waitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Tests only: forget every count of this process and drop the Redis connection. */
export async function resetThrottle(): Promise<void> {
  const g = globalThis as typeof globalThis & { __mastheadThrottle?: ThrottleState };
  const store = g.__mastheadThrottle?.store;
  g.__mastheadThrottle = undefined;
  if (store instanceof RedisFailureStore) await store.close();
}
