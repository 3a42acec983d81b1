import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addNoteAction,
  publishArticleAction,
  purgeArticleAction,
  restoreArticleAction,
  returnArticleAction,
  saveArticleAction,
  scheduleArticleAction,
  submitArticleAction,
  trashArticleAction,
  unpublishArticleAction,
  unscheduleArticleAction,
} from '@/app/(dashboard)/dashboard/articles/actions';
import { getArticle, getPublishedArticle, listDashboardArticles, listPublishedArticles, updateArticle, type ArticleFields } from '@/db/queries/articles';
import { listAuditEntries } from '@/db/queries/audit';
import { listArticleNotes } from '@/db/queries/notes';
import type { StaffMember } from '@/db/queries/people';
import { getRevision, listRevisions } from '@/db/queries/revisions';
import { nextScheduledTime, publishDueArticles, purgeExpiredTrash, transitionArticle } from '@/db/queries/workflow';
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from '@/db/schema';
import type { ActionResult } from '@/lib/action';
import { currentUser } from '@/lib/session';
import { mayMake, startsFrom, TRANSITIONS, TRASH_RETENTION_DAYS, WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/workflow';
import { articleFields, doc, makeArticle, makeUser, paragraph, unique } from '../helpers/factories';

// Who is calling is decided by the session cookie, which is next-auth's business
// and the one thing these tests choose. Whether it still counts (a deactivated
// person, an ended session) is decided by the real lib/session against the
// database, and everything after that is the real server actions and queries.
type Cookie = { user: { id: string; sessionVersion: number } } | null;
const cookie = vi.hoisted(() => ({ session: null as Cookie, next: [] as Cookie[] }));
vi.mock('@/lib/auth', () => ({
  // `next` gives concurrent requests their own caller, in the order they start.
  auth: async () => (cookie.next.length > 0 ? cookie.next.shift()! : cookie.session),
}));

const signIn = (user: Pick<StaffMember, 'id' | 'sessionVersion'> | null) => {
  cookie.session = user && { user: { id: user.id, sessionVersion: user.sessionVersion } };
};
beforeEach(() => {
  signIn(null);
  cookie.next = [];
});

const DAY = 86_400_000;
const MINUTE = 60_000;
/** A publication time so far ahead that no scheduler run in any test reaches it. */
const farFuture = () => new Date(Date.now() + 400 * DAY + Math.floor(Math.random() * DAY));

let owner: StaffMember; // the writer who owns every article below
let otherWriter: StaffMember;
let editor: StaffMember;
let secondEditor: StaffMember;
let admin: StaffMember;
beforeAll(async () => {
  [owner, otherWriter, editor, secondEditor, admin] = await Promise.all([makeUser('writer'), makeUser('writer'), makeUser('editor'), makeUser('editor'), makeUser('admin')]);
});

/** The moves that lead from a new draft to each status, each made by someone allowed to. */
const ROUTE: Record<ArticleStatus, [WorkflowAction, () => StaffMember][]> = {
  draft: [],
  in_review: [['submit', () => owner]],
  scheduled: [['schedule', () => editor]],
  published: [['publish', () => editor]],
  unpublished: [
    ['publish', () => editor],
    ['unpublish', () => editor],
  ],
  trashed: [['trash', () => owner]],
};

/** A new article by `owner`, brought to `status` through the workflow itself. */
async function articleIn(status: ArticleStatus, overrides: Partial<ArticleFields> = {}): Promise<Article> {
  let article = await makeArticle(owner.id, overrides);
  for (const [action, actor] of ROUTE[status]) {
    const result = await transitionArticle({ id: article.id, action, actor: actor(), publishAt: action === 'schedule' ? farFuture() : undefined });
    if (!result.ok) throw new Error(`articleIn(${status}): ${action} was refused (${result.reason})`);
    article = result.article!;
  }
  expect(article.status).toBe(status);
  return article;
}

/** Everything stored about an article: the row, its audit entries, revisions and notes. */
async function stateOf(id: string) {
  return {
    row: await getArticle(id),
    audit: await listAuditEntries({ objectId: id, limit: 1000 }),
    revisions: await listRevisions(id),
    notes: await listArticleNotes(id),
  };
}

/** Audit entries for `id` that were not there in `before`. */
async function newAuditEntries(id: string, before: { id: number }[]) {
  const known = new Set(before.map((e) => e.id));
  return (await listAuditEntries({ objectId: id, limit: 1000 })).filter((e) => !known.has(e.id));
}

const isListed = async (id: string) => (await listPublishedArticles({ limit: 10_000 })).some((a) => a.id === id);
const isPublic = async (article: Pick<Article, 'id' | 'slug'>) => {
  const page = await getPublishedArticle(article.slug);
  const listed = await isListed(article.id);
  expect(listed).toBe(page !== null); // the page and the lists always agree
  return listed;
};
const ids = (articles: { id: string }[]) => articles.map((a) => a.id);

// ------------------------------------------------------------------ the matrix

type Who = 'writer (own)' | 'writer (other)' | 'editor' | 'admin';
const WHO: Who[] = ['writer (own)', 'writer (other)', 'editor', 'admin'];
const actorOf = (who: Who): StaffMember => ({ 'writer (own)': owner, 'writer (other)': otherWriter, editor, admin })[who];

/** Why the server refuses, in the order it checks. */
function refusal(action: WorkflowAction, who: Who, status: ArticleStatus) {
  if (who === 'writer (other)') return 'not_found'; // someone else's article looks like a missing one
  if (status === 'trashed' && action !== 'restore' && action !== 'purge') return 'not_found';
  if (!mayMake(action, actorOf(who), { authorId: owner.id, status })) return 'forbidden';
  return 'wrong_status';
}

// A refused move changes nothing (each case checks that), so refused cases share one
// article per status; every allowed move gets an article of its own.
const shared = new Map<ArticleStatus, Promise<Article>>();
const sharedArticleIn = (status: ArticleStatus) => {
  if (!shared.has(status)) shared.set(status, articleIn(status));
  return shared.get(status)!;
};

const matrix = WORKFLOW_ACTIONS.flatMap((action) => WHO.flatMap((who) => ARTICLE_STATUSES.map((status) => [action, who, status] as const)));

describe('every move × every person × every status, against lib/workflow.ts', () => {
  it('covers 9 moves × 4 people × 6 statuses', () => {
    expect(matrix).toHaveLength(WORKFLOW_ACTIONS.length * WHO.length * ARTICLE_STATUSES.length);
    expect(matrix).toHaveLength(216);
  });

  it.each(matrix)('%s by %s on a %s article', async (action, who, status) => {
    const actor = actorOf(who);
    const allowed = startsFrom(action, status) && mayMake(action, actor, { authorId: owner.id, status });
    const article = allowed ? await articleIn(status) : await sharedArticleIn(status);
    const before = await stateOf(article.id);
    expect(before.row).toMatchObject({ status, authorId: owner.id });

    const result = await transitionArticle({ id: article.id, action, actor, publishAt: farFuture() });

    if (!allowed) {
      expect(result).toEqual({ ok: false, reason: refusal(action, who, status) });
      // A refused move changes nothing: not the row, not the log, not the history.
      expect(await stateOf(article.id)).toEqual(before);
      return;
    }

    expect(result.ok).toBe(true);
    const entries = await newAuditEntries(article.id, before.audit);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: actor.id, actorLabel: actor.name, action: `article.${action}`, objectType: 'article', objectId: article.id });
    expect(entries[0].at).toBeInstanceOf(Date);
    if (action === 'purge') {
      expect(result).toEqual({ ok: true, article: null });
      expect(await getArticle(article.id)).toBeNull();
      return;
    }
    const to = TRANSITIONS[action].to!;
    expect(entries[0].detail).toMatchObject({ from: status, to });
    const after = await getArticle(article.id);
    expect(result.ok && result.article).toEqual(after);
    expect(after).toMatchObject({ status: to, version: before.row!.version + 1, updatedBy: actor.id, headline: before.row!.headline, bodyText: before.row!.bodyText });
  });
});

