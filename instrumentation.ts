import type { Instrumentation } from 'next';

export async function register() {
  // The scheduler runs in the Node.js server only: not in the edge runtime, not during `next build`.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.DATABASE_URL || process.env.MASTHEAD_SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/scheduler');
  startScheduler();
}

/** Every error Next catches while rendering, in a route handler, a server action or proxy.ts: logged with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logError, requestIdOf } = await import('./lib/error-log');
  const digest = (error as { digest?: unknown })?.digest;
  logError('next', error, {
    requestId: requestIdOf(request.headers),
    method: request.method,
    path: request.path,
    route: `${context.routeType} ${context.routePath}`,
    digest: typeof digest === 'string' ? digest : undefined,
  });
};
