/**
 * Publish to live: how long after an action's response readers are served the
 * change, on every page that shows it. Each change goes through the app's own
 * server actions, signed in as demo staff; the database is only read, to find
 * the ids and versions an editor's browser would already have.
 */
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/demo-staff';
import { SITE_DEFAULTS } from '../../lib/settings/site-schema';
import { StaffClient } from './staff';

export interface LiveResult {
  change: string;
  page: string;
  /** Milliseconds from the action's response to the first response showing the change; null if not within the limit. */
  ms: number | null;
  /** With `warm`: what the reader side served just before the change. */
  before?: {
    /** The page already showed the change (the figure then means nothing). */
    changed: boolean;
    /** Its `x-nextjs-cache` header (HIT when served from the page cache), or null. */
    cache: string | null;
  };
}

export interface LiveOptions {
  /**
   * Where readers are served, and polled: another app instance sharing the
   * cache, or nginx in front. Default: the origin the actions are sent to.
   */
  readOrigin?: string;
  /**
   * Before each change, load each page it should show on twice from
   * `readOrigin`, so that it is cached there, and record whether it already
   * shows the change (`before`). Default false.
   */
  warm?: boolean;
  /** How long to wait for a page to show a change. Default 15 s. */
  limitMs?: number;
}

const POLL_MS = 20;
const LIMIT_MS = 15_000;

type Test = (body: string, status: number, page: string) => boolean;

