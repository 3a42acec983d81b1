'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreRevisionAction } from '@/app/(dashboard)/dashboard/articles/[id]/history/actions';

/** Restores one revision; the page then shows what the restore changed. */
export function RestoreRevisionButton({
  articleId,
  revisionId,
  baseVersion,
  label,
  className = '',
}: {
  articleId: string;
  revisionId: string;
  baseVersion: number;
  label: string;
  className?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const restore = () =>
    startTransition(async () => {
      setError(null);
      const result = await restoreRevisionAction({ articleId, revisionId, baseVersion }).catch(() => null);
      if (!result) return setError('The request did not reach the server. Try again.');
      if (!result.ok) return setError(result.error);
      const params = new URLSearchParams({ from: result.data.snapshotId, to: 'current', restored: revisionId });
      router.replace(`/dashboard/articles/${articleId}/history?${params}`);
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={restore}
        disabled={pending}
        className={`rounded border border-ink px-2.5 py-1 text-sm font-semibold whitespace-nowrap hover:bg-ink hover:text-paper disabled:opacity-50 ${className}`}
      >
        {pending ? 'Restoring…' : label}
      </button>
      {error && (
        <span role="alert" className="max-w-xs text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