describe('a move is one transaction on a locked row', () => {
  it('two editors publishing the same draft at once: one publishes, the other is refused, and it is logged once', async () => {
    const article = await articleIn('draft');
    const results = await Promise.all([editor, secondEditor].map((actor) => transitionArticle({ id: article.id, action: 'publish', actor, baseVersion: article.version })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(conflict|wrong_status)$/) });
    expect(await getArticle(article.id)).toMatchObject({ status: 'published', version: article.version + 1 });
    expect((await listAuditEntries({ objectId: article.id, action: 'article.publish' })).length).toBe(1);
    expect((await listRevisions(article.id)).filter((r) => r.reason === 'publish')).toHaveLength(1);
  });

  it('a move based on an old version is a conflict and changes nothing', async () => {
    const article = await articleIn('draft');
    const saved = await updateArticle(article.id, articleFields({ headline: 'Newer', slug: article.slug, sectionId: article.sectionId }), article.version, owner.id);
    expect(saved.ok).toBe(true);
    const before = await stateOf(article.id);
    expect(await transitionArticle({ id: article.id, action: 'submit', actor: owner, baseVersion: article.version })).toEqual({ ok: false, reason: 'conflict' });
    expect(await stateOf(article.id)).toEqual(before);
  });

  it('publishing an article that is not ready is refused with the fields named, and changes nothing', async () => {
    const article = await articleIn('draft', { sectionId: null, body: doc() });
    const before = await stateOf(article.id);
    expect(await transitionArticle({ id: article.id, action: 'publish', actor: editor })).toEqual({
      ok: false,
      reason: 'invalid',
      problems: { sectionId: expect.any(String), body: expect.any(String) },
    });
    expect(await stateOf(article.id)).toEqual(before);
  });
});

