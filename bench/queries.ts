/**
 * `npm run bench:queries`: times every reader query on a large archive and
 * shows how PostgreSQL runs it.
 *
 * Against DATABASE_URL, or the embedded database (EMBEDDED_DB_DIR, default
 * .data/pglite) when it is not set. Applies the migrations, seeds the synthetic
 * archive up to --scale N articles (default 100,000) when it holds fewer, runs
 * VACUUM ANALYZE on the article tables (what autovacuum does on a live
 * database; without it index-only scans still visit the heap), then runs each
 * reader query --runs times (default 200, after 10 warm-up runs) through the
 * real functions in db/queries/* (the sitemaps as lib/sitemaps.ts calls them), and prints p50, p99 and
 * max in milliseconds against the 20 ms p99 target, then each SQL statement's
 * EXPLAIN (ANALYZE, BUFFERS).
 *
 * Options: --scale N, --runs N, --only <text> (queries whose name contains it),
 * --full-plans (plans with costs).
 */
import os from 'node:os';
import pg from 'pg';
import { loadEnvConfig } from '@next/env';
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from '../scripts/database';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
};
const SCALE = Number(option('--scale') ?? 100_000);
const RUNS = Number(option('--runs') ?? 200);
const WARMUP = 10;
const ONLY = option('--only');
const FULL_PLANS = args.includes('--full-plans');
const TARGET_MS = 20;

if (!Number.isInteger(SCALE) || SCALE < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: npm run bench:queries -- [--scale N] [--runs N] [--only name] [--full-plans]');
  process.exit(2);
}

