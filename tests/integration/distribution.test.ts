import { beforeAll, describe, expect, it } from 'vitest';
import { listPublishedArticles } from '@/db/queries/articles';
import { addCorrection } from '@/db/queries/corrections';
import { createImage } from '@/db/queries/images';
import { createUser, type StaffMember } from '@/db/queries/people';
import type { Section } from '@/db/schema';
import { transitionArticle } from '@/db/queries/workflow';
import { feedXml, FEED_ITEMS } from '@/lib/feeds';
import { articleHref, authorHref, sectionHref, tagHref } from '@/lib/paths';
import { absoluteUrl } from '@/lib/site-url';
import { slugify } from '@/lib/slug';
import { listArticleChunks } from '@/db/queries/distribution';
import { newsSitemapXml, sitemapIndexXml, sitemapPartPath, sitemapPartXml, type LoadArticleChunks } from '@/lib/sitemaps';
import { doc, makeArticle, makeSection, makeUser, paragraph, unique } from '../helpers/factories';
import { isRfc822, isW3cDate, readNewsSitemap, readRss, readSitemapIndex, readUrlset } from '../helpers/xml';

const HOUR = 3_600_000;
const SITE = { name: 'The Test Ledger', tagline: 'News for the tests', locale: 'en-GB' };
const articleUrl = (slug: string) => absoluteUrl(articleHref(slug));

let writer: StaffMember;
let colleague: StaffMember;
let editor: StaffMember;
let section: Section;
let tag: string;
/** Published, newest first. */
let published: Awaited<ReturnType<typeof makeArticle>>[];
/** Everything readers must not see, by status. */
let hidden: Record<'draft' | 'review' | 'unpublished' | 'scheduled' | 'trashed', Awaited<ReturnType<typeof makeArticle>>>;
let imageId: string;

beforeAll(async () => {
  [writer, colleague, editor] = await Promise.all([makeUser('writer'), makeUser('writer'), makeUser('editor')]);
  section = await makeSection(unique('Harbour'));
  tag = unique('Dredging');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  imageId = (await createImage({ mimeType: 'image/png', width: 1200, height: 800, data: png, uploadedBy: null })).id;

  const now = Date.now();
  const older = await makeArticle(
    writer.id,
    { headline: 'Dredger arrives & work <begins>', dek: 'The “Silt Queen” docks at dawn.', sectionId: section.id, tags: [tag, 'Port'], bylines: [writer.id, colleague.id] },
    { publish: new Date(now - 3 * HOUR) },
  );
  const newer = await makeArticle(
    writer.id,
    {
      headline: 'Dredging: the first week',
      dek: '',
      sectionId: section.id,
      tags: [tag],
      leadImageId: imageId,
      leadImageAlt: 'The dredger at the quay',
      leadImageCaption: 'The Silt Queen at the north quay.',
      leadImageCredit: 'Photo: Test',
      body: doc(
        paragraph('Crews removed 4,000 tonnes of silt in the first week, the harbour master said.'),
        { type: 'figure', attrs: { src: `/media/${imageId}.png`, alt: 'Silt on the deck', caption: 'Silt', credit: 'Photo: Crew', width: 1200, height: 800 } },
        { type: 'paragraph', content: [{ type: 'text', text: 'Read the ', marks: [] }, { type: 'text', text: 'earlier story', marks: [{ type: 'link', attrs: { href: articleHref(older.slug) } }] }] },
      ),
    },
    { publish: new Date(now - 1 * HOUR) },
  );
  published = [newer, older];

  const draftOf = (label: string) => makeArticle(writer.id, { headline: `${label} ${unique()}`, sectionId: section.id, tags: [tag] });
  const [draft, review, unpublished, scheduled, trashed] = await Promise.all([draftOf('Draft'), draftOf('Review'), draftOf('Unpublished'), draftOf('Scheduled'), draftOf('Trashed')]);
  const move = async (id: string, action: 'submit' | 'publish' | 'unpublish' | 'schedule' | 'trash', actor: StaffMember, publishAt?: Date) => {
    const result = await transitionArticle({ id, action, actor, publishAt });
    if (!result.ok) throw new Error(`${action}: ${result.reason}`);
  };
  await move(review.id, 'submit', writer);
  await move(unpublished.id, 'publish', editor);
  await move(unpublished.id, 'unpublish', editor);
  await move(scheduled.id, 'schedule', editor, new Date(now + 2 * HOUR));
  await move(trashed.id, 'trash', writer);
  hidden = { draft, review, unpublished, scheduled, trashed };
});

