export async function register() {
  // The scheduler runs in the Node.js server only: not in the edge runtime, not during `next build`.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.DATABASE_URL || process.env.MASTHEAD_SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/scheduler');
  startScheduler();
}