// -------------------------------------------------------- through the actions

const MOVE_ACTIONS: Record<WorkflowAction, (input: unknown) => Promise<ActionResult<unknown>>> = {
  submit: submitArticleAction,
  return: returnArticleAction,
  schedule: scheduleArticleAction,
  unschedule: unscheduleArticleAction,
  publish: publishArticleAction,
  unpublish: unpublishArticleAction,
  trash: trashArticleAction,
  restore: restoreArticleAction,
  purge: purgeArticleAction,
};

/** What the editor sends to save an article it has open. */
const saveInput = (article: Article, overrides: Record<string, unknown> = {}) => ({
  id: article.id,
  baseVersion: article.version,
  headline: article.headline,
  dek: article.dek,
  slug: article.slug,
  slugAuto: false,
  sectionId: article.sectionId,
  tags: [],
  leadImageId: null,
  leadImageCaption: '',
  leadImageCredit: '',
  leadImageAlt: '',
  body: article.body,
  ...overrides,
});

const callers: [string, () => Promise<StaffMember | null>][] = [
  ['someone signed out', async () => null],
  ['a deactivated admin', async () => makeUser('admin', { active: false })],
];

describe.each(callers)('%s', (_name, caller) => {
  let person: StaffMember | null;
  beforeEach(async () => {
    person = await caller();
    signIn(person);
    expect(await currentUser()).toBeNull(); // lib/session, against the database, lets nobody in
  });

  it.each(WORKFLOW_ACTIONS)('cannot %s, and nothing changes', async (action) => {
    // From a status the move starts from: an active admin could make it (checked last).
    const article = await articleIn(TRANSITIONS[action].from[0]);
    const input = { id: article.id, baseVersion: article.version, publishAt: farFuture().toISOString() };
    const before = await stateOf(article.id);
    expect(await MOVE_ACTIONS[action](input)).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await stateOf(article.id)).toEqual(before);

    signIn(admin);
    expect(await MOVE_ACTIONS[action](input)).toMatchObject({ ok: true });
  });

  it('cannot save over an article, and nothing changes', async () => {
    const article = await articleIn('draft');
    const input = saveInput(article, { headline: 'Defaced' });
    const before = await stateOf(article.id);
    expect(await saveArticleAction(input)).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await stateOf(article.id)).toEqual(before);

    signIn(admin);
    expect(await saveArticleAction(input)).toMatchObject({ ok: true });
  });

  it('cannot create an article', async () => {
    const headline = `Planted story ${unique()}`;
    const input = { ...saveInput(await articleIn('draft'), { id: null, baseVersion: null, headline, slug: '', slugAuto: true }) };
    expect(await saveArticleAction(input)).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect((await listDashboardArticles(admin, { limit: 10_000 })).map((a) => a.headline)).not.toContain(headline);
  });

  it('cannot add a note, and nothing changes', async () => {
    const article = await articleIn('in_review');
    const before = await stateOf(article.id);
    expect(await addNoteAction({ articleId: article.id, body: 'Looks fine to me.' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await stateOf(article.id)).toEqual(before);

    signIn(admin);
    expect(await addNoteAction({ articleId: article.id, body: 'Looks fine to me.' })).toMatchObject({ ok: true });
    expect((await listArticleNotes(article.id)).map((n) => n.body)).toEqual(['Looks fine to me.']);
  });
});