const hiddenUrls = () => Object.values(hidden).map((a) => articleUrl(a.slug));

describe('RSS feeds', () => {
  it('a section feed lists exactly its published articles, newest first, with every item field', async () => {
    const feed = readRss((await feedXml({ kind: 'section', slug: section.slug }, SITE))!);
    expect(feed).toMatchObject({
      version: '2.0',
      title: `${section.name} · ${SITE.name}`,
      link: absoluteUrl(sectionHref(section.slug)),
      language: 'en-gb',
      self: { href: absoluteUrl(`/sections/${section.slug}/feed.xml`), rel: 'self', type: 'application/rss+xml' },
    });
    expect(isRfc822(feed.lastBuildDate)).toBe(true);
    expect(feed.items.map((i) => i.link)).toEqual(published.map((a) => articleUrl(a.slug)));

    const [newer, older] = feed.items;
    expect(older).toMatchObject({
      title: 'Dredger arrives & work <begins>',
      guid: articleUrl(published[1].slug),
      guidIsPermaLink: 'true',
      creators: [writer.name, colleague.name],
      categories: [section.name, tag, 'Port'],
      description: 'The “Silt Queen” docks at dawn.',
    });
    expect(new Date(older.pubDate).getTime()).toBe(Math.floor(published[1].publishedAt!.getTime() / 1000) * 1000);
    expect(older.pubDate).toBe(published[1].publishedAt!.toUTCString());
    expect(older.content).toBe('<p>The harbour board met on Tuesday.</p>');

    // No dek: the description is the start of the text. The content is the page's: lead image, body, absolute URLs.
    expect(newer.description).toBe('Crews removed 4,000 tonnes of silt in the first week, the harbour master said. Silt Photo: Crew Read the earlier story');
    expect(newer.content).toContain(`<figure><img src="${absoluteUrl(`/media/${imageId}.png`)}" alt="The dredger at the quay" width="1200" height="800"><figcaption>The Silt Queen at the north quay. Photo: Test</figcaption></figure>`);
    expect(newer.content).toContain(`<img src="${absoluteUrl(`/media/${imageId}.png`)}" alt="Silt on the deck"`);
    expect(newer.content).toContain(`<a href="${articleUrl(published[1].slug)}">earlier story</a>`);
    expect(newer.content).not.toMatch(/srcset|_next\/image|(src|href)="\//);
  });

  it('a tag feed and an author feed list exactly their published articles', async () => {
    const byTag = readRss((await feedXml({ kind: 'tag', slug: slugify(tag) }, SITE))!);
    expect(byTag.title).toBe(`${tag} · ${SITE.name}`);
    expect(byTag.link).toBe(absoluteUrl(tagHref(slugify(tag))));
    expect(byTag.items.map((i) => i.link)).toEqual(published.map((a) => articleUrl(a.slug)));

    // The colleague is credited on the older article only; the writer owns the drafts too.
    const byColleague = readRss((await feedXml({ kind: 'author', slug: colleague.slug }, SITE))!);
    expect(byColleague.title).toBe(`${colleague.name} · ${SITE.name}`);
    expect(byColleague.link).toBe(absoluteUrl(authorHref(colleague.slug)));
    expect(byColleague.items.map((i) => i.link)).toEqual([articleUrl(published[1].slug)]);
    const byWriter = readRss((await feedXml({ kind: 'author', slug: writer.slug }, SITE))!);
    expect(byWriter.items.map((i) => i.link)).toEqual(published.map((a) => articleUrl(a.slug)));
  });

  it('the site feed has the newest public articles and nothing readers cannot see', async () => {
    const feed = readRss((await feedXml({ kind: 'site' }, SITE))!);
    expect(feed).toMatchObject({ title: SITE.name, link: absoluteUrl('/'), description: SITE.tagline, self: { href: absoluteUrl('/feed.xml') } });
    expect(feed.items.length).toBeLessThanOrEqual(FEED_ITEMS);
    const links = feed.items.map((i) => i.link);
    for (const url of hiddenUrls()) expect(links).not.toContain(url);
    const dates = feed.items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of feed.items) expect(isRfc822(item.pubDate)).toBe(true);
  });

  it('unknown sections, tags and people have no feed; nor a tag used only on drafts, nor someone with nothing public', async () => {
    expect(await feedXml({ kind: 'section', slug: unique('no-section') }, SITE)).toBeNull();
    expect(await feedXml({ kind: 'tag', slug: unique('no-tag') }, SITE)).toBeNull();
    expect(await feedXml({ kind: 'author', slug: unique('nobody') }, SITE)).toBeNull();
    const secretTag = unique('Secret merger');
    await makeArticle(writer.id, { tags: [secretTag] });
    expect(await feedXml({ kind: 'tag', slug: slugify(secretTag) }, SITE)).toBeNull();
    const quiet = await makeUser('writer');
    await makeArticle(quiet.id, {});
    expect(await feedXml({ kind: 'author', slug: quiet.slug }, SITE)).toBeNull();
    // With a bio, the person has a public page, so an (empty) feed too.
    const slug = unique('columnist');
    await createUser({ name: 'New Columnist', email: `${slug}@example.test`, slug, role: 'writer', passwordHash: 'x', bio: 'Writes on Fridays.' });
    expect(readRss((await feedXml({ kind: 'author', slug }, SITE))!).items).toEqual([]);
    // An empty section has a valid, empty feed.
    const empty = await makeSection();
    expect(readRss((await feedXml({ kind: 'section', slug: empty.slug }, SITE))!).items).toEqual([]);
  });

  it('markup, CDATA terminators and control characters cannot break the XML', async () => {
    const nasty = await makeSection(`Odd ]]> <section> & “quotes” ${unique()}`);
    const headline = 'Bell\u0007 rings ]]> twice & <b>loudly</b> \'here\' "there"';
    await makeArticle(
      writer.id,
      { headline, dek: 'A ]]> in the dek', sectionId: nasty.id, tags: ['<script>alert(1)</script>'], body: doc(paragraph('Body with ]]> and <![CDATA[ inside & more.')) },
      { publish: true },
    );
    const xml = (await feedXml({ kind: 'section', slug: nasty.slug }, SITE))!;
    const feed = readRss(xml);
    expect(feed.title).toBe(`${nasty.name} · ${SITE.name}`);
    const [item] = feed.items;
    expect(item.title).toBe(headline.replace('\u0007', ''));
    // Readers take a description as HTML: the dek's text arrives HTML-escaped.
    expect(item.description).toBe('A ]]&gt; in the dek');
    expect(item.categories).toEqual([nasty.name, '<script>alert(1)</script>']);
    expect(item.content).toBe('<p>Body with ]]&gt; and &lt;![CDATA[ inside &amp; more.</p>');
    expect(xml).not.toContain('<script>');
  });
});

