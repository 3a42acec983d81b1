import { beforeAll, describe, expect, it } from 'vitest';
import { listPublishedArticles } from '@/db/queries/articles';
import type { StaffMember } from '@/db/queries/people';
import { searchArticles, toSegments, type HighlightSegment } from '@/db/queries/search';
import { transitionArticle } from '@/db/queries/workflow';
import { SEARCH_MAX_LENGTH, searchQuerySchema } from '@/lib/validation/search';
import { doc, makeArticle, makeUser, paragraph } from '../helpers/factories';

let writer: StaffMember;
let editor: StaffMember;
beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser('writer'), makeUser('editor')]);
});

const HOUR = 3_600_000;

/** A made-up word no other test's article contains, so results are exactly ours. */
function word(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let out = 'zq';
  for (let i = 0; i < 9; i++) out += letters[Math.floor(Math.random() * letters.length)];
  return out;
}

const text = (segments: HighlightSegment[]) => segments.map((s) => s.text).join('');
const matched = (segments: HighlightSegment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());
const ids = async (query: string) => (await searchArticles(query)).hits.map((h) => h.id);

describe('what search finds', () => {
  it('a word from the body finds the published article, with the word highlighted in a snippet', async () => {
    const w = word();
    const filler = 'The harbour board met on Tuesday to discuss the long list of repairs along the old quay wall and the slipway.';
    const article = await makeArticle(
      writer.id,
      { headline: 'Quay repairs agreed', dek: 'Work starts in spring.', body: doc(paragraph(filler), paragraph(`Divers found ${w} growing on the lower stones.`), paragraph(filler)) },
      { publish: true },
    );
    const results = await searchArticles(w);
    expect(results).toMatchObject({ searchable: true, total: 1 });
    const [hit] = results.hits;
    expect(hit).toMatchObject({ id: article.id, slug: article.slug, headline: 'Quay repairs agreed', dek: 'Work starts in spring.' });
    expect(hit.authors).toEqual([{ name: writer.name, slug: writer.slug }]);
    expect(hit.section).not.toBeNull();
    expect(matched(hit.snippet)).toEqual([w]);
    // The passage is cut from the middle of the text, and says so.
    expect(hit.snippet[0]).toEqual({ text: '… ', match: false });
    expect(hit.snippet.at(-1)).toEqual({ text: ' …', match: false });
    expect(text(hit.snippet)).toContain(`Divers found ${w} growing`);
  });

  it('stemming: a different form of the word finds the article', async () => {
    const article = await makeArticle(writer.id, { body: doc(paragraph('The lifeboat crews were rescuing walkers cut off by the zqflooding tide.')) }, { publish: true });
    expect(await ids('rescued walker')).toContain(article.id);
  });

  it('ranks a match in the headline above one in the dek, and the dek above the body, whatever their age', async () => {
    const w = word();
    const now = Date.now();
    const inBody = await makeArticle(writer.id, { headline: 'Body match', body: doc(paragraph(`A note on ${w}.`)) }, { publish: new Date(now - 1 * HOUR) });
    const inDek = await makeArticle(writer.id, { headline: 'Dek match', dek: `All about ${w}`, body: doc(paragraph('Nothing here.')) }, { publish: new Date(now - 2 * HOUR) });
    const inHeadline = await makeArticle(writer.id, { headline: `The ${w} question`, body: doc(paragraph('Nothing here.')) }, { publish: new Date(now - 3 * HOUR) });
    expect(await ids(w)).toEqual([inHeadline.id, inDek.id, inBody.id]);
  });

  it('on equal rank the newer article comes first', async () => {
    const w = word();
    const now = Date.now();
    const older = await makeArticle(writer.id, { headline: `Older ${w}` }, { publish: new Date(now - 5 * HOUR) });
    const newer = await makeArticle(writer.id, { headline: `Newer ${w}` }, { publish: new Date(now - 1 * HOUR) });
    expect(await ids(w)).toEqual([newer.id, older.id]);
  });

  it('a word only in a draft, in review, unpublished, scheduled for later or trashed article finds nothing', async () => {
    const words = { draft: word(), review: word(), unpublished: word(), scheduled: word(), trashed: word() };
    const make = (w: string) => makeArticle(writer.id, { headline: `Not for readers ${w}`, body: doc(paragraph(`Secret ${w} plans.`)) });

    await make(words.draft);
    const review = await make(words.review);
    expect((await transitionArticle({ id: review.id, action: 'submit', actor: writer })).ok).toBe(true);
    const unpublished = await makeArticle(writer.id, { body: doc(paragraph(`Withdrawn ${words.unpublished} story.`)) }, { publish: true });
    expect(await ids(words.unpublished)).toEqual([unpublished.id]);
    expect((await transitionArticle({ id: unpublished.id, action: 'unpublish', actor: editor })).ok).toBe(true);
    const scheduled = await make(words.scheduled);
    expect((await transitionArticle({ id: scheduled.id, action: 'schedule', actor: editor, publishAt: new Date(Date.now() + 24 * HOUR) })).ok).toBe(true);
    const trashed = await make(words.trashed);
    expect((await transitionArticle({ id: trashed.id, action: 'trash', actor: writer })).ok).toBe(true);

    for (const w of Object.values(words)) {
      expect(await searchArticles(w), w).toEqual({ searchable: true, total: 0, more: false, hits: [] });
    }
  });

  it('a scheduled article whose time has come is found even before the scheduler publishes it', async () => {
    const w = word();
    const article = await makeArticle(writer.id, { body: doc(paragraph(`Due ${w} today.`)) });
    const now = new Date(Date.now() - 2 * HOUR);
    const scheduled = await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: new Date(Date.now() - HOUR), now });
    expect(scheduled.ok && scheduled.article?.status).toBe('scheduled');
    expect(await ids(w)).toEqual([article.id]);
  });

  it('web-search syntax: a quoted phrase, "or" and a minus word', async () => {
    const [a, b] = [word(), word()];
    const both = await makeArticle(writer.id, { body: doc(paragraph(`The ${a} ${b} report.`)) }, { publish: true });
    const apart = await makeArticle(writer.id, { body: doc(paragraph(`The ${b} and then the ${a}.`)) }, { publish: true });
    expect(await ids(`"${a} ${b}"`)).toEqual([both.id]);
    expect((await ids(`${a} -"${a} ${b}"`)).sort()).toEqual([apart.id]);
    expect((await ids(`${a} or ${word()}`)).sort()).toEqual([both.id, apart.id].sort());
  });

  it('counts every match and pages through them', async () => {
    const w = word();
    const now = Date.now();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeArticle(writer.id, { headline: `Story ${i} ${w}` }, { publish: new Date(now - i * HOUR) }));
    const first = await searchArticles(w, { limit: 2, offset: 0 });
    const third = await searchArticles(w, { limit: 2, offset: 4 });
    const beyond = await searchArticles(w, { limit: 2, offset: 10 });
    expect(first.total).toBe(5);
    expect(first.hits.map((h) => h.id)).toEqual([made[0].id, made[1].id]);
    expect(third.hits.map((h) => h.id)).toEqual([made[4].id]);
    expect(beyond).toMatchObject({ total: 5, more: false, hits: [] });

    // Past the count limit, the total is the limit and the pages stop there.
    const capped = await searchArticles(w, { limit: 2, offset: 2, countLimit: 3 });
    expect(capped).toMatchObject({ total: 3, more: true });
    expect(capped.hits.map((h) => h.id)).toEqual([made[2].id]);
    expect(await searchArticles(w, { limit: 2, offset: 4, countLimit: 3 })).toMatchObject({ total: 3, more: true, hits: [] });
    expect(await searchArticles(w, { countLimit: 5 })).toMatchObject({ total: 5, more: false });
  });

  it('past the count limit, only the newest matches are ranked: an older better match gives way', async () => {
    const w = word();
    const now = Date.now();
    const oldHeadline = await makeArticle(writer.id, { headline: `The ${w} inquiry` }, { publish: new Date(now - 50 * HOUR) });
    const newer = [];
    for (let i = 1; i <= 3; i++) newer.push(await makeArticle(writer.id, { body: doc(paragraph(`A word on ${w}, number ${i}.`)) }, { publish: new Date(now - i * HOUR) }));
    // Within the limit every match is ranked: the headline match leads, whatever its age.
    expect((await searchArticles(w, { countLimit: 10 })).hits[0].id).toBe(oldHeadline.id);
    // Four matches, a limit of three: the newest three are ranked and the oldest is left out.
    const capped = await searchArticles(w, { countLimit: 3 });
    expect(capped).toMatchObject({ total: 3, more: true });
    expect(capped.hits.map((h) => h.id).sort()).toEqual(newer.map((a) => a.id).sort());
  });

  it('uses the dek as the snippet when only the headline or dek matched', async () => {
    const w = word();
    await makeArticle(writer.id, { headline: `${w} in the headline`, dek: 'A short dek for readers.', body: doc(paragraph('Body without the word.')) }, { publish: true });
    const [hit] = (await searchArticles(w)).hits;
    expect(matched(hit.headlineSegments)).toEqual([w]);
    expect(text(hit.snippet)).toBe('A short dek for readers.');
  });
});

