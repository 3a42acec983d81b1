import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateArticle } from '@/db/queries/articles';
import { transitionArticle } from '@/db/queries/workflow';
import { readArticleState, withArticleInvalidation } from '@/lib/cache/article-state';
import { decodeCached, encodeCached } from '@/lib/cache/cached';
import MastheadCacheHandler from '@/lib/cache/handler.mjs';
import { cacheState, closeStore, resetLocalStore } from '@/lib/cache/store.mjs';
import { articleChangeTags, correctionTags, invalidateTags, profileTags, tag, type ArticleCacheState } from '@/lib/cache/tags';
import { schedulerTick } from '@/lib/scheduler';
import { articleFields, makeArticle, makeSection, makeUser } from '../helpers/factories';

const REDIS_URL = 'redis://127.0.0.1:6379';
const env = { REDIS_URL: process.env.REDIS_URL, CACHE_PREFIX: process.env.CACHE_PREFIX };

function restoreEnv() {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

afterEach(async () => {
  await closeStore();
  resetLocalStore();
  restoreEnv();
});

const tagTime = (name: string) => cacheState().tags.get(name) ?? 0;
const page = (html: string, tags: string[]) => ({ kind: 'APP_PAGE', html, headers: { 'x-next-cache-tags': tags.join(',') }, status: 200 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const state = (overrides: Partial<ArticleCacheState> = {}): ArticleCacheState => ({
  id: 'a1',
  slug: 'ferry',
  status: 'published',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  sectionId: 's1',
  tags: [{ id: 't1', slug: 'harbour' }],
  authorIds: ['u1'],
  ...overrides,
});

describe('cache tags for a change', () => {
  it('an edit that moves section, tags, bylines and slug refreshes the pages of the old and the new ones', () => {
    const before = state();
    const after = state({ slug: 'ferry-fares', sectionId: 's2', tags: [{ id: 't2', slug: 'fares' }], authorIds: ['u1', 'u2'] });
    expect(new Set(articleChangeTags(before, after))).toEqual(
      new Set([
        'home',
        'lists',
        'feeds',
        'sitemaps',
        'article:a1',
        'article-slug:ferry',
        'article-slug:ferry-fares',
        'section:s1',
        'section:s2',
        'tag:t1',
        'tag-slug:harbour',
        'tag:t2',
        'tag-slug:fares',
        'author:u1',
        'author:u2',
      ]),
    );
  });

  it('publishing a draft refreshes the pages it now appears on; unpublishing refreshes them again', () => {
    const draft = state({ status: 'draft', publishedAt: null });
    expect(articleChangeTags(draft, state())).toEqual(expect.arrayContaining(['home', 'article-slug:ferry', 'section:s1', 'tag:t1', 'author:u1']));
    // Withdrawn: the address shows a notice now, the lists lose it.
    expect(articleChangeTags(state(), state({ status: 'unpublished' }))).toEqual(expect.arrayContaining(['home', 'article-slug:ferry', 'section:s1']));
  });

  it('a draft that readers never saw changes no cached page', () => {
    const draft = state({ status: 'draft', publishedAt: null });
    expect(articleChangeTags(draft, { ...draft, slug: 'other' })).toEqual([]);
    expect(articleChangeTags(null, draft)).toEqual([]);
    // Deleted for good after being withdrawn: its address becomes a 404.
    expect(articleChangeTags(state({ status: 'trashed' }), null)).toContain('article-slug:ferry');
  });

  it('a correction refreshes its article, the lists, feeds and sitemaps; a profile change every byline', () => {
    expect(correctionTags(state())).toEqual(expect.arrayContaining(['article:a1', 'lists', 'feeds', 'sitemaps']));
    expect(profileTags('u9')).toEqual(['author:u9', tag.bylines]);
  });
});

describe('article state and invalidation against the database', () => {
  it('reads section, tags and bylines, and an edit of a published article invalidates before and after', async () => {
    const writer = await makeUser('writer');
    const editor = await makeUser('editor');
    const [s1, s2] = await Promise.all([makeSection(), makeSection()]);
    const article = await makeArticle(writer.id, { sectionId: s1.id, tags: ['Cache harbour'] }, { publish: true });
    const before = await readArticleState(article.id);
    expect(before).toMatchObject({ id: article.id, slug: article.slug, status: 'published', sectionId: s1.id, authorIds: [writer.id] });
    expect(before!.tags.map((t) => t.slug)).toEqual(['cache-harbour']);

    const fields = articleFields({ sectionId: s2.id, tags: ['Cache fares'], slug: `${article.slug}-moved`, bylines: [writer.id, editor.id] });
    const start = Date.now();
    const result = await withArticleInvalidation(article.id, () => updateArticle(article.id, fields, article.version, editor.id), { statusUnchanged: true });
    expect(result.ok).toBe(true);
    for (const name of [tag.article(article.id), tag.articleSlug(article.slug), tag.articleSlug(fields.slug), tag.section(s1.id), tag.section(s2.id), tag.author(editor.id), tag.home]) {
      expect(tagTime(name), name).toBeGreaterThanOrEqual(start);
    }
    const after = await readArticleState(article.id);
    expect(after!.tags.map((t) => t.slug)).toEqual(['cache-fares']);
    expect(tagTime(tag.tagged(before!.tags[0].id))).toBeGreaterThanOrEqual(start);
    expect(tagTime(tag.tagged(after!.tags[0].id))).toBeGreaterThanOrEqual(start);
  });

  it('autosaving a draft nobody has read invalidates nothing', async () => {
    const writer = await makeUser('writer');
    const draft = await makeArticle(writer.id);
    await withArticleInvalidation(draft.id, () => updateArticle(draft.id, articleFields({ headline: 'Still a draft' }), draft.version, writer.id), { statusUnchanged: true });
    expect(tagTime(tag.home)).toBe(0);
    expect(tagTime(tag.article(draft.id))).toBe(0);
  });

  it('the scheduler invalidates what it publishes, outside any request', async () => {
    const writer = await makeUser('writer');
    const editor = await makeUser('editor');
    const article = await makeArticle(writer.id);
    const due = new Date(Date.now() - 1000);
    const scheduled = await transitionArticle({ id: article.id, action: 'schedule', actor: editor, publishAt: due, now: new Date(due.getTime() - 60_000) });
    expect(scheduled.ok).toBe(true);
    const start = Date.now();
    const { published } = await schedulerTick();
    expect(published).toBeGreaterThanOrEqual(1);
    expect(tagTime(tag.article(article.id))).toBeGreaterThanOrEqual(start);
    expect(tagTime(tag.articleSlug(article.slug))).toBeGreaterThanOrEqual(start);
    expect(tagTime(tag.feeds)).toBeGreaterThanOrEqual(start);
  });
});

describe('cached data keeps its types', () => {
  it('Dates and Maps come back as Dates and Maps', () => {
    const value = { at: new Date('2026-03-04T05:06:07Z'), rails: new Map([['s1', [{ publishedAt: new Date(0) }]]]), none: null };
    const back = decodeCached<typeof value>(encodeCached(value));
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(back.rails).toBeInstanceOf(Map);
    expect(back.rails.get('s1')![0].publishedAt).toBeInstanceOf(Date);
    expect(back.none).toBeNull();
  });
});

function handlerContract(name: string, setup: () => void | Promise<void>) {
  describe(`the cache handler (${name})`, () => {
    beforeEach(setup);

    it('serves what it stored until one of its tags is invalidated, then misses', async () => {
      const handler = new MastheadCacheHandler();
      expect(await handler.get('/articles/a', { kind: 'APP_PAGE' })).toBeNull();
      await handler.set('/articles/a', page('<p>one</p>', ['article-slug:a', 'settings']), {});
      const hit = await handler.get('/articles/a', { kind: 'APP_PAGE' });
      expect(hit?.value).toMatchObject({ html: '<p>one</p>' });

      await sleep(2);
      await invalidateTags(['section:other']);
      expect(await handler.get('/articles/a', { kind: 'APP_PAGE' })).not.toBeNull();
      await invalidateTags(['article-slug:a']);
      expect(await handler.get('/articles/a', { kind: 'APP_PAGE' })).toBeNull();
    });

    it('data entries answer to their own tags and the page’s implicit tags', async () => {
      const handler = new MastheadCacheHandler();
      await handler.get('data-1', { kind: 'FETCH', tags: ['home'] });
      await handler.set('data-1', { kind: 'FETCH', data: { body: '[]' } }, { tags: ['home'] });
      expect(await handler.get('data-1', { kind: 'FETCH', tags: ['home'], softTags: ['_N_T_/layout'] })).not.toBeNull();
      await sleep(2);
      await handler.revalidateTag(['_N_T_/layout']);
      expect(await handler.get('data-1', { kind: 'FETCH', tags: ['home'], softTags: ['_N_T_/layout'] })).toBeNull();
    });

    it('a render that an invalidation overtakes is stored as already stale: no stale page after a publish', async () => {
      const handler = new MastheadCacheHandler();
      // The render begins (a miss), reads the old data, the editor publishes, then the render stores its result.
      expect(await handler.get('/', { kind: 'APP_PAGE' })).toBeNull();
      await sleep(2);
      await invalidateTags(['home']);
      await sleep(2);
      await handler.set('/', page('<p>old</p>', ['home']), {});
      expect(await handler.get('/', { kind: 'APP_PAGE' })).toBeNull();
    });

    it('a page past its revalidate time is stored fresh by its background render, and an invalidation during that render still wins', async () => {
      const handler = new MastheadCacheHandler();
      const control = { cacheControl: { revalidate: 0.05, expire: 3600 } };
      await handler.get('/latest', { kind: 'APP_PAGE' });
      await handler.set('/latest', page('<p>1</p>', ['lists']), control);
      // Read often while fresh: those reads do not date the next render.
      await handler.get('/latest', { kind: 'APP_PAGE' });
      await sleep(80);
      const stale = await handler.get('/latest', { kind: 'APP_PAGE' });
      expect(stale).not.toBeNull();
      await handler.set('/latest', page('<p>2</p>', ['lists']), control);
      const fresh = await handler.get('/latest', { kind: 'APP_PAGE' });
      expect(Date.now() - fresh!.lastModified).toBeLessThan(50);

      await sleep(80);
      await handler.get('/latest', { kind: 'APP_PAGE' }); // stale: Next renders it again in the background
      await sleep(2);
      await invalidateTags(['lists']);
      await handler.set('/latest', page('<p>3, from old data</p>', ['lists']), control);
      expect(await handler.get('/latest', { kind: 'APP_PAGE' })).toBeNull();
    });
  });
}

handlerContract('in this process, without REDIS_URL', () => {
  delete process.env.REDIS_URL;
});

describe('with Redis at 127.0.0.1:6379', () => {
  const prefix = `masthead-test-${randomUUID().slice(0, 8)}:`;
  const useRedis = () => {
    process.env.REDIS_URL = REDIS_URL;
    process.env.CACHE_PREFIX = prefix;
  };

  afterAll(async () => {
    const client = await createClient({ url: REDIS_URL }).connect();
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(keys);
    await client.close();
  });

  handlerContract('Redis', useRedis);

  it('an entry stored by one instance is served by another, and an invalidation by either reaches both', async () => {
    useRedis();
    const one = new MastheadCacheHandler();
    await one.set('/sections/news', page('<p>news</p>', ['section:s1']), {});
    // Another instance: nothing of this process's memory, only Redis.
    resetLocalStore();
    const two = new MastheadCacheHandler();
    expect((await two.get('/sections/news', { kind: 'APP_PAGE' }))?.value).toMatchObject({ html: '<p>news</p>' });

    await sleep(2);
    // The invalidation is written by a third party straight to Redis (another instance's scheduler).
    const other = await createClient({ url: REDIS_URL }).connect();
    await other.hSet(`${prefix}tags`, 'section:s1', String(Date.now()));
    await other.close();
    expect(await two.get('/sections/news', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('instances of different releases share invalidations but never each other\'s pages', async () => {
    useRedis();
    const release = (id: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-build-'));
      fs.mkdirSync(path.join(dir, 'server'));
      fs.writeFileSync(path.join(dir, 'BUILD_ID'), id);
      return path.join(dir, 'server');
    };
    const [oldBuild, newBuild] = [release('old-release'), release('new-release')];
    await new MastheadCacheHandler({ serverDistDir: oldBuild }).set('/sections/politics', page('<p>old</p>', ['section:s9']), {});
    resetLocalStore();
    // The new release's instance: the old release's page (naming the old script files) is a miss.
    const fresh = new MastheadCacheHandler({ serverDistDir: newBuild });
    expect(await fresh.get('/sections/politics', { kind: 'APP_PAGE' })).toBeNull();
    await fresh.set('/sections/politics', page('<p>new</p>', ['section:s9']), {});
    resetLocalStore();
    const old = new MastheadCacheHandler({ serverDistDir: oldBuild });
    expect((await old.get('/sections/politics', { kind: 'APP_PAGE' }))?.value).toMatchObject({ html: '<p>old</p>' });
    // An invalidation by the new release reaches the old one.
    await sleep(2);
    await fresh.revalidateTag('section:s9');
    expect(await old.get('/sections/politics', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('dates renders and invalidations by Redis\'s clock, whatever this machine\'s clock says', async () => {
    useRedis();
    const { now } = await import('@/lib/cache/store.mjs');
    const realNow = Date.now;
    try {
      // This machine's clock runs five seconds fast; the store measures the difference on its next read.
      Date.now = () => realNow() + 5_000;
      cacheState().clockSyncedAt = 0;
      await new MastheadCacheHandler().get('/clock-probe', { kind: 'APP_PAGE' });
      await sleep(50);
      expect(Math.abs(now() - realNow())).toBeLessThan(250);
    } finally {
      Date.now = realNow;
      cacheState().clockSyncedAt = 0;
    }
  });

  it('a tag time never moves backwards when instances write at once', async () => {
    useRedis();
    const late = Date.now() + 60_000;
    const { invalidate } = await import('@/lib/cache/store.mjs');
    await invalidate(['race'], late);
    await invalidate(['race'], late - 30_000);
    const client = await createClient({ url: REDIS_URL }).connect();
    expect(Number(await client.hGet(`${prefix}tags`, 'race'))).toBe(late);
    await client.close();
  });
});

describe('with Redis unreachable', () => {
  beforeEach(() => {
    // Nothing listens on port 1.
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    process.env.CACHE_PREFIX = `masthead-down-${randomUUID().slice(0, 8)}:`;
  });

  it('serves uncached without throwing or hanging, and keeps invalidations for later', async () => {
    const handler = new MastheadCacheHandler();
    const started = Date.now();
    await expect(handler.get('/', { kind: 'APP_PAGE' })).resolves.toBeNull();
    await expect(handler.set('/', page('<p>x</p>', ['home']), {})).resolves.toBeUndefined();
    // What it holds in memory is not served either: without Redis it cannot know what other instances invalidated.
    await expect(handler.get('/', { kind: 'APP_PAGE' })).resolves.toBeNull();
    await expect(invalidateTags(['home'])).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(cacheState().pending.get('home')).toBeGreaterThan(0);
  });
});
