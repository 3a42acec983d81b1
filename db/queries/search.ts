import { and, count, desc, eq, sql } from 'drizzle-orm';
import { SEARCH_MAX_LENGTH } from '@/lib/validation/search';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '../client';
import { articles } from '../schema';
import { isPublic, summaryColumns, toSummaries, withPublicJoins, type PublicArticleSummary } from './articles';

/**
 * Full-text search over public articles: PostgreSQL's own parser
 * (websearch_to_tsquery: quoted phrases, "or", -exclusions), matched against the
 * generated `search_vector` (headline A, dek B, body C) through its GIN index.
 */

/** A run of text, and whether it matched the search. Rendered as text by React: never as HTML. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchHit extends PublicArticleSummary {
  headlineSegments: HighlightSegment[];
  /** The passage(s) that matched, from the body, or the dek when only the headline or dek matched. */
  snippet: HighlightSegment[];
}

export interface SearchResults {
  /** False when the words are all too common to search for ("the", "and") or there are no words at all. */
  searchable: boolean;
  /** How many articles match, up to the count limit (SEARCH_COUNT_LIMIT). */
  total: number;
  /** True when more than the limit match: `total` is then the limit, and results stop there. */
  more: boolean;
  hits: SearchHit[];
}

/**
 * Matches are counted up to here, and paged through up to here: past it, a
 * word in nearly every article ("harbour", in The Harbour Ledger) would cost a
 * full count on every request, and nobody reads page 51 of a search.
 */
export const SEARCH_COUNT_LIMIT = 1000;

// ts_headline hands back the original text, `<` and `&` included, with these
// around each match. Private-use characters, removed from the text first, so
// no article can fake a highlight; the text is split on them and never parsed as HTML.
const START = '\uE000';
const STOP = '\uE001';
const MARKERS = `${START}${STOP}`;

const SNIPPET_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=26, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const HIGHLIGHT_ALL = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** Weights for D, C, B, A: a word in the headline counts most, then the dek, then the body. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/** Splits ts_headline's marked text into plain and matched runs, with whitespace collapsed. */
export function toSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) segments.push({ text: text.replace(/\s+/g, ' '), match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === START || ch === STOP) {
      flush();
      match = ch === START;
    } else {
      text += ch;
    }
  }
  flush();
  return segments;
}

const hasMatch = (segments: HighlightSegment[]) => segments.some((s) => s.match);
const plain = (segments: HighlightSegment[]) => segments.map((s) => s.text).join('');

/** Adds "…" where the snippet starts after the beginning or stops before the end of the text. */
function withEllipses(segments: HighlightSegment[], textStart: string, textEnd: string): HighlightSegment[] {
  const out = segments.map((s) => ({ ...s }));
  if (out.length === 0) return out;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const snippet = norm(plain(out));
  const start = norm(textStart);
  const end = norm(textEnd);
  if (snippet && !start.startsWith(snippet.slice(0, Math.min(12, snippet.length)))) {
    out[0] = out[0].match ? out[0] : { ...out[0], text: out[0].text.trimStart() };
    out.unshift({ text: '… ', match: false });
  }
  if (snippet && !end.endsWith(snippet.slice(-Math.min(12, snippet.length)))) {
    const last = out.length - 1;
    out[last] = out[last].match ? out[last] : { ...out[last], text: out[last].text.trimEnd() };
    out.push({ text: ' …', match: false });
  }
  return out;
}

/**
 * One page of public articles matching `query`, best match first (newer first
 * on a tie), with the total for pagination. `query` is what the reader typed,
 * already trimmed (lib/validation/search.ts); it only ever reaches SQL as a
 * bound parameter.
 */
