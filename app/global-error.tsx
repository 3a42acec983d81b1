'use client';

import { ErrorNotice } from '@/components/ui/error-notice';
import './globals.css';

// When the root layout itself fails, this replaces it, so it brings its own <html> and <body>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorNotice digest={error.digest} onRetry={reset} home={{ href: '/', label: 'Go to the front page' }} landmark />
      </body>
    </html>
  );
}