// Every statement a query function sends, captured while it runs once, to be EXPLAINed afterwards.
type Statement = { text: string; values: unknown[] };
let capturing: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (capturing) {
    if (typeof config === 'string') capturing.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === 'object' && 'text' in config) {
      const c = config as { text: string; values?: unknown[] };
      capturing.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
    }
  }
  return originalQuery.call(this, config, values, callback);
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  loadEnvConfig(process.cwd());
  const { url, embedded } = await resolveDatabase({ joinRunning: true });
  process.env.DATABASE_URL = url;
  const where = embedded ? `embedded PGlite (${process.env.EMBEDDED_DB_DIR ?? '.data/pglite'})` : url.replace(/\/\/[^@/]*@/, '//');
  try {
    await runMigrations(url);
    const { getPool, closeDb } = await import('../db/client');
    const { seedDemo } = await import('../db/seed');
    const { seedScale } = await import('../db/seed-scale');
    const articlesQ = await import('../db/queries/articles');
    const { searchArticles } = await import('../db/queries/search');
    const distribution = await import('../db/queries/distribution');
    const sitemaps = await import('../lib/sitemaps');
    const { NEWS_SITEMAP_MAX_URLS, SITEMAP_MAX_URLS } = await import('../lib/xml');
    const { PAGE_SIZE } = await import('../components/site/pagination');

    const pool = getPool();
    const one = async <T,>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T;
    const server = await one<{ version: string }>('select version()');

    await seedDemo(() => {});
    await seedScale(SCALE, (line) => console.log(line));
    for (const table of ['articles', 'article_tags', 'article_authors']) await pool.query(`vacuum analyze ${table}`);
    await closeDb(); // the pool starts afresh, so the monkey-patched query sees every statement
    const pool2 = getPool();
    const q = async <T,>(text: string, values: unknown[] = []) => (await pool2.query(text, values)).rows as T[];

    // What the queries are asked about: the largest section, the most and least used tags, the most credited person, …
    const publicRows = `a.status in ('published','scheduled') and a.published_at <= now()`;
    const [section] = await q<{ id: string; n: number }>(`select a.section_id id, count(*)::int n from articles a where ${publicRows} and a.section_id is not null group by 1 order by 2 desc limit 1`);
    const [commonTag] = await q<{ id: string; n: number }>(`select tag_id id, count(*)::int n from article_tags group by 1 order by 2 desc limit 1`);
    const [rareTag] = await q<{ id: string; n: number }>(`select t.tag_id id, count(*)::int n from article_tags t join articles a on a.id = t.article_id where ${publicRows} group by 1 having count(*) between 2 and 10 order by 2, 1 limit 1`);
    const [author] = await q<{ id: string; n: number }>(`select a.author_id id, count(*)::int n from articles a where ${publicRows} group by 1 order by 2 desc limit 1`);
    const [article] = await q<{ id: string; slug: string; section_id: string | null }>(`select a.id, a.slug, a.section_id from articles a where ${publicRows} order by a.published_at desc offset 500 limit 1`);
    const articleTagIds = (await q<{ tag_id: string }>(`select tag_id from article_tags where article_id = $1 order by position`, [article.id])).map((r) => r.tag_id);
    // A word that a handful of public articles use (found once, from the search vectors).
    const [rare] = await q<{ word: string; ndoc: number }>(
      `select word, ndoc from ts_stat($$select search_vector from articles where status = 'published'$$) where ndoc between 2 and 20 and length(word) > 5 and word ~ '^[a-z]+$' order by ndoc desc, word limit 1`,
    );
    const commonWord = 'harbour';
    const [{ n: commonMatches }] = await q<{ n: number }>(`select count(*)::int n from articles a where ${publicRows} and a.search_vector @@ websearch_to_tsquery('english', $1)`, [commonWord]);
    const total = await distribution.countPublicArticles();
    const sectionPages = Math.ceil(section.n / PAGE_SIZE);
    const deepPage = Math.max(1, Math.floor(sectionPages / 2));
    const paths = { section: (s: string) => s, tag: (s: string) => s, author: (s: string) => s };
    const sitemapPages = await distribution.listSitemapPages(paths);
    const lastSitemap = Math.max(1, Math.ceil((sitemapPages.length + total) / SITEMAP_MAX_URLS));
    const middleSitemap = Math.max(1, Math.ceil(lastSitemap / 2));
    const chunks = await distribution.listArticleChunks(sitemapPages.length, SITEMAP_MAX_URLS);
    const fileOffset = (n: number) => (n - 1) * SITEMAP_MAX_URLS - sitemapPages.length;
    const homeSections = (await q<{ id: string }>(`select id from sections order by position, name`)).map((r) => r.id);
    const home = await articlesQ.listPublishedArticles({ limit: 5 });

    console.log(`\nMasthead reader queries — ${new Date().toISOString()}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`database: ${where}; ${server.version.split(' on ')[0]}`);
    console.log(
      `archive: ${total.toLocaleString('en-GB')} public articles; largest section ${section.n} (deep page ${deepPage} of ${sectionPages}); ` +
        `tags: common ${commonTag.n}, rare ${rareTag.n} articles; author ${author.n} owned; "${commonWord}" in ${commonMatches}, "${rare?.word}" in ${rare?.ndoc} articles`,
    );
    console.log(`${RUNS} runs per query after ${WARMUP} warm-up runs, one at a time; target p99 < ${TARGET_MS} ms\n`);

    const steps: [string, () => Promise<unknown>][] = [
      ['home list', () => articlesQ.listPublishedArticles({ limit: 5 })],
      ['home rails', () => articlesQ.listSectionRails(homeSections, 4, home.map((a) => a.id))],
      ['latest count', () => articlesQ.countPublishedArticles()],
      ['section list p1', () => articlesQ.listPublishedArticles({ sectionId: section.id, limit: PAGE_SIZE })],
      [`section list p${deepPage}`, () => articlesQ.listPublishedArticles({ sectionId: section.id, limit: PAGE_SIZE, offset: (deepPage - 1) * PAGE_SIZE })],
      ['section count', () => articlesQ.countPublishedArticles({ sectionId: section.id })],
      ['tag list common', () => articlesQ.listPublishedArticlesByTag(commonTag.id, { limit: PAGE_SIZE })],
      ['tag list rare', () => articlesQ.listPublishedArticlesByTag(rareTag.id, { limit: PAGE_SIZE })],
      ['tag count common', () => articlesQ.countPublishedArticles({ tagId: commonTag.id })],
      ['author list', () => articlesQ.listPublishedArticlesByAuthor(author.id, { limit: PAGE_SIZE })],
      ['author count', () => articlesQ.countPublishedArticlesByAuthor(author.id)],
      ['article by slug', () => articlesQ.getPublishedArticle(article.slug)],
      ['related stories', () => articlesQ.listRelatedArticles({ id: article.id, sectionId: article.section_id, tagIds: articleTagIds })],
      [`search common "${commonWord}"`, () => searchArticles(commonWord, { limit: PAGE_SIZE })],
      [`search rare "${rare?.word}"`, () => searchArticles(rare?.word ?? 'zyzzyva', { limit: PAGE_SIZE })],
      // What lib/sitemaps.ts asks the database for, without building the XML: the
      // listing pages (index and every file), the index's lastmods, a file's articles.
      ['sitemap pages', () => distribution.listSitemapPages(paths)],
      ['sitemap index lastmods', () => distribution.listArticleChunks(sitemapPages.length, SITEMAP_MAX_URLS)],
      // A file starts after the end of the file before, from the index's walk (cached with the sitemaps, lib/cache/distribution.ts).
      [`sitemap file 1 of ${lastSitemap} (${SITEMAP_MAX_URLS} URLs)`, () => distribution.listSitemapArticles({ offset: 0, limit: SITEMAP_MAX_URLS - sitemapPages.length })],
      [`sitemap file ${middleSitemap} of ${lastSitemap}`, () => distribution.listSitemapArticles({ offset: fileOffset(middleSitemap), limit: SITEMAP_MAX_URLS, after: chunks.ends.get(middleSitemap - 2) })],
      [`sitemap file ${lastSitemap} of ${lastSitemap}`, () => distribution.listSitemapArticles({ offset: fileOffset(lastSitemap), limit: SITEMAP_MAX_URLS, after: chunks.ends.get(lastSitemap - 2) })],
      // The same file without the walk at hand: its first article found by walking the index from the oldest.
      [`sitemap file ${lastSitemap}, uncached start`, () => distribution.listSitemapArticles({ offset: fileOffset(lastSitemap), limit: SITEMAP_MAX_URLS })],
      ['news sitemap', () => distribution.listRecentArticles(new Date(Date.now() - sitemaps.NEWS_WINDOW_MS), NEWS_SITEMAP_MAX_URLS)],
      ['feed site', () => distribution.listFeedArticles({})],
      ['feed section', () => distribution.listFeedArticles({ sectionId: section.id })],
      ['feed tag', () => distribution.listFeedArticles({ tagId: commonTag.id })],
      ['feed author', () => distribution.listFeedArticles({ authorId: author.id })],
    ];

    const results: { name: string; p50: number; p99: number; max: number; statements: Statement[] }[] = [];
    for (const [name, run] of steps) {
      if (ONLY && !name.includes(ONLY)) continue;
      for (let i = 0; i < WARMUP; i++) await run();
      const statements: Statement[] = [];
      capturing = statements;
      await run();
      capturing = null;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const row = { name, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1], statements };
      results.push(row);
      console.log(`${name.padEnd(34)} p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  max ${ms(row.max)}  ${row.p99 < TARGET_MS ? 'ok' : 'OVER'}  (${statements.length} statements)`);
    }

    console.log('\n' + '='.repeat(100) + '\nPlans: EXPLAIN (ANALYZE, BUFFERS) of each statement, as sent by the query functions\n');
    for (const r of results) {
      console.log(`### ${r.name}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${r.p99 < TARGET_MS ? '' : '  (over target)'}`);
      for (const [i, s] of r.statements.entries()) {
        const plan = await q<{ 'QUERY PLAN': string }>(`explain (analyze, buffers${FULL_PLANS ? '' : ', costs off'}) ${s.text}`, s.values);
        console.log(`-- statement ${i + 1}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}${s.text.length > 160 ? '…' : ''}`);
        for (const { 'QUERY PLAN': line } of plan) if (FULL_PLANS || !/^\s*(Planning:|Buffers: shared hit=\d+$)/.test(line)) console.log(`   ${line}`);
      }
      console.log('');
    }
    const over = results.filter((r) => r.p99 >= TARGET_MS);
    console.log(over.length ? `Over the ${TARGET_MS} ms p99 target: ${over.map((r) => r.name).join(', ')}` : `Every query is under the ${TARGET_MS} ms p99 target.`);
  } finally {
    const { closeDb } = await import('../db/client');
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
