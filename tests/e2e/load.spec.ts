import { loadRun } from '../../bench/lib/limits';
import { expect, test } from './fixtures';

// The article page under load (issue 7, item 8), shortened to fit the suite: 50 connections
// for 5 s with no errors at all, then 500 connections for 3 s with no 5xx. The full runs
// (30 s and 10 s) and their figures are `npm run bench:limits`; nothing here is timed.
const ARTICLE = '/articles/harbour-dredging-to-begin-in-march';

test.describe.configure({ mode: 'serial' });

test.describe('the article page under load', () => {
  test('50 connections get nothing but 2xx, and 500 connections get no 5xx', async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    // Cached first, as readers find it.
    await expect.poll(async () => (await request.get(ARTICLE)).headers()['x-nextjs-cache']).toBe('HIT');
    const url = `${baseURL}${ARTICLE}`;

    const steady = await loadRun(url, 50, 5);
    console.log(`[load] 50 connections × 5 s: ${steady.requests} requests, ${steady.rps.toFixed(0)}/s, p99 ${steady.p99} ms, ${steady.errors} errors, ${steady.timeouts} timeouts, ${steady.non2xx} non-2xx`);
    expect(steady.requests).toBeGreaterThan(0);
    expect(steady.errors).toBe(0);
    expect(steady.timeouts).toBe(0);
    expect(steady.non2xx).toBe(0);

    const burst = await loadRun(url, 500, 3);
    console.log(`[load] 500 connections × 3 s: ${burst.requests} requests, ${burst.rps.toFixed(0)}/s, p99 ${burst.p99} ms, ${burst.errors} errors, ${burst.timeouts} timeouts, ${burst.non2xx} non-2xx, ${burst.status5xx} 5xx`);
    expect(burst.requests).toBeGreaterThan(0);
    expect(burst.status5xx).toBe(0);

    // And the page is still the page afterwards.
    const after = await request.get(ARTICLE);
    expect(after.status()).toBe(200);
    expect(await after.text()).toMatch(/harbour dredging/i);
  });
});
