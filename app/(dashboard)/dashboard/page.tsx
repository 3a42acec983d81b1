import Link from 'next/link';
import { listDashboardArticles } from '@/db/queries/articles';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/db/schema';
import { STATUS_LABEL, STATUS_STYLE } from '@/lib/article-status';
import { formatDateTime } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { requireUser } from '@/lib/session';
import { TRASH_RETENTION_DAYS } from '@/lib/workflow';

export const metadata = { title: 'Articles' };

const TABS: { status?: ArticleStatus; label: string }[] = [
  { label: 'All' },
  { status: 'draft', label: 'Drafts' },
  { status: 'in_review', label: 'In review' },
  { status: 'scheduled', label: 'Scheduled' },
  { status: 'published', label: 'Published' },
  { status: 'unpublished', label: 'Unpublished' },
  { status: 'trashed', label: 'Trash' },
];

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ denied?: string; status?: string; deleted?: string }> }) {
  const user = await requireUser();
  const params = await searchParams;
  const status = ARTICLE_STATUSES.find((s) => s === params.status);
  const [articles, { timeZone }] = await Promise.all([listDashboardArticles(user, { status }), getSiteSettings()]);
  return (
    <div>
      {params.denied && (
        <p role="alert" className="mb-4 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your role does not give access to that page.
        </p>
      )}
      {params.deleted && (
        <p role="status" className="mb-4 rounded border border-rule bg-panel px-3 py-2 text-sm">
          The article was deleted for good.
        </p>
      )}
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{user.role === 'writer' ? 'Your articles' : 'Articles'}</h1>
        <Link href="/dashboard/articles/new" className="rounded bg-ink px-3 py-2 text-sm font-semibold text-paper hover:opacity-90">
          New article
        </Link>
      </div>
      <nav aria-label="Filter by status" className="mb-3 overflow-x-auto">
        <ul className="flex gap-1 text-sm whitespace-nowrap">
          {TABS.map((tab) => {
            const current = tab.status === status;
            return (
              <li key={tab.label}>
                <Link
                  href={tab.status ? `/dashboard?status=${tab.status}` : '/dashboard'}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-block rounded px-2.5 py-1 ${current ? 'bg-ink text-paper' : 'hover:bg-rule'}`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {status === 'trashed' && <p className="mb-3 text-sm text-muted">Articles in the trash can be restored for {TRASH_RETENTION_DAYS} days, then they are deleted.</p>}
      {articles.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-8 text-center text-muted">{status ? `No articles here.` : 'No articles yet. Start one with “New article”.'}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-rule bg-panel">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-rule text-xs tracking-wider text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Headline</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">Author</th>
                <th scope="col" className="hidden px-3 py-2 font-semibold md:table-cell">Section</th>
                <th scope="col" className="px-3 py-2 font-semibold">{status === 'scheduled' ? 'Goes live' : 'Last update'}</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} className="border-b border-rule last:border-0 hover:bg-paper">
                  <td className="px-3 py-2">
                    <Link href={`/dashboard/articles/${article.id}`} className="font-medium hover:underline">
                      {article.headline || <span className="text-muted italic">Untitled</span>}
                    </Link>
                    <span className="ml-2 text-xs text-muted">{article.wordCount} words</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_STYLE[article.status]}`}>{STATUS_LABEL[article.status]}</span>
                    {article.status === 'scheduled' && article.publishedAt && status !== 'scheduled' && (
                      <span className="ml-1 text-xs whitespace-nowrap text-muted">{formatDateTime(article.publishedAt, timeZone)}</span>
                    )}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{article.authorName}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{article.sectionName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-muted">
                    {status === 'scheduled' && article.publishedAt ? (
                      <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt, timeZone)}</time>
                    ) : (
                      <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, timeZone)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