export async function searchArticles(query: string, options: { limit?: number; offset?: number; countLimit?: number } = {}): Promise<SearchResults> {
  if (query.length > SEARCH_MAX_LENGTH) throw new RangeError(`A search is at most ${SEARCH_MAX_LENGTH} characters.`);
  if (!query.trim()) return { searchable: false, total: 0, more: false, hits: [] };
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const countLimit = options.countLimit ?? SEARCH_COUNT_LIMIT;
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  const matches = and(isPublic, sql`${articles.searchVector} @@ ${tsquery}`);
  const rank = sql<number>`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${articles.searchVector}, ${tsquery})`;
  const marked = (column: AnyPgColumn, headlineOptions: string) => sql<string>`ts_headline('english', translate(${column}, ${MARKERS}, ''), ${tsquery}, ${headlineOptions})`;

  // Ranking reads each match's whole search vector. A word in nearly every
  // article ("harbour") would mean ranking the whole archive on every request,
  // so only the newest `countLimit` matches are ranked: the trade-off is that
  // when more than that match (the page then says "1,000+"), an older article
  // cannot outrank them. With fewer matches every one of them is ranked, as before.
  // One pass finds, ranks and counts them: the newest `countLimit + 1` matches
  // (the one past the limit only says there are more), ranked in the scan that
  // tests them; a separate count would read every vector a second time.
  const window = db
    .select({ id: articles.id, publishedAt: articles.publishedAt, rank: rank.as('rank') })
    .from(articles)
    .where(matches)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(countLimit + 1)
    .as('window');
  const numbered = db
    .select({
      id: window.id,
      publishedAt: window.publishedAt,
      rank: window.rank,
      total: sql<number>`count(*) over ()`.as('total'),
      n: sql<number>`row_number() over (order by ${window.publishedAt} desc, ${window.id} desc)`.as('n'),
    })
    .from(window)
    .as('numbered');
  // The page of ids next, so ts_headline (the costly part) runs on that page only.
  const page = db
    .select({ id: numbered.id, rank: numbered.rank, total: numbered.total })
    .from(numbered)
    .where(sql`${numbered.n} <= ${countLimit}`)
    .orderBy(desc(numbered.rank), desc(numbered.publishedAt), desc(numbered.id))
    .limit(limit)
    .offset(offset)
    .as('page');

  const rows = await withPublicJoins(
    db
      .select({
        ...summaryColumns,
        total: sql<number>`${page.total}`.mapWith(Number),
        headlineMarked: marked(articles.headline, HIGHLIGHT_ALL),
        dekMarked: marked(articles.dek, HIGHLIGHT_ALL),
        bodyMarked: marked(articles.bodyText, SNIPPET_OPTIONS),
        bodyStart: sql<string>`left(${articles.bodyText}, 80)`,
        bodyEnd: sql<string>`right(${articles.bodyText}, 80)`,
      })
      .from(articles)
      .innerJoin(page, eq(page.id, articles.id))
      .$dynamic(),
  ).orderBy(desc(page.rank), desc(articles.publishedAt), desc(articles.id));

  // An empty page: nothing matched, nothing searchable was left ("the", "!!!":
  // numnode is 0, no error, no results), or the page is past the last one.
  const [tally] = rows.length
    ? [{ nodes: 1, total: rows[0].total }]
    : await db
        .select({ nodes: sql<number>`numnode(${tsquery})`.mapWith(Number), total: count() })
        .from(db.select({ one: sql`1` }).from(articles).where(matches).limit(countLimit + 1).as('counted'));

  const summaries = await toSummaries(rows);
  const hits = summaries.map((summary, i): SearchHit => {
    const row = rows[i];
    const body = toSegments(row.bodyMarked);
    const dek = toSegments(row.dekMarked);
    const snippet = hasMatch(body) || !summary.dek ? withEllipses(body, row.bodyStart, row.bodyEnd) : dek;
    return { ...summary, headlineSegments: toSegments(row.headlineMarked), snippet };
  });
  const more = tally.total > countLimit;
  return { searchable: tally.nodes > 0, total: more ? countLimit : tally.total, more, hits };
}
