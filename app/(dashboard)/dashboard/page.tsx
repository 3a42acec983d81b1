import Link from 'next/link';
import { listDashboardArticles } from '@/db/queries/articles';
import { STATUS_LABEL, STATUS_STYLE } from '@/lib/article-status';
import { formatDateTime } from '@/lib/dates';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Articles' };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requireUser();
  const [articles, { denied }] = await Promise.all([listDashboardArticles(user), searchParams]);
  return (
    <div>
      {denied && (
        <p role="alert" className="mb-4 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your role does not give access to that page.
        </p>
      )}
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{user.role === 'writer' ? 'Your articles' : 'Articles'}</h1>
        <Link href="/dashboard/articles/new" className="rounded bg-ink px-3 py-2 text-sm font-semibold text-paper hover:opacity-90">
          New article
        </Link>
      </div>
      {articles.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-8 text-center text-muted">No articles yet. Start one with “New article”.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-rule bg-panel">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-rule text-xs tracking-wider text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Headline</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">Author</th>
                <th scope="col" className="hidden px-3 py-2 font-semibold md:table-cell">Section</th>
                <th scope="col" className="px-3 py-2 font-semibold">Last update</th>
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
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{article.authorName}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{article.sectionName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-muted">
                    <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt)}</time>
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
