import autocannon from 'autocannon';

export interface LimitRun {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors (refused, reset) other than timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
}

/**
 * One load run against one URL, counting what the limits are about: errors,
 * timeouts, non-2xx answers and 5xx answers apart. Shared by `npm run bench:limits`
 * and the short check in the e2e suite (tests/e2e/load.spec.ts).
 */
export async function loadRun(url: string, connections: number, seconds: number): Promise<LimitRun> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10 });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
  };
}

export function formatRuns(runs: LimitRun[]): string {
  const lines = ['conns  secs   requests    req/s   p50 ms   p99 ms  errors  timeouts  non-2xx   5xx'];
  for (const r of runs) {
    lines.push(
      [
        String(r.connections).padStart(5),
        String(r.seconds).padStart(5),
        String(r.requests).padStart(10),
        r.rps.toFixed(0).padStart(8),
        r.p50.toFixed(1).padStart(8),
        r.p99.toFixed(1).padStart(8),
        String(r.errors).padStart(7),
        String(r.timeouts).padStart(9),
        String(r.non2xx).padStart(8),
        String(r.status5xx).padStart(5),
      ].join(' '),
    );
  }
  return lines.join('\n');
}