/**
 * Every URL of the sitemap files listed by the index, and the index's entries.
 * With `loadChunks`, each file starts from the end of the one before, as the
 * app's cached files do (lib/cache/distribution.ts); without, from its offset.
 */
async function crawl(size?: number, loadChunks?: LoadArticleChunks) {
  const index = readSitemapIndex(await sitemapIndexXml(size, loadChunks));
  const parts: string[][] = [];
  /** The newest lastmod listed in each file, if any. */
  const newest: (string | undefined)[] = [];
  for (let n = 1; n <= index.length; n++) {
    const xml = await sitemapPartXml(n, size, loadChunks);
    if (!xml) throw new Error(`sitemap ${n} missing`);
    const urls = readUrlset(xml);
    for (const url of urls) if (url.lastmod !== undefined) expect(isW3cDate(url.lastmod)).toBe(true);
    parts.push(urls.map((u) => u.loc));
    newest.push(urls.map((u) => u.lastmod).filter((d): d is string => Boolean(d)).sort().at(-1));
  }
  return { index, parts, newest, urls: parts.flat() };
}

/** The public article URLs, by the reader-site query rather than the sitemap's own. */
const publicArticleUrls = async () => (await listPublishedArticles({ limit: 100_000 })).map((a) => articleUrl(a.slug)).sort();