describe('the actions answer each refusal with its own code', () => {
  it('a writer scheduling their own draft is forbidden; someone else’s draft is not found', async () => {
    const article = await articleIn('draft');
    signIn(owner);
    expect(await scheduleArticleAction({ id: article.id, publishAt: farFuture().toISOString() })).toMatchObject({ ok: false, code: 'forbidden' });
    signIn(otherWriter);
    expect(await submitArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getArticle(article.id)).toEqual(article);
  });

  it('a move from the wrong status is invalid, a move on an old version a conflict', async () => {
    const article = await articleIn('published');
    signIn(editor);
    expect(await returnArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await unpublishArticleAction({ id: article.id, baseVersion: article.version - 1 })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getArticle(article.id)).toEqual(article);
  });

  it('a writer adds a note to their own article, not to someone else’s', async () => {
    const article = await articleIn('in_review');
    signIn(otherWriter);
    expect(await addNoteAction({ articleId: article.id, body: 'Let me in.' })).toMatchObject({ ok: false, code: 'not_found' });
    signIn(owner);
    expect(await addNoteAction({ articleId: article.id, body: 'Ready when you are.' })).toMatchObject({ ok: true });
    signIn(editor);
    expect(await addNoteAction({ articleId: article.id, body: '' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.any(String) } });
    expect((await listArticleNotes(article.id)).map((n) => [n.body, n.authorName])).toEqual([['Ready when you are.', owner.name]]);
  });
});

// ------------------------------------------------------------------ scheduling

