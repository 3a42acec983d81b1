import Link from 'next/link';
import { listReviewQueue } from '@/db/queries/notes';
import { formatDateTime } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Review queue' };

/** Articles waiting for an editor, oldest first, with the latest note on each. */
export default async function ReviewQueuePage() {
  await requireUser(['editor', 'admin']);
  const [queue, { timeZone }] = await Promise.all([listReviewQueue(), getSiteSettings()]);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Review queue</h1>
      {queue.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-8 text-center text-muted">Nothing is waiting for review.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {queue.map((item) => (
            <li key={item.id} className="rounded border border-rule bg-panel p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/dashboard/articles/${item.id}`} className="font-serif text-lg font-bold hover:underline">
                  {item.headline || 'Untitled'}
                </Link>
                <span className="text-sm text-muted">
                  {item.authorName} · submitted <time dateTime={item.submittedAt.toISOString()}>{formatDateTime(item.submittedAt, timeZone)}</time> · {item.wordCount} words
                </span>
              </div>
              {item.lastNote && (
                <p className="mt-1 text-sm">
                  <span className="font-semibold">{item.lastNote.authorName}:</span> {item.lastNote.body.length > 240 ? `${item.lastNote.body.slice(0, 240)}…` : item.lastNote.body}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