/**
 * Other test files publish and unpublish at the same time on the same database:
 * compare only when nothing changed while the sitemap was read.
 */
async function whileQuiet<T>(read: () => Promise<T>, check: (value: T, before: string[]) => void) {
  for (let attempt = 1; ; attempt++) {
    const before = await publicArticleUrls();
    const value = await read();
    const after = await publicArticleUrls();
    if (before.join() === after.join()) return check(value, before);
    if (attempt === 10) throw new Error('the public articles kept changing');
  }
}

describe('sitemaps', () => {
  it('the index points at files that list the home page, listing pages and exactly the public articles', async () => {
    await whileQuiet(crawl, ({ index, urls }, publicUrls) => {
      expect(index).toEqual([{ loc: absoluteUrl(sitemapPartPath(1)), lastmod: expect.any(String) }]);
      expect(urls[0]).toBe(absoluteUrl('/'));
      expect(new Set(urls).size).toBe(urls.length);
      const articles = urls.filter((u) => u.startsWith(absoluteUrl('/articles/')));
      expect(articles.sort()).toEqual(publicUrls);
    });
    const { urls } = await crawl();
    for (const url of published.map((a) => articleUrl(a.slug))) expect(urls).toContain(url);
    for (const url of hiddenUrls()) expect(urls).not.toContain(url);
    for (const path of [sectionHref(section.slug), tagHref(slugify(tag)), tagHref('port'), authorHref(writer.slug), authorHref(colleague.slug)]) {
      expect(urls).toContain(absoluteUrl(path));
    }
    // A tag only drafts use, and someone with nothing public, are not listed.
    const secretTag = unique('Unannounced');
    const quiet = await makeUser('writer');
    await makeArticle(quiet.id, { tags: [secretTag] });
    const again = (await crawl()).urls;
    expect(again).not.toContain(absoluteUrl(tagHref(slugify(secretTag))));
    expect(again).not.toContain(absoluteUrl(authorHref(quiet.slug)));
  });

  it('lastmod is when readers last saw a change: the section’s newest article', async () => {
    const { parts } = await crawl();
    const xml = (await sitemapPartXml(1))!;
    const entry = readUrlset(xml).find((u) => u.loc === absoluteUrl(sectionHref(section.slug)));
    expect(parts.length).toBe(1);
    expect(entry?.lastmod).toBe(published[0].publishedAt!.toISOString());
    const older = readUrlset(xml).find((u) => u.loc === articleUrl(published[1].slug));
    expect(older?.lastmod).toBe(published[1].publishedAt!.toISOString());
  });

  it('tag and author pages are listed without a lastmod; the home page carries the newest change of all', async () => {
    const xml = (await sitemapPartXml(1))!;
    const urls = readUrlset(xml);
    const tagEntry = urls.find((u) => u.loc === absoluteUrl(tagHref(slugify(tag))));
    const authorEntry = urls.find((u) => u.loc === absoluteUrl(authorHref(writer.slug)));
    expect(tagEntry).toBeDefined();
    expect(tagEntry?.lastmod).toBeUndefined();
    expect(authorEntry).toBeDefined();
    expect(authorEntry?.lastmod).toBeUndefined();
    const home = urls.find((u) => u.loc === absoluteUrl('/'));
    const newest = urls.map((u) => u.lastmod).filter((d): d is string => Boolean(d)).sort().at(-1);
    expect(home?.lastmod).toBe(newest);
  });

  it('splits into files of at most the given size under one index, losing and repeating nothing', async () => {
    const size = 7;
    await whileQuiet(
      async () => ({ whole: (await crawl()).urls, split: await crawl(size) }),
      ({ whole, split }) => {
        expect(split.index.length).toBe(Math.ceil(whole.length / size));
        expect(split.index.map((s) => s.loc)).toEqual(split.index.map((_, i) => absoluteUrl(`/sitemaps/${i + 1}.xml`)));
        for (const part of split.parts) expect(part.length).toBeLessThanOrEqual(size);
        for (const part of split.parts.slice(0, -1)) expect(part.length).toBe(size);
        expect(split.urls).toEqual(whole);
        for (const s of split.index) expect(isW3cDate(s.lastmod!)).toBe(true);
        // Each file's lastmod in the index is the newest change among its URLs
        // (a file of tag and author pages only: the home page's, the newest of all).
        expect(split.index.map((s) => s.lastmod)).toEqual(split.newest.map((d) => d ?? split.newest[0]));
      },
    );
    const files = readSitemapIndex(await sitemapIndexXml(size)).length;
    expect(await sitemapPartXml(files + 1, size)).toBeNull();
    expect(await sitemapPartXml(0, size)).toBeNull();
    expect(files).toBeGreaterThan(1);
  });

  it('the index dates each file by the newest change among its articles, a correction included', async () => {
    // Older than the other articles, so they fill several files of articles only, in this order.
    const start = Date.now() - 1_000 * HOUR;
    const archive: Awaited<ReturnType<typeof makeArticle>>[] = [];
    for (let i = 0; i < 10; i++) archive.push(await makeArticle(writer.id, { headline: `Archive ${i} ${unique()}` }, { publish: new Date(start + i * HOUR) }));
    expect((await addCorrection({ articleId: archive[2].id, kind: 'correction', body: 'A date was wrong.', actor: editor })).ok).toBe(true);
    for (const size of [3, 4, 5]) {
      await whileQuiet(
        () => crawl(size),
        ({ index, parts, newest }) => {
          expect(parts.filter((part) => part.some((url) => archive.some((a) => url === articleUrl(a.slug)))).length).toBeGreaterThan(2);
          expect(index.map((s) => s.lastmod)).toEqual(newest.map((d) => d ?? newest[0]));
        },
      );
    }
  });
});