describe('scheduling, with the clock in the test’s hands', () => {
  it('goes live at its time, never earlier, exactly once, logged as automatic', async () => {
    const article = await articleIn('in_review');
    const T = new Date(Date.now() + 5 * MINUTE);
    const scheduled = await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T });
    expect(scheduled).toMatchObject({ ok: true, article: { status: 'scheduled', publishedAt: T } });
    expect((await nextScheduledTime())!.getTime()).toBeLessThanOrEqual(T.getTime());

    // Not before T: not for readers, and not for the scheduler.
    expect(await isPublic(article)).toBe(false);
    expect(ids(await publishDueArticles(new Date(T.getTime() - 1)))).not.toContain(article.id);
    expect(await getArticle(article.id)).toMatchObject({ status: 'scheduled' });

    // At T the scheduler publishes it, once.
    const before = await listAuditEntries({ objectId: article.id, limit: 1000 });
    const due = await publishDueArticles(T);
    expect(due.filter((a) => a.id === article.id)).toHaveLength(1);
    expect(ids(await publishDueArticles(new Date(T.getTime() + MINUTE)))).not.toContain(article.id);
    expect(await getArticle(article.id)).toMatchObject({ status: 'published', publishedAt: T, version: scheduled.ok ? scheduled.article!.version + 1 : -1 });
    const entries = await newAuditEntries(article.id, before);
    expect(entries).toEqual([expect.objectContaining({ action: 'article.publish', actorId: null, actorLabel: 'Masthead (automatic)', detail: expect.objectContaining({ from: 'scheduled', to: 'published' }) })]);

    // The real time is still before T: readers still do not see it, whatever the status says.
    expect(Date.now()).toBeLessThan(T.getTime());
    expect(await isPublic(article)).toBe(false);
  });

  it('two scheduler runs at the same moment publish it once', async () => {
    const article = await articleIn('draft');
    const T = new Date(Date.now() + 7 * MINUTE);
    expect(await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T })).toMatchObject({ ok: true });
    const runs = await Promise.all([publishDueArticles(T), publishDueArticles(T)]);
    expect(runs.flat().filter((a) => a.id === article.id)).toHaveLength(1);
    expect(await listAuditEntries({ objectId: article.id, action: 'article.publish' })).toHaveLength(1);
  });

  it('a time missed while the server was down is public at once and published at the next start', async () => {
    const article = await articleIn('in_review');
    const T = new Date(Date.now() - 2 * MINUTE);
    // Scheduled the day before, for a time that passed while nothing ran.
    const scheduled = await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T, now: new Date(T.getTime() - DAY) });
    expect(scheduled).toMatchObject({ ok: true, article: { status: 'scheduled', publishedAt: T } });

    // Readers see it before any scheduler runs: the public queries check the time themselves.
    expect(await isPublic(article)).toBe(true);
    expect((await getPublishedArticle(article.slug))?.publishedAt).toEqual(T);

    // Start-up.
    const atStart = await publishDueArticles();
    expect(atStart.filter((a) => a.id === article.id)).toHaveLength(1);
    expect(await getArticle(article.id)).toMatchObject({ status: 'published', publishedAt: T });
    expect(await isPublic(article)).toBe(true);
  });

  it('a publication time that is not in the future of the given clock is refused on publishAt', async () => {
    const article = await articleIn('draft');
    const before = await stateOf(article.id);
    const now = new Date(Date.now() + 30 * DAY); // the clock, not the wall, decides
    for (const publishAt of [new Date(now.getTime() - MINUTE), now, new Date(Date.now() + MINUTE), undefined, new Date(Number.NaN)]) {
      expect(await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt, now })).toEqual({ ok: false, reason: 'invalid', problems: { publishAt: expect.any(String) } });
    }
    expect(await stateOf(article.id)).toEqual(before);
    expect(await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: new Date(now.getTime() + MINUTE), now })).toMatchObject({ ok: true });
  });

  it('through the action, a time in the past is refused on the publishAt field', async () => {
    const article = await articleIn('draft');
    signIn(editor);
    const result = await scheduleArticleAction({ id: article.id, publishAt: new Date(Date.now() - MINUTE).toISOString() });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { publishAt: expect.any(String) } });
    expect(await getArticle(article.id)).toEqual(article);
    expect(await scheduleArticleAction({ id: article.id, publishAt: 'next Tuesday' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { publishAt: expect.any(String) } });
  });

  it('unscheduling makes it a draft again and takes it off the site', async () => {
    const article = await articleIn('draft');
    const T = new Date(Date.now() - MINUTE);
    await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T, now: new Date(T.getTime() - DAY) });
    expect(await isPublic(article)).toBe(true);

    signIn(editor);
    expect(await unscheduleArticleAction({ id: article.id })).toMatchObject({ ok: true, data: { status: 'draft', publishedAt: null } });
    expect(await isPublic(article)).toBe(false);
    expect(ids(await publishDueArticles())).not.toContain(article.id);
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', publishedAt: null });
  });
});

// ------------------------------------------------------------------- conflicts

const edited = (article: Article, text: string): ArticleFields =>
  articleFields({ headline: text, slug: article.slug, sectionId: article.sectionId, body: doc(paragraph(`${text}: the whole text.`)) });

