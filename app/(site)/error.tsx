'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

// A reader page that failed, inside the site's header and footer.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} onRetry={reset} home={{ href: '/', label: 'Go to the front page' }} />;
}
