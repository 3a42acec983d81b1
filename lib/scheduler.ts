import { publishDueArticles, purgeExpiredTrash, nextScheduledTime } from '@/db/queries/workflow';
import { isDatabaseUnavailable } from './db-errors';

// The publication scheduler lives in the server process: a scheduled article
// goes live on time even when nobody visits the site. It wakes at the next
// scheduled time (and at least every 30 seconds, to see new schedules), and
// runs once at start-up, which catches anything due while the server was down.
// Several app instances may run it at once: publishing is a conditional UPDATE,
// so each article is published exactly once.

const MAX_SLEEP_MS = 30_000;
const RETRY_MS = 5_000;
const PURGE_EVERY_MS = 60 * 60_000;

type State = { timer?: NodeJS.Timeout; lastPurge: number; running: boolean; busy?: boolean; again?: boolean; wake?: () => void };
const holder = globalThis as typeof globalThis & { __mastheadScheduler?: State };

export async function schedulerTick(now = new Date()): Promise<{ published: number; purged: number; nextAt: Date | null }> {
  const published = await publishDueArticles(now);
  for (const article of published) console.log(`[scheduler] published “${article.headline}” (${article.id})`);
  // Outside any request (revalidateTag would throw here): the cache's tag store is written directly.
  if (published.length) {
    const { invalidateArticles } = await import('./cache/article-state');
    await invalidateArticles(published.map((a) => a.id));
  }
  const state = holder.__mastheadScheduler;
  let purged = 0;
  if (!state || now.getTime() - state.lastPurge >= PURGE_EVERY_MS) {
    purged = (await purgeExpiredTrash(now)).length;
    if (state) state.lastPurge = now.getTime();
  }
  return { published: published.length, purged, nextAt: await nextScheduledTime() };
}

export function startScheduler(): void {
  if (holder.__mastheadScheduler?.running) return;
  const state: State = { lastPurge: 0, running: true };
  holder.__mastheadScheduler = state;

  const run = async () => {
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    clearTimeout(state.timer);
    let delay = MAX_SLEEP_MS;
    try {
      const { nextAt } = await schedulerTick();
      if (nextAt) delay = Math.min(MAX_SLEEP_MS, Math.max(0, nextAt.getTime() - Date.now()) + 50);
    } catch (error) {
      delay = RETRY_MS;
      const reason = isDatabaseUnavailable(error) ? 'the database is unreachable' : error instanceof Error ? error.message : String(error);
      console.error(`[scheduler] will retry in ${RETRY_MS / 1000} s: ${reason}`);
    }
    state.busy = false;
    if (state.again) {
      state.again = false;
      delay = 0;
    }
    if (state.running) {
      clearTimeout(state.timer);
      state.timer = setTimeout(run, delay);
      state.timer.unref?.();
    }
  };
  state.wake = () => void run();
  void run();
}

/**
 * Runs the scheduler now, so it sees a schedule just made and sleeps until
 * exactly that time instead of up to 30 seconds more. Does nothing where no
 * scheduler runs (scripts, tests, MASTHEAD_SCHEDULER=off).
 */
export function wakeScheduler(): void {
  const state = holder.__mastheadScheduler;
  if (state?.running) state.wake?.();
}

export function stopScheduler(): void {
  const state = holder.__mastheadScheduler;
  if (!state) return;
  state.running = false;
  clearTimeout(state.timer);
}