describe('no lost updates', () => {
  it('two saves from the same version at once: one is stored, the other gets a conflict with the stored article', async () => {
    const article = await articleIn('draft');
    const edits = [edited(article, 'From the newsdesk'), edited(article, 'From the reporter')];
    const results = await Promise.all([
      updateArticle(article.id, edits[0], article.version, editor.id),
      updateArticle(article.id, edits[1], article.version, owner.id),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const winner = edits[results.findIndex((r) => r.ok)];
    const stored = await getArticle(article.id);
    expect(stored).toMatchObject({ version: article.version + 1, headline: winner.headline, bodyText: winner.bodyText });
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'conflict', current: stored });
  });

  it('the same through the editor’s save: one saves, the other is told of the conflict, and may then keep their text', async () => {
    const article = await articleIn('draft');
    const headlines = ['Laptop version', 'Phone version'];
    cookie.next = [editor, secondEditor].map((p) => ({ user: { id: p.id, sessionVersion: p.sessionVersion } }));
    const results = await Promise.all(headlines.map((headline) => saveArticleAction(saveInput(article, { headline }))));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const winnerIndex = results.findIndex((r) => r.ok);
    expect(results[1 - winnerIndex]).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getArticle(article.id)).toMatchObject({ headline: headlines[winnerIndex], version: article.version + 1 });

    // The one who lost chooses to keep their own text, on top of the current version.
    signIn([editor, secondEditor][1 - winnerIndex]);
    const kept = await saveArticleAction(saveInput(article, { headline: headlines[1 - winnerIndex], baseVersion: article.version + 1, overwrite: true }));
    expect(kept).toMatchObject({ ok: true, data: { version: article.version + 2 } });
    // Newest first: the winner's text, kept when the loser chose theirs; then the writer's, kept when the winner saved over it.
    const overwritten = (await listRevisions(article.id)).filter((r) => r.reason === 'overwrite');
    expect(overwritten.map((r) => r.headline)).toEqual([headlines[winnerIndex], article.headline]);
  });
});

// ------------------------------------------------------------------- revisions

