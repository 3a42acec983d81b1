import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionButton } from '@/components/dashboard/restore-revision-button.client';
import { DiffLegend, TextDiff } from '@/components/dashboard/text-diff';
import { getArticle } from '@/db/queries/articles';
import { getRevision, listRevisions, type RevisionSummary } from '@/db/queries/revisions';
import { STATUS_LABEL, STATUS_STYLE } from '@/lib/article-status';
import { formatDateTime } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { diffStats, diffWords } from '@/lib/diff';
import { can } from '@/lib/permissions';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'History' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURRENT = 'current';

/** Why the text was kept: each revision is the text as it stood at that moment. */
const REASON_LABEL: Record<RevisionSummary['reason'], string> = {
  save: 'Saved while editing',
  publish: 'Published',
  restore: 'Replaced by a restore',
  overwrite: 'Replaced by someone else’s save',
  conflict: 'Conflicting save',
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[]; restored?: string | string[] }>;
};

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const words = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`;

export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const article = UUID.test(id) ? await getArticle(id) : null;
  // Someone else's article looks exactly like a missing one to a writer.
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) notFound();

  const query = await searchParams;
  const [revisions, { timeZone }] = await Promise.all([listRevisions(article.id), getSiteSettings()]);
  const known = new Set(revisions.map((r) => r.id));
  const pick = (value: string | undefined, fallback: string) => (value === CURRENT || (value && known.has(value)) ? value : fallback);
  const fromId = pick(one(query.from), revisions[0]?.id ?? CURRENT);
  const toId = pick(one(query.to), CURRENT);
  const restoredId = one(query.restored);
  const restored = restoredId ? revisions.find((r) => r.id === restoredId) : undefined;

  const current = { headline: article.headline, dek: article.dek, bodyText: article.bodyText };
  const load = async (revisionId: string) => (revisionId === CURRENT ? current : await getRevision(article.id, revisionId));
  const [from, to] = await Promise.all([load(fromId), load(toId)]);
  const diff =
    from && to && revisions.length > 0
      ? { headline: diffWords(from.headline, to.headline), dek: diffWords(from.dek, to.dek), body: diffWords(from.bodyText, to.bodyText) }
      : null;
  const stats = diff ? [diff.headline, diff.dek, diff.body].map(diffStats).reduce((a, b) => ({ added: a.added + b.added, removed: a.removed + b.removed })) : null;

  const canRestore = can.editArticle(user, article);
  const live = article.status === 'published';
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const describe = (revisionId: string) => {
    const r = byId.get(revisionId);
    return r ? `version ${r.articleVersion} (${formatDateTime(r.createdAt, timeZone)})` : `the current text (version ${article.version})`;
  };
  const fromRevision = byId.get(fromId);

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 border-b border-rule pb-3">
        <Link href={`/dashboard/articles/${article.id}`} className="text-sm underline">
          ← Back to the editor
        </Link>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[article.status]}`}>{STATUS_LABEL[article.status]}</span>
        {live && (
          <Link href={`/articles/${article.slug}`} className="text-sm underline">
            View live
          </Link>
        )}
      </div>

      <h1 className="text-2xl font-semibold">History</h1>
      <p className="mt-1 font-serif text-lg">{article.headline || <span className="text-muted italic">Untitled</span>}</p>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        Now at version {article.version}, last saved <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, timeZone)}</time>. Restoring an
        earlier version keeps the text it replaces as a new revision, and never publishes or unpublishes the article.
      </p>

      {restored && (
        <p role="status" className="mt-4 max-w-3xl rounded border border-emerald-600 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50">
          Restored the text of version {restored.articleVersion} ({formatDateTime(restored.createdAt, timeZone)}).{' '}
          {live ? 'The article is still published: readers see the restored text now.' : `The article is still ${STATUS_LABEL[article.status].toLowerCase()}: nothing was published.`}{' '}
          Below: what the restore changed.
        </p>
      )}

      <div className="mt-6 grid gap-8 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="compare-heading" className="min-w-0">
          <h2 id="compare-heading" className="mb-3 text-sm font-bold tracking-wider text-muted uppercase">
            Compare
          </h2>
          {revisions.length === 0 ? (
            <p className="rounded border border-dashed border-rule p-6 text-muted">
              No earlier versions yet. A revision is kept when the text changes (at most every few minutes while someone types), before publishing, and before a
              restore or an overwrite.
            </p>
          ) : (
            <>
              <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-rule bg-panel p-3">
                <VersionSelect name="from" label="From" value={fromId} revisions={revisions} currentVersion={article.version} timeZone={timeZone} />
                <VersionSelect name="to" label="To" value={toId} revisions={revisions} currentVersion={article.version} timeZone={timeZone} />
                <button type="submit" className="rounded bg-ink px-3 py-2 text-sm font-semibold text-paper hover:opacity-90">
                  Compare
                </button>
              </form>

              {diff && stats && (
                <div className="mt-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
                    <p className="text-sm">
                      From <strong>{describe(fromId)}</strong> to <strong>{describe(toId)}</strong>
                      {fromId === toId ? ': the same text.' : `: ${words(stats.added)} added, ${words(stats.removed)} removed.`}
                    </p>
                    <DiffLegend />
                  </div>
                  <section aria-label="Differences" className="mt-3 flex flex-col gap-5 rounded border border-rule bg-panel p-4 sm:p-6">
                    <DiffField label="Headline" className="font-serif text-xl leading-snug font-bold sm:text-2xl">
                      <TextDiff segments={diff.headline} />
                    </DiffField>
                    <DiffField label="Standfirst" className="font-serif text-lg leading-snug">
                      <TextDiff segments={diff.dek} />
                    </DiffField>
                    <DiffField label="Body" className="max-w-[42rem] font-serif text-[1.0625rem] leading-relaxed">
                      <TextDiff segments={diff.body} multiline />
                    </DiffField>
                  </section>
                  {fromRevision && canRestore && (
                    <div className="mt-4 flex flex-wrap items-center gap-3">
                      <RestoreRevisionButton articleId={article.id} revisionId={fromRevision.id} baseVersion={article.version} label={`Restore version ${fromRevision.articleVersion} (the “From” text)`} />
                      <span className="text-sm text-muted">Puts back the headline, standfirst and body of the “From” text{live ? '; readers see it at once' : ''}.</span>
                    </div>
                  )}
                </div>
              )}
            </>
          )}
        </section>

        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading" className="mb-3 text-sm font-bold tracking-wider text-muted uppercase">
            Revisions
          </h2>
          {!canRestore && revisions.length > 0 && <p className="mb-3 text-sm text-muted">Once an article is published, only an editor can restore a version.</p>}
          <ol className="divide-y divide-rule rounded border border-rule bg-panel text-sm">
            <li className="flex flex-col gap-0.5 px-3 py-2.5">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-semibold">Current text</span>
                <span className="text-muted">version {article.version}</span>
                <Selected is={[fromId === CURRENT && 'From', toId === CURRENT && 'To']} />
              </p>
              <p className="text-muted">
                <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, timeZone)}</time> · {words(article.wordCount)}
              </p>
            </li>
            {revisions.map((revision) => (
              <li key={revision.id} className="flex flex-col gap-1 px-3 py-2.5">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <time dateTime={revision.createdAt.toISOString()} className="font-semibold">
                    {formatDateTime(revision.createdAt, timeZone)}
                  </time>
                  <span className="text-muted">version {revision.articleVersion}</span>
                  <Selected is={[fromId === revision.id && 'From', toId === revision.id && 'To']} />
                </p>
                <p className="text-muted">
                  {REASON_LABEL[revision.reason]} · {revision.createdByName ?? 'someone no longer on the staff'} · {words(revision.words)}
                </p>
                <p className="flex flex-wrap items-center gap-3">
                  <Link href={`/dashboard/articles/${article.id}/history?from=${revision.id}&to=${CURRENT}`} className="underline" aria-label={`Compare version ${revision.articleVersion} with the current text`}>
                    Compare with current
                  </Link>
                  {canRestore && <RestoreRevisionButton articleId={article.id} revisionId={revision.id} baseVersion={article.version} label={`Restore version ${revision.articleVersion}`} />}
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

function VersionSelect({
  name,
  label,
  value,
  revisions,
  currentVersion,
  timeZone,
}: {
  name: string;
  label: string;
  value: string;
  revisions: RevisionSummary[];
  currentVersion: number;
  timeZone: string;
}) {
  const id = `compare-${name}`;
  return (
    <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {/* Keyed by the value: after a restore the page changes under it, and an uncontrolled select would keep the old choice. */}
      <select key={value} id={id} name={name} defaultValue={value} className="w-full rounded border border-rule bg-panel px-2 py-2 text-sm text-ink">
        <option value={CURRENT}>Current text (version {currentVersion})</option>
        {revisions.map((r) => (
          <option key={r.id} value={r.id}>
            Version {r.articleVersion} · {formatDateTime(r.createdAt, timeZone)} · {r.createdByName ?? 'former staff'}
          </option>
        ))}
      </select>
    </div>
  );
}

function DiffField({ label, className, children }: { label: string; className: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wider text-muted uppercase">{label}</h3>
      <div className={className}>{children}</div>
    </div>
  );
}

function Selected({ is }: { is: (string | false)[] }) {
  const roles = is.filter(Boolean);
  if (roles.length === 0) return null;
  return <span className="rounded bg-rule px-1.5 py-0.5 text-xs font-medium">{roles.join(' and ')}</span>;
}
