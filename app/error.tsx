'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

// Errors below the root layout that no nearer error.tsx catches (the staff sign-in pages, say).
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} onRetry={reset} home={{ href: '/', label: 'Go to the front page' }} landmark />;
}