describe('revisions', () => {
  it('publishing snapshots the text that goes out', async () => {
    const article = await articleIn('in_review');
    expect(await transitionArticle({ id: article.id, action: 'publish', actor: editor })).toMatchObject({ ok: true });
    const revisions = await listRevisions(article.id);
    expect(revisions.map((r) => r.reason)).toEqual(['publish']);
    const revision = await getRevision(article.id, revisions[0].id);
    expect(revision).toMatchObject({ articleVersion: article.version, headline: article.headline, body: article.body, bodyText: article.bodyText, createdBy: editor.id });
  });

  it('scheduling snapshots too', async () => {
    const article = await articleIn('draft');
    expect(await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: farFuture() })).toMatchObject({ ok: true });
    expect((await listRevisions(article.id)).map((r) => r.reason)).toEqual(['publish']);
  });

  it('a scheduled article edited after scheduling is snapshotted again when it goes out, with the text readers get', async () => {
    const article = await articleIn('in_review');
    const T = new Date(Date.now() + 11 * MINUTE);
    const scheduled = await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T });
    if (!scheduled.ok) throw new Error(scheduled.reason);
    // A late edit by the same editor, moments later: too soon for a save revision of its own.
    const late = await updateArticle(article.id, edited(article, 'Late change'), scheduled.article!.version, editor.id);
    if (!late.ok) throw new Error(late.reason);
    expect((await listRevisions(article.id)).map((r) => r.reason)).toEqual(['publish']);

    expect(ids(await publishDueArticles(T))).toContain(article.id);
    const revisions = await listRevisions(article.id);
    expect(revisions.map((r) => [r.reason, r.headline])).toEqual([
      ['publish', 'Late change'],
      ['publish', article.headline],
    ]);
    expect(revisions[0]).toMatchObject({ articleVersion: late.article.version, createdByName: null });
  });

  it('a second editor’s save over the first editor’s text keeps that text as an overwrite revision', async () => {
    const article = await articleIn('draft');
    const first = await updateArticle(article.id, edited(article, 'First editor’s text'), article.version, editor.id);
    if (!first.ok) throw new Error(first.reason);
    const overwrites = async () => (await listRevisions(article.id)).filter((r) => r.reason === 'overwrite');
    // The first editor's save already kept the writer's text.
    expect((await overwrites()).map((r) => r.headline)).toEqual([article.headline]);

    const second = await updateArticle(article.id, edited(article, 'Second editor’s text'), first.article.version, secondEditor.id);
    expect(second.ok).toBe(true);
    const [revision] = await overwrites();
    expect(await getRevision(article.id, revision.id)).toMatchObject({
      articleVersion: first.article.version,
      headline: 'First editor’s text',
      bodyText: 'First editor’s text: the whole text.',
      body: first.article.body,
      createdBy: secondEditor.id,
    });
    expect(await overwrites()).toHaveLength(2);
  });

  it('saving again and again within ten minutes makes at most one save revision, holding the text before the first save', async () => {
    const article = await articleIn('draft');
    let version = article.version;
    for (let i = 1; i <= 5; i++) {
      const result = await updateArticle(article.id, edited(article, `Draft ${i}`), version, owner.id);
      if (!result.ok) throw new Error(result.reason);
      version = result.article.version;
    }
    const revisions = await listRevisions(article.id);
    expect(revisions.map((r) => r.reason)).toEqual(['save']);
    expect(revisions[0]).toMatchObject({ headline: article.headline, articleVersion: article.version });
  });

  it('a save that changes no text makes no revision', async () => {
    const article = await articleIn('draft');
    const same = articleFields({ headline: article.headline, slug: article.slug, sectionId: article.sectionId, body: article.body, tags: ['Retagged'] });
    expect(await updateArticle(article.id, same, article.version, owner.id)).toMatchObject({ ok: true });
    expect(await listRevisions(article.id)).toEqual([]);
  });

  it('a save with overwrite always snapshots, even by the same person a moment later', async () => {
    const article = await articleIn('draft');
    const a = await updateArticle(article.id, edited(article, 'Kept mine once'), article.version, owner.id, { overwrite: true });
    if (!a.ok) throw new Error(a.reason);
    const b = await updateArticle(article.id, edited(article, 'Kept mine twice'), a.article.version, owner.id, { overwrite: true });
    if (!b.ok) throw new Error(b.reason);
    const revisions = await listRevisions(article.id);
    expect(revisions.map((r) => r.reason)).toEqual(['overwrite', 'overwrite']);
    expect(revisions.map((r) => r.headline).sort()).toEqual([article.headline, 'Kept mine once'].sort());
  });
});

// ----------------------------------------------------------------------- trash