describe('sitemap files from the end of the file before', () => {
  it('are the same files as those found by walking from the first article, ties in publication time included', async () => {
    // Articles published at the very same moment are ordered by id, across file boundaries too.
    const moment = new Date(Date.now() - 2_000 * HOUR);
    for (let i = 0; i < 5; i++) await makeArticle(writer.id, { headline: `Same moment ${i} ${unique()}` }, { publish: moment });
    for (const size of [2, 3, 5, 8]) {
      await whileQuiet(
        async () => ({ walked: await crawl(size), stepped: await crawl(size, listArticleChunks) }),
        ({ walked, stepped }) => {
          expect(stepped.index).toEqual(walked.index);
          expect(stepped.parts).toEqual(walked.parts);
        },
      );
      const files = readSitemapIndex(await sitemapIndexXml(size)).length;
      expect(await sitemapPartXml(files + 1, size, listArticleChunks)).toBeNull();
      expect(await sitemapPartXml(files + 2, size, listArticleChunks)).toBeNull();
    }
    // Files of 2 URLs over every public article of the shared test database: hundreds of small
    // reads while other files write articles beside it. Slow on a loaded machine, never stuck.
  }, 120_000);
});

describe('the Google News sitemap', () => {
  it('lists the public articles of the last 48 hours with the publication’s name and language', async () => {
    const now = Date.now();
    const recent = await makeArticle(writer.id, { headline: `Ferry & tug “news” ${unique()}` }, { publish: new Date(now - 47 * HOUR) });
    const old = await makeArticle(writer.id, { headline: `Old ${unique()}` }, { publish: new Date(now - 49 * HOUR) });
    const entries = readNewsSitemap(await newsSitemapXml(SITE));
    const locs = entries.map((e) => e.loc);
    expect(entries.find((e) => e.loc === articleUrl(recent.slug))).toEqual({
      loc: articleUrl(recent.slug),
      name: SITE.name,
      language: 'en',
      publicationDate: recent.publishedAt!.toISOString(),
      title: recent.headline,
    });
    for (const a of published) expect(locs).toContain(articleUrl(a.slug));
    expect(locs).not.toContain(articleUrl(old.slug));
    for (const url of hiddenUrls()) expect(locs).not.toContain(url);
    for (const e of entries) expect(Date.parse(e.publicationDate)).toBeGreaterThanOrEqual(now - 48 * HOUR - 60_000);
  });
});