describe('queries with nothing to search for', () => {
  it('stop words only, punctuation only or nothing at all return no results and no error', async () => {
    for (const query of ['the', 'The and of a', '!!! ,,, ;;', '""', '-', 'or', '   ']) {
      expect(await searchArticles(query), query).toEqual({ searchable: false, total: 0, more: false, hits: [] });
    }
  });

  it('a search longer than the limit is refused by the query and explained by the form schema', async () => {
    const long = 'harbour '.repeat(40);
    expect(long.trim().length).toBeGreaterThan(SEARCH_MAX_LENGTH);
    await expect(searchArticles(long.slice(0, SEARCH_MAX_LENGTH + 1))).rejects.toThrow(RangeError);
    const parsed = searchQuerySchema.safeParse(long);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(`Keep your search to ${SEARCH_MAX_LENGTH} characters or fewer.`);
    expect(searchQuerySchema.parse('  harbour \n\t wall  ')).toBe('harbour wall');
  });
});

describe('hostile input', () => {
  it('SQL in the search box is just words', async () => {
    const before = (await listPublishedArticles({ limit: 5 })).length;
    for (const query of ["'); drop table articles; --", "' or 1=1 --", 'harbour\\', "a' | 'b", '!(&|:*)', "'"]) {
      const results = await searchArticles(query);
      expect(results.total, query).toBeGreaterThanOrEqual(0);
    }
    expect((await listPublishedArticles({ limit: 5 })).length).toBe(before);
  });

  it('markup in an article or in the search stays text in the highlight', async () => {
    const w = word();
    const headline = `Council <script>alert("x")</script> & <b>${w}</b> row`;
    const article = await makeArticle(writer.id, { headline, body: doc(paragraph(`The clerk wrote <img src=x onerror=alert(1)> & ${w} in the minutes.`)) }, { publish: true });
    const [hit] = (await searchArticles(w)).hits;
    expect(hit?.id).toBe(article.id);
    // The headline comes back character for character, as text runs; the match is its own run.
    expect(text(hit.headlineSegments)).toBe(headline);
    expect(hit.headlineSegments).toContainEqual({ text: w, match: true });
    expect(text(hit.snippet)).toContain(`& ${w} in the minutes`);
    expect(matched(hit.snippet)).toEqual([w]);
    // Tags are not words to PostgreSQL's parser: a search made of markup looks for "script", harmlessly.
    for (const query of [`<script>alert(1)</script>`, `<b>${w}</b>`, `${w} <img src=x onerror=alert(1)>`]) {
      await expect(searchArticles(query), query).resolves.toMatchObject({ searchable: true });
    }
  });

  it('an article cannot fake a highlight with the marker characters', async () => {
    const w = word();
    await makeArticle(writer.id, { headline: `Odd \uE000fake\uE001 ${w}` }, { publish: true });
    const [hit] = (await searchArticles(w)).hits;
    expect(hit.headlineSegments.filter((s) => s.match)).toEqual([{ text: w, match: true }]);
    expect(text(hit.headlineSegments)).toBe(`Odd fake ${w}`);
  });
});

describe('toSegments', () => {
  it('splits marked text into runs and collapses whitespace', () => {
    expect(toSegments('a \uE000b\uE001 c\n\nd \uE000e\uE001')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c d ', match: false },
      { text: 'e', match: true },
    ]);
    expect(toSegments('')).toEqual([]);
  });
});
