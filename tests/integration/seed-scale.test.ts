import { count, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { countPublishedArticles } from '@/db/queries/articles';
import { articles } from '@/db/schema';
import { random, seedScale, syntheticBody } from '@/db/seed-scale';
import { renderArticleBody } from '@/lib/rich-text/server';

describe('the synthetic archive for benchmarks', () => {
  it('stores the same HTML, text and word count the editor’s renderer would', () => {
    const rnd = random(7);
    for (let i = 0; i < 20; i++) {
      const body = syntheticBody(rnd, 3);
      const rendered = renderArticleBody(body.doc);
      expect({ html: body.html, text: body.text, wordCount: body.wordCount }).toEqual(rendered);
    }
  });

  it('adds articles up to the asked number, some of them not public, and a second run adds nothing', async () => {
    const before = await countPublishedArticles();
    await seedScale(300, () => {});
    const synthetic = async () => (await db.select({ n: count() }).from(articles).where(like(articles.slug, 'archive-%')))[0].n;
    expect(await synthetic()).toBe(300);
    const added = (await countPublishedArticles()) - before;
    expect(added).toBeGreaterThan(200);
    expect(added).toBeLessThan(300);
    await seedScale(300, () => {});
    expect(await synthetic()).toBe(300);
  });
});
