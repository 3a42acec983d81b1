'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

// A dashboard page that failed, inside the dashboard's navigation. An unreachable database is
// answered by the layout itself (components/ui/database-unavailable.tsx), not here.
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice digest={error.digest} onRetry={reset} home={{ href: '/dashboard', label: 'Back to the articles' }} />;
}
