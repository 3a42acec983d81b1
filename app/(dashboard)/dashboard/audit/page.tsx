import Link from 'next/link';
import { FilterActions, FilterField, filterControlClass } from '@/components/ui/filter-form';
import { TableHead } from '@/components/ui/table-head';
import { AUDIT_ACTIONS, countAuditEntries, listAuditEntries, type AuditAction, type AuditFilter } from '@/db/queries/audit';
import { listStaff } from '@/db/queries/people';
import type { AuditEntry } from '@/db/schema';
import { formatDateTime } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

const ACTION_LABEL: Record<AuditAction, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_out': 'Signed out',
  'article.submit': 'Submitted for review',
  'article.return': 'Returned to writer',
  'article.schedule': 'Scheduled',
  'article.unschedule': 'Unscheduled',
  'article.publish': 'Published',
  'article.unpublish': 'Unpublished',
  'article.trash': 'Moved to trash',
  'article.restore': 'Restored from trash',
  'article.purge': 'Deleted for good',
  'article.revision_restore': 'Revision restored',
  'article.correction': 'Correction added',
  'article.take_over': 'Editing taken over',
  'user.invite': 'Invited',
  'user.join': 'Joined',
  'user.create_admin': 'Admin made from the command line',
  'user.role_change': 'Role changed',
  'user.deactivate': 'Deactivated',
  'user.reactivate': 'Reactivated',
  'user.password_reset_link': 'Reset link made',
  'user.password_reset': 'Password reset',
  'user.password_change': 'Password changed',
  'user.profile_change': 'Profile changed',
  'settings.change': 'Changed settings',
  'donations.export': 'Exported donations (CSV)',
};