async function waitFor(origin: string, page: string, test: Test, since: number, limitMs = LIMIT_MS): Promise<number | null> {
  for (;;) {
    const response = await fetch(`${origin}${page}`, { headers: { 'Cache-Control': 'no-cache' } });
    const body = await response.text();
    if (test(body, response.status, page)) return Math.round(performance.now() - since);
    if (performance.now() - since > limitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Loads each page twice (the second from the cache, if it caches), and tells what the last response showed. */
async function warm(origin: string, pages: string[], test: Test): Promise<Map<string, NonNullable<LiveResult['before']>>> {
  const out = new Map<string, NonNullable<LiveResult['before']>>();
  await Promise.all(
    pages.map(async (page) => {
      let response: Response | undefined;
      let body = '';
      for (let i = 0; i < 2; i++) {
        response = await fetch(`${origin}${page}`);
        body = await response.text();
      }
      out.set(page, { changed: test(body, response!.status, page), cache: response!.headers.get('x-nextjs-cache') });
    }),
  );
  return out;
}

interface Target {
  /** Where the pages are read. */
  readOrigin: string;
  warm: boolean;
  limitMs: number;
}

/** Runs `act`, then times each page until `test` holds on it. */
async function measure(target: Target, change: string, pages: string[], act: () => Promise<unknown>, test: Test): Promise<LiveResult[]> {
  const before = target.warm ? await warm(target.readOrigin, pages, test) : null;
  await act();
  const since = performance.now();
  return Promise.all(
    pages.map(async (page) => ({
      change,
      page,
      ms: await waitFor(target.readOrigin, page, test, since, target.limitMs),
      ...(before ? { before: before.get(page) } : {}),
    })),
  );
}

interface ArticleRow {
  id: string;
  version: number;
  headline: string;
  dek: string;
  slug: string;
  section_id: string | null;
  section_slug: string | null;
  lead_image_id: string | null;
  lead_image_caption: string;
  lead_image_credit: string;
  lead_image_alt: string;
  body: unknown;
  author_slug: string;
}

async function loadArticle(db: pg.Client, slug: string) {
  const { rows } = await db.query<ArticleRow>(
    `select a.id, a.version, a.headline, a.dek, a.slug, a.section_id, s.slug as section_slug, a.lead_image_id, a.lead_image_caption,
            a.lead_image_credit, a.lead_image_alt, a.body, u.slug as author_slug
       from articles a join users u on u.id = a.author_id left join sections s on s.id = a.section_id where a.slug = $1`,
    [slug],
  );
  if (!rows[0]) throw new Error(`no article ${slug}: the bench needs the demo newsroom`);
  const tags = await db.query<{ name: string; slug: string }>(
    'select t.name, t.slug from article_tags x join tags t on t.id = x.tag_id where x.article_id = $1 order by x.position',
    [rows[0].id],
  );
  return { ...rows[0], tags: tags.rows };
}

/**
 * Makes each kind of change through the app at `origin` and times it on every
 * page that shows it, read from `options.readOrigin` (default: the same app).
 */
export async function measurePublishToLive(origin: string, databaseUrl: string, options: LiveOptions = {}): Promise<LiveResult[]> {
  const target: Target = { readOrigin: options.readOrigin ?? origin, warm: options.warm ?? false, limitMs: options.limitMs ?? LIMIT_MS };
  const reader = target.readOrigin;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const editor = new StaffClient(origin);
  const admin = new StaffClient(origin);
  await editor.signIn(DEMO_STAFF.editor.email, DEMO_PASSWORD);
  await admin.signIn(DEMO_STAFF.admin.email, DEMO_PASSWORD);
  const token = Date.now().toString(36);
  const results: LiveResult[] = [];
  try {
    // 1. Editing a published article's headline.
    const a = await loadArticle(db, 'harbour-dredging-to-begin-in-march');
    const listing = ['/', `/sections/${a.section_slug}`, `/tags/${a.tags[0].slug}`, `/authors/${a.author_slug}`, '/feed.xml', '/latest'];
    const showing = [];
    for (const page of listing) if ((await (await fetch(`${reader}${page}`)).text()).includes(a.slug)) showing.push(page);
    const headline = `${a.headline} (bench ${token})`;
    const save = (fields: Partial<ArticleRow>, version: number) =>
      editor.action(`/dashboard/articles/${a.id}`, 'saveArticleAction', [
        {
          id: a.id,
          baseVersion: version,
          headline: fields.headline ?? a.headline,
          dek: a.dek,
          slug: a.slug,
          slugAuto: false,
          sectionId: a.section_id,
          tags: a.tags.map((t) => t.name),
          leadImageId: a.lead_image_id,
          leadImageCaption: a.lead_image_caption,
          leadImageCredit: a.lead_image_credit,
          leadImageAlt: a.lead_image_alt,
          body: a.body,
        },
      ]);
    results.push(...(await measure(target, 'edit a published headline', [`/articles/${a.slug}`, ...showing], () => save({ headline }, a.version), (body) => body.includes(`bench ${token}`))));

    // 2. A correction on that article.
    const note = `Bench correction ${token}: the figure was 140,000, not 14,000.`;
    results.push(
      ...(await measure(target, 'add a correction', [`/articles/${a.slug}`, '/corrections'], () => editor.action(`/dashboard/articles/${a.id}`, 'addCorrectionAction', [{ articleId: a.id, kind: 'correction', body: note }]), (body) => body.includes(`Bench correction ${token}`))),
    );

    // 3. Publishing a draft.
    const d = await loadArticle(db, 'council-to-consult-on-old-quay-parking-zone');
    const isArticle = (page: string) => page.startsWith('/articles/');
    const live: Test = (body, status, page) => (isArticle(page) ? status === 200 && !body.includes('no longer available') : body.includes(d.slug));
    const gone: Test = (body, _status, page) => (isArticle(page) ? body.includes('no longer available') : !body.includes(d.slug));
    const dPages = [`/articles/${d.slug}`, '/', `/sections/${d.section_slug}`, `/tags/${d.tags[0].slug}`, `/authors/${d.author_slug}`, '/feed.xml', '/news-sitemap.xml'];
    results.push(...(await measure(target, 'publish a draft', dPages, () => editor.action(`/dashboard/articles/${d.id}`, 'publishArticleAction', [{ id: d.id }]), live)));

    // 4. Unpublishing it again.
    results.push(
      ...(await measure(target, 'unpublish', dPages, () => editor.action(`/dashboard/articles/${d.id}`, 'unpublishArticleAction', [{ id: d.id }]), gone)),
    );

    // 5. Scheduling it a few seconds ahead: time from the scheduled moment.
    const at = new Date(Date.now() + 3_000);
    await editor.action(`/dashboard/articles/${d.id}`, 'scheduleArticleAction', [{ id: d.id, publishAt: at.toISOString() }]);
    const sPages = [`/articles/${d.slug}`, '/', '/feed.xml'];
    const sBefore = target.warm ? await warm(reader, sPages, live) : null;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));
    const scheduledSince = performance.now();
    for (const page of sPages) {
      const ms = await waitFor(reader, page, live, scheduledSince, target.limitMs);
      results.push({ change: 'scheduled publication (from its time)', page, ms, ...(sBefore ? { before: sBefore.get(page) } : {}) });
    }

    // 6. A settings change: the newsroom's tagline is in every page's footer.
    const stored = (await db.query<{ value: Record<string, unknown> }>(`select value from settings where key = 'site'`)).rows[0]?.value ?? {};
    const current = { ...SITE_DEFAULTS, ...stored };
    const tagline = `Independent news, measured ${token}`;
    const input = { name: current.name, tagline, logoImageId: current.logoImageId, timeZone: current.timeZone, supportText: current.supportText, sectionOrder: current.sectionOrder };
    results.push(...(await measure(target, 'change a site setting', ['/', `/articles/${a.slug}`, `/sections/${a.section_slug}`], () => admin.action('/dashboard/settings', 'updateSiteSettingsAction', [input]), (body) => body.includes(`measured ${token}`))));
    await admin.action('/dashboard/settings', 'updateSiteSettingsAction', [{ ...input, tagline: current.tagline }]);
  } finally {
    await db.end();
  }
  return results;
}
