'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const RETRY_MS = 5_000;

/** Asks the server again every few seconds, and at once on the button, until the page renders. */
export function RetryWhenBack() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), RETRY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p className="mt-8 flex flex-wrap items-center gap-4 text-sm">
      <button type="button" onClick={() => window.location.reload()} className="rounded bg-accent px-4 py-2 font-semibold text-accent-ink">
        Try again
      </button>
      <span className="text-muted">This page checks again every {RETRY_MS / 1000} seconds and comes back by itself.</span>
    </p>
  );
}