const GROUPS = [
  { label: 'Sign-in', prefix: 'auth.' },
  { label: 'Articles', prefix: 'article.' },
  { label: 'People', prefix: 'user.' },
  { label: 'Settings', prefix: 'settings.' },
  { label: 'Donations', prefix: 'donations.' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type SearchParams = Record<string, string | string[] | undefined>;
type Values = { action: string; actor: string; object: string; from: string; to: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

function utcDay(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** The filters from the address bar: anything malformed is dropped and said so, never an error page. */
function readFilters(params: SearchParams): { values: Values; filter: AuditFilter; page: number; problems: string[] } {
  const problems: string[] = [];
  const values: Values = { action: first(params.action), actor: first(params.actor), object: first(params.object).slice(0, 200), from: first(params.from), to: first(params.to) };
  if (values.action && !(AUDIT_ACTIONS as readonly string[]).includes(values.action)) {
    problems.push(`There is no action called “${values.action.slice(0, 40)}”; showing all actions.`);
    values.action = '';
  }
  if (values.actor && !UUID.test(values.actor)) {
    problems.push('That person is not known; showing everyone.');
    values.actor = '';
  }
  const from = values.from ? utcDay(values.from) : null;
  if (values.from && !from) {
    problems.push('The “from” date is not a date; it is ignored.');
    values.from = '';
  }
  const to = values.to ? utcDay(values.to) : null;
  if (values.to && !to) {
    problems.push('The “to” date is not a date; it is ignored.');
    values.to = '';
  }
  const pageNumber = Number.parseInt(first(params.page) || '1', 10);
  const page = Number.isFinite(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, 100_000) : 1;
  return {
    values,
    page,
    problems,
    filter: {
      action: values.action || undefined,
      actorId: values.actor || undefined,
      objectId: values.object || undefined,
      from: from ?? undefined,
      // The "to" day is included: entries before the start of the next day.
      to: to ? new Date(to.getTime() + 86_400_000) : undefined,
    },
  };
}

function hrefFor(values: Values, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/dashboard/audit?${query}` : '/dashboard/audit';
}

/** "2026-03-14 09:30:12Z" */
const utcStamp = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const text = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));
/** A detail value for reading: times as UTC stamps, everything else as text. */
const shown = (value: unknown) => (typeof value === 'string' && ISO_TIME.test(value) ? utcStamp(new Date(value)) : text(value));
const clip = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

// Shown in the Object column already, or internal references of no use to a reader.
const HIDDEN_DETAIL = new Set(['headline', 'name', 'from', 'to']);

function detailSummary(entry: AuditEntry): string {
  const detail = entry.detail ?? {};
  const parts: string[] = [];
  if (detail.from !== undefined || detail.to !== undefined) parts.push(`${text(detail.from) || '—'} → ${text(detail.to) || '—'}`);
  for (const [key, value] of Object.entries(detail)) {
    if (HIDDEN_DETAIL.has(key) || /Id$/.test(key)) continue;
    // A person's address is in the Object column already.
    if (entry.objectType === 'user' && entry.objectId && key === 'email') continue;
    parts.push(`${key}: ${clip(shown(value), 60)}`);
  }
  return parts.join(' · ');
}

function ObjectCell({ entry }: { entry: AuditEntry }) {
  const detail = entry.detail ?? {};
  if (!entry.objectType || !entry.objectId) return <span className="text-muted">—</span>;
  if (entry.objectType === 'article') {
    const headline = clip(text(detail.headline) || 'Untitled article', 70);
    return entry.action === 'article.purge' ? (
      <span>
        {headline} <span className="text-muted">(deleted)</span>
      </span>
    ) : (
      <Link href={`/dashboard/articles/${entry.objectId}`} className="underline-offset-2 hover:underline">
        {headline}
      </Link>
    );
  }
  const name = text(detail.name);
  const email = text(detail.email);
  return (
    <>
      <Link href={hrefFor({ action: '', actor: '', object: entry.objectId, from: '', to: '' }, 1)} className="underline-offset-2 hover:underline" title={`Everything about ${entry.objectId}`}>
        {clip(name || email || entry.objectId, 60)}
      </Link>
      {name && email && <span className="block text-xs break-all text-muted">{email}</span>}
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser(['admin']);
  const { values, filter, page, problems } = readFilters(await searchParams);
  const [entries, total, staff, site] = await Promise.all([
    listAuditEntries({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countAuditEntries(filter),
    listStaff(),
    getSiteSettings(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const firstShown = total === 0 ? 0 : Math.min((page - 1) * PAGE_SIZE + 1, total);
  const lastShown = Math.min(page * PAGE_SIZE, total);
  const filtered = Object.values(values).some(Boolean);

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-muted">Who did what, and when. Times are UTC, with the newsroom’s time ({site.timeZone}) below.</p>
      </div>

      <form method="get" action="/dashboard/audit" role="search" aria-label="Filter the audit log" className="grid gap-3 rounded border border-rule bg-panel p-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <FilterField id="audit-action" label="Action">
          <select id="audit-action" name="action" defaultValue={values.action} className={filterControlClass}>
            <option value="">All actions</option>
            {GROUPS.map((group) => (
              <optgroup key={group.prefix} label={group.label}>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(group.prefix)).map((action) => (
                  <option key={action} value={action}>
                    {ACTION_LABEL[action]} ({action})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FilterField>
        <FilterField id="audit-actor" label="Actor">
          <select id="audit-actor" name="actor" defaultValue={values.actor} className={filterControlClass}>
            <option value="">Anyone</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
                {person.active ? '' : ' (deactivated)'}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="audit-object" label="Object id">
          <input id="audit-object" name="object" defaultValue={values.object} placeholder="Article or person id" className={`${filterControlClass} font-mono`} />
        </FilterField>
        <FilterField id="audit-from" label="From (UTC)">
          <input id="audit-from" name="from" type="date" defaultValue={values.from} className={filterControlClass} />
        </FilterField>
        <FilterField id="audit-to" label="To (UTC, inclusive)">
          <input id="audit-to" name="to" type="date" defaultValue={values.to} className={filterControlClass} />
        </FilterField>
        <FilterActions clearHref={filtered ? '/dashboard/audit' : null} />
      </form>

      {problems.length > 0 && (
        <ul role="alert" className="rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <p className="text-sm text-muted" aria-live="polite">
        {total === 0 ? 'No entries match.' : `Entries ${firstShown}–${lastShown} of ${total}${filtered ? ' matching' : ''}.`}
      </p>

      {entries.length > 0 && (
        // Below 640px each entry becomes a block of lines instead of a row too wide to read.
        <div className="rounded border border-rule bg-panel">
          <table className="block w-full text-left text-sm sm:table">
            <TableHead stacked columns={[{ label: 'Time (UTC)' }, { label: 'Actor' }, { label: 'Action' }, { label: 'Object' }, { label: 'Detail' }]} />
            <tbody className="block sm:table-row-group">
              {entries.map((entry) => (
                <tr key={entry.id} className="block border-b border-rule px-3 py-2 align-top last:border-0 hover:bg-paper sm:table-row sm:p-0">
                  <td className="block whitespace-nowrap sm:table-cell sm:px-3 sm:py-1.5">
                    <time dateTime={entry.at.toISOString()} className="font-mono text-xs">
                      {utcStamp(entry.at)}
                    </time>
                    <span className="ml-2 text-xs text-muted sm:ml-0 sm:block">{formatDateTime(entry.at, site.timeZone)}</span>
                  </td>
                  <td className="mr-2 inline-block whitespace-nowrap sm:table-cell sm:px-3 sm:py-1.5">
                    {entry.actorId ? (
                      <Link href={hrefFor({ ...values, actor: entry.actorId }, 1)} className="underline-offset-2 hover:underline">
                        {entry.actorLabel}
                      </Link>
                    ) : entry.action === 'auth.sign_in_failed' ? (
                      <span className="text-muted">Not signed in</span>
                    ) : (
                      <span className="text-muted">{entry.actorLabel || '—'}</span>
                    )}
                  </td>
                  <td className="inline-block whitespace-nowrap sm:table-cell sm:px-3 sm:py-1.5">
                    <span className="font-medium">{ACTION_LABEL[entry.action as AuditAction] ?? entry.action}</span>
                    <code className="ml-1.5 text-xs text-muted sm:ml-0 sm:block">{entry.action}</code>
                  </td>
                  <td className="block sm:table-cell sm:min-w-40 sm:px-3 sm:py-1.5">
                    <ObjectCell entry={entry} />
                  </td>
                  <td className="block text-xs break-words text-muted sm:table-cell sm:min-w-48 sm:px-3 sm:py-1.5">{detailSummary(entry) || <span className="hidden sm:inline">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages of the audit log" className="flex items-center justify-between gap-4 text-sm">
          {page > 1 ? (
            <Link href={hrefFor(values, Math.min(page - 1, pages))} rel="prev" className="rounded border border-rule bg-panel px-3 py-1.5 hover:border-ink">
              ← Previous
            </Link>
          ) : (
            <span className="px-3 py-1.5 text-muted" aria-hidden="true">
              ← Previous
            </span>
          )}
          <span className="text-muted">
            Page {Math.min(page, pages)} of {pages}
          </span>
          {page < pages ? (
            <Link href={hrefFor(values, page + 1)} rel="next" className="rounded border border-rule bg-panel px-3 py-1.5 hover:border-ink">
              Next →
            </Link>
          ) : (
            <span className="px-3 py-1.5 text-muted" aria-hidden="true">
              Next →
            </span>
          )}
        </nav>
      )}
    </div>
  );
}
