import { randomUUID } from 'node:crypto';

/**
 * Where failed sign-in attempts are counted: the times of the failures within the window, per key.
 * Without REDIS_URL, in this process (several instances without Redis each count their own, so
 * an attacker who is spread over them gets that many times the attempts). With REDIS_URL, in Redis,
 * shared by every instance. Redis being down never breaks sign-in: the counts of this process are
 * kept all along and used while Redis does not answer (one line in the log per outage).
 */
export interface FailureStore {
  /** Records a failure at `now` under each key. */
  add(keys: string[], now: number, windowMs: number): Promise<void>;
  /** The failures of each key within the window ending at `now`, oldest first. */
  recent(keys: string[], now: number, windowMs: number): Promise<number[][]>;
  /** Forgets a key's failures. */
  clear(key: string): Promise<void>;
}

const MAX_LOCAL_KEYS = 100_000;

/** In this process. Keys with nothing left in the window are swept when the map grows large. */
export class MemoryFailureStore implements FailureStore {
  private readonly failures = new Map<string, number[]>();

  async add(keys: string[], now: number, windowMs: number): Promise<void> {
    for (const key of keys) {
      const kept = this.live(key, now, windowMs);
      kept.push(now);
      this.failures.delete(key);
      this.failures.set(key, kept);
    }
    if (this.failures.size > MAX_LOCAL_KEYS) this.sweep(now, windowMs);
  }

  async recent(keys: string[], now: number, windowMs: number): Promise<number[][]> {
    return keys.map((key) => [...this.live(key, now, windowMs)]);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private live(key: string, now: number, windowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => time > now - windowMs && time <= now);
  }

  private sweep(now: number, windowMs: number) {
    for (const [key, times] of this.failures) if (!times.some((time) => time > now - windowMs)) this.failures.delete(key);
    // Still too many (a flood of made-up emails): the least recently failed go first.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_LOCAL_KEYS) break;
      this.failures.delete(key);
    }
  }
}

type RedisClient = Awaited<ReturnType<typeof import('redis').createClient>>;

const COMMAND_TIMEOUT_MS = 500;
const CONNECT_WAIT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
    }),
  ]);
}

/**
 * In Redis, one sorted set per key (scores are the failure times), expiring with the window;
 * this process's own counts are kept as well and stand in while Redis cannot be reached.
 */
export class RedisFailureStore implements FailureStore {
  private client: RedisClient | null = null;
  private connecting: Promise<void> | null = null;
  private outage = false;
  readonly local = new MemoryFailureStore();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  private async ready(): Promise<RedisClient | null> {
    if (!this.connecting) {
      this.connecting = (async () => {
        const { createClient } = await import('redis');
        const client = createClient({
          url: this.url,
          // Fail at once while disconnected rather than queueing: a sign-in never waits for Redis.
          disableOfflineQueue: true,
          socket: { connectTimeout: CONNECT_WAIT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
        });
        client.on('error', (error: Error) => this.down(error));
        client.on('ready', () => {
          if (this.outage) console.error('[auth] Redis is back: sign-in attempts are counted there again');
          this.outage = false;
        });
        this.client = client as unknown as RedisClient;
        await client.connect().catch((error: Error) => this.down(error));
      })();
      await Promise.race([this.connecting, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())]);
    }
    return this.client?.isReady ? this.client : null;
  }

  private down(error: unknown) {
    if (this.outage) return;
    this.outage = true;
    console.error(`[auth] Redis unavailable (${error instanceof Error ? error.message : String(error)}): sign-in attempts are counted in this process until it is back`);
  }

  private key(key: string) {
    return `${this.prefix}throttle:${key}`;
  }

  async add(keys: string[], now: number, windowMs: number): Promise<void> {
    await this.local.add(keys, now, windowMs);
    const client = await this.ready();
    if (!client) return;
    try {
      const multi = client.multi();
      for (const key of keys) {
        multi.zRemRangeByScore(this.key(key), '-inf', now - windowMs);
        multi.zAdd(this.key(key), { score: now, value: `${now}:${randomUUID().slice(0, 8)}` });
        multi.pExpire(this.key(key), windowMs);
      }
      await withTimeout(multi.exec(), 'Redis MULTI');
    } catch (error) {
      this.down(error);
    }
  }

  async recent(keys: string[], now: number, windowMs: number): Promise<number[][]> {
    const local = await this.local.recent(keys, now, windowMs);
    const client = await this.ready();
    if (!client) return local;
    try {
      const shared = await withTimeout(
        Promise.all(keys.map((key) => client.zRangeByScoreWithScores(this.key(key), now - windowMs + 1, now))),
        'Redis ZRANGEBYSCORE',
      );
      // Failures this process counted while Redis was away are not in Redis: the longer list wins.
      return shared.map((entries, i) => {
        const times = entries.map((entry) => entry.score);
        return times.length >= local[i].length ? times : local[i];
      });
    } catch (error) {
      this.down(error);
      return local;
    }
  }

  async clear(key: string): Promise<void> {
    await this.local.clear(key);
    const client = await this.ready();
    if (!client) return;
    await withTimeout(client.del(this.key(key)), 'Redis DEL').catch((error: unknown) => this.down(error));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.connecting = null;
    if (client?.isOpen) await client.close().catch(() => {});
    else client?.destroy();
  }
}