describe('the trash', () => {
  it('trashing takes an article out of the newsroom list, and restoring brings it back as a draft', async () => {
    const article = await articleIn('unpublished');
    signIn(editor);
    expect(await trashArticleAction({ id: article.id, baseVersion: article.version })).toMatchObject({ ok: true, data: { status: 'trashed' } });
    expect(await getArticle(article.id)).toMatchObject({ status: 'trashed', trashedAt: expect.any(Date) });
    expect(ids(await listDashboardArticles(owner))).not.toContain(article.id);
    expect(await saveArticleAction(saveInput((await getArticle(article.id))!, { headline: 'Edited in the bin' }))).toMatchObject({ ok: false, code: 'not_found' });

    signIn(owner);
    expect(await restoreArticleAction({ id: article.id })).toMatchObject({ ok: true, data: { status: 'draft' } });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', trashedAt: null });
    expect(ids(await listDashboardArticles(owner))).toContain(article.id);
    expect(await isPublic(article)).toBe(false);
  });

  it(`is emptied after ${TRASH_RETENTION_DAYS} days, not before`, async () => {
    // Trashed on a clock of its own, long ago, so that no other test's trash is in reach.
    const trashedAt = new Date(Date.now() - 5 * 365 * DAY - Math.floor(Math.random() * 365 * DAY));
    const article = await articleIn('draft');
    expect(await transitionArticle({ id: article.id, action: 'trash', actor: editor, now: trashedAt })).toMatchObject({ ok: true, article: { trashedAt } });

    expect(await purgeExpiredTrash(new Date(trashedAt.getTime() + 29 * DAY))).not.toContain(article.id);
    expect(await getArticle(article.id)).toMatchObject({ status: 'trashed' });

    expect(await purgeExpiredTrash(new Date(trashedAt.getTime() + 31 * DAY))).toContain(article.id);
    expect(await getArticle(article.id)).toBeNull();
    expect(await listAuditEntries({ objectId: article.id, action: 'article.purge' })).toEqual([expect.objectContaining({ actorId: null, actorLabel: 'Masthead (automatic)' })]);
  });

  it('deleting for good through the action is for admins only', async () => {
    const article = await articleIn('trashed');
    const before = await stateOf(article.id);
    for (const person of [owner, otherWriter, editor]) {
      signIn(person);
      expect(await purgeArticleAction({ id: article.id })).toMatchObject({ ok: false, code: person === otherWriter ? 'not_found' : 'forbidden' });
    }
    expect(await stateOf(article.id)).toEqual(before);

    signIn(admin);
    expect(await purgeArticleAction({ id: article.id })).toEqual({ ok: true, data: null });
    expect(await getArticle(article.id)).toBeNull();
    expect(await listAuditEntries({ objectId: article.id, action: 'article.purge' })).toEqual([expect.objectContaining({ actorId: admin.id })]);
  });

  it('an article that is not in the trash cannot be deleted for good, even by an admin', async () => {
    const article = await articleIn('draft');
    signIn(admin);
    expect(await purgeArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await getArticle(article.id)).toEqual(article);
  });
});

// ------------------------------------------------------------- publication time

describe('the publication date', () => {
  it('an article that was live keeps its first publication date when it is republished after review', async () => {
    const article = await articleIn('draft');
    const first = new Date('2024-03-01T09:00:00Z');
    expect(await transitionArticle({ id: article.id, action: 'publish', actor: editor, now: first })).toMatchObject({ ok: true });
    expect(await transitionArticle({ id: article.id, action: 'unpublish', actor: editor })).toMatchObject({ ok: true });
    expect(await transitionArticle({ id: article.id, action: 'submit', actor: owner })).toMatchObject({ ok: true });
    expect(await transitionArticle({ id: article.id, action: 'publish', actor: editor })).toMatchObject({ ok: true, article: { publishedAt: first } });
  });

  it('a scheduled article whose time has come keeps that time when an editor publishes it by hand', async () => {
    const article = await articleIn('draft');
    const T = new Date(Date.now() - 3 * MINUTE);
    await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: T, now: new Date(T.getTime() - DAY) });
    expect(await transitionArticle({ id: article.id, action: 'publish', actor: editor })).toMatchObject({ ok: true, article: { publishedAt: T } });
  });

  it('a scheduled article published early goes out now, not at its scheduled time', async () => {
    const article = await articleIn('scheduled');
    const before = Date.now();
    const result = await transitionArticle({ id: article.id, action: 'publish', actor: editor });
    expect(result.ok && result.article!.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(result.ok && result.article!.publishedAt!.getTime()).toBeLessThan(article.publishedAt!.getTime());
    expect(await isPublic(article)).toBe(true);
  });

  it('a scheduled article trashed and restored has no publication date left over', async () => {
    const article = await articleIn('scheduled');
    expect(await transitionArticle({ id: article.id, action: 'trash', actor: editor })).toMatchObject({ ok: true });
    expect(await transitionArticle({ id: article.id, action: 'restore', actor: editor })).toMatchObject({ ok: true, article: { status: 'draft', publishedAt: null } });
  });
});
