/**
 * A synthetic archive for measuring: `npm run db:seed -- --scale 100000`.
 *
 * Realistic in the ways that matter to the reader queries: a decade of
 * publication times with more stories recently, a few dozen authors (some
 * articles with two bylines), sections of uneven size, thousands of tags with
 * a long tail (a few tags on a large share of stories), bodies of a few
 * hundred words of varied vocabulary (so full-text search has work to do),
 * lead images on most stories, and a share of drafts and unpublished pieces
 * that public queries must skip. Deterministic: the same scale gives the same
 * archive. Runs on top of the demo newsroom and adds only what is missing.
 */
import { and, count, eq, like, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/password';
import { db } from './client';
import { mulberry32 } from './demo-images';
import { articleAuthors, articles, articleTags, images, sections, tags, users, type ArticleStatus } from './schema';

const SLUG_PREFIX = 'archive-';
const BATCH = 500;

/** A seeded generator, so the same scale gives the same archive. */
export const random = mulberry32;

const PLACES = ['Port Alder', 'Westmouth', 'Crane Hill', 'Netherby', 'Saltings', 'Old Quay', 'Fore Street', 'Carrick Skerry', 'Brannoc', 'the harbour', 'the estuary', 'the coast road'];
const SUBJECTS = ['council', 'harbour trust', 'ferry operator', 'school governors', 'housing co-operative', 'fishing fleet', 'library', 'health board', 'residents’ association', 'bus company', 'lifeboat crew', 'museum', 'football club', 'chamber of trade', 'allotment society', 'planning committee'];
const VERBS = ['approves', 'delays', 'rejects', 'reopens', 'consults on', 'cuts', 'expands', 'questions', 'defends', 'funds', 'pauses', 'reviews', 'backs', 'opposes'];
const THINGS = ['budget', 'parking zone', 'sea wall', 'school merger', 'ferry timetable', 'quota', 'bus route', 'housing plan', 'opening hours', 'flood defences', 'rent rise', 'cycle lane', 'market stalls', 'dredging work', 'clinic hours', 'festival'];
const WORDS = (
  'said week year town residents plan money council meeting report public local service community project support cost homes families business ' +
  'water boats tide storm winter summer school pupils parents teachers health doctors nurses road traffic bus ferry crossing workers union pay ' +
  'jobs shops market street building repair funding grant consultation decision vote members committee officer chair director spokesperson ' +
  'concern pressure delay change proposal review evidence figures survey average increase decrease million thousand percent months hours ' +
  'morning evening weekend council tax rates housing rent landlord tenants planning application objection approval appeal court hearing ' +
  'police incident safety flooding erosion coastline marsh wildlife birds fishing catch quota vessels crew skipper harbour quay pier ' +
  'library museum theatre cinema festival music art gallery volunteers charity trust donation campaign petition protest meeting hall ' +
  'election candidate ward majority turnout count result councillor mayor minister government national regional county parish neighbours'
).split(' ');
const FIRST = ['Ada', 'Bram', 'Cora', 'Dev', 'Elin', 'Finn', 'Greta', 'Hal', 'Isla', 'Jon', 'Kit', 'Lena', 'Milo', 'Nia', 'Owen', 'Pia', 'Quinn', 'Rosa', 'Sami', 'Tess'];
const LAST = ['Arden', 'Bellow', 'Carrow', 'Dunmore', 'Eske', 'Fallon', 'Gorran', 'Hale', 'Ivers', 'Jessop', 'Kemble', 'Lorne', 'Mace', 'Nance', 'Orme', 'Penhale'];
const EXTRA_SECTIONS = [
  { name: 'Sport', slug: 'sport', description: 'Clubs, fixtures and the people who run them.' },
  { name: 'Environment', slug: 'environment', description: 'Coast, climate and the land around the town.' },
  { name: 'Opinion', slug: 'opinion', description: 'Columns and letters from readers.' },
  { name: 'Education', slug: 'education', description: 'Schools, colleges and learning.' },
];

const pick = <T,>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rnd: () => number): string {
  const n = 8 + Math.floor(rnd() * 14);
  const words = Array.from({ length: n }, () => (rnd() < 0.12 ? pick(rnd, PLACES) : pick(rnd, WORDS)));
  return `${capitalise(words.join(' '))}.`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain paragraphs, with the HTML, text and word count the renderer would
 * store for them (checked in tests/integration/seed-scale.test.ts) — made
 * directly, because rendering 100,000 bodies through the sanitiser takes minutes.
 */
export function syntheticBody(rnd: () => number, paragraphs: number) {
  const texts = Array.from({ length: paragraphs }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sentence(rnd)).join(' '));
  return {
    doc: { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
    html: texts.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
    text: texts.join('\n'),
    wordCount: texts.reduce((n, text) => n + text.split(/\s+/).filter(Boolean).length, 0),
  };
}

async function ensureAuthors(rnd: () => number, wanted: number): Promise<string[]> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.active, true));
  const ids = existing.map((u) => u.id);
  if (ids.length >= wanted) return ids;
  // Synthetic staff can never sign in: their password is random and unknown.
  const passwordHash = await hashPassword(crypto.randomUUID() + crypto.randomUUID());
  const rows = Array.from({ length: wanted - ids.length }, (_, i) => {
    const name = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
    const slug = `${SLUG_PREFIX}${name.toLowerCase().replace(/\s+/g, '-')}-${i}`;
    return { name, email: `${slug}@archive.invalid`, passwordHash, role: 'writer' as const, slug, bio: `${name} reports on ${pick(rnd, SUBJECTS)} affairs.` };
  });
  const inserted = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
  return [...ids, ...inserted.map((u) => u.id)];
}

async function ensureSections(): Promise<string[]> {
  await db
    .insert(sections)
    .values(EXTRA_SECTIONS.map((s, i) => ({ ...s, position: 10 + i })))
    .onConflictDoNothing();
  return (await db.select({ id: sections.id }).from(sections)).map((s) => s.id);
}

async function ensureTags(rnd: () => number, wanted: number): Promise<string[]> {
  const rows = Array.from({ length: wanted }, (_, i) => {
    const name = i < 200 ? `${pick(rnd, PLACES)} ${pick(rnd, THINGS)}` : `${capitalise(pick(rnd, SUBJECTS))} ${pick(rnd, THINGS)} ${i}`;
    return { name: `${name}`, slug: `${SLUG_PREFIX}tag-${i}` };
  });
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(tags).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
  return (await db.select({ id: tags.id }).from(tags).where(like(tags.slug, `${SLUG_PREFIX}tag-%`)).orderBy(tags.slug)).map((t) => t.id);
}

/** Adds synthetic articles until the archive holds `total` of them. */
export async function seedScale(total: number, log: (line: string) => void = console.log): Promise<void> {
  const rnd = random(total);
  const [{ n: have }] = await db.select({ n: count() }).from(articles).where(like(articles.slug, `${SLUG_PREFIX}%`));
  if (have >= total) {
    log(`[scale] the archive already has ${have} synthetic articles.`);
    return;
  }
  const authorIds = await ensureAuthors(rnd, 40);
  const sectionIds = await ensureSections();
  const tagIds = await ensureTags(rnd, Math.max(200, Math.round(total / 40)));
  const imageIds = (await db.select({ id: images.id }).from(images).where(and(sql`${images.width} >= 1000`)).limit(20)).map((i) => i.id);
  // Section sizes are uneven: the first sections get most stories.
  const sectionWeights = sectionIds.map((_, i) => 1 / (i + 1));
  const weightSum = sectionWeights.reduce((a, b) => a + b, 0);
  const pickSection = () => {
    let r = rnd() * weightSum;
    for (let i = 0; i < sectionIds.length; i++) if ((r -= sectionWeights[i]) <= 0) return sectionIds[i];
    return sectionIds[0];
  };
  // Tags follow a Zipf-like curve: tag k is used about 1/k as often as tag 1.
  const pickTag = () => tagIds[Math.min(tagIds.length - 1, Math.floor(Math.exp(rnd() * Math.log(tagIds.length + 1))) - 1)];

  const now = Date.now();
  const DECADE = 10 * 365 * 24 * 3_600_000;
  const started = performance.now();
  for (let done = have; done < total; ) {
    const size = Math.min(BATCH, total - done);
    const batch = Array.from({ length: size }, (_, k) => {
      const i = done + k;
      const headline = `${capitalise(pick(rnd, PLACES))} ${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, THINGS)}`;
      const rendered = syntheticBody(rnd, 5 + Math.floor(rnd() * 6));
      // More stories recently: the square bends the decade towards now.
      const publishedAt = new Date(now - Math.pow(rnd(), 2) * DECADE - 3_600_000);
      const roll = rnd();
      const status: ArticleStatus = roll < 0.9 ? 'published' : roll < 0.95 ? 'draft' : roll < 0.98 ? 'unpublished' : 'in_review';
      return {
        headline,
        dek: sentence(rnd),
        slug: `${SLUG_PREFIX}${i}`,
        body: rendered.doc,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        wordCount: rendered.wordCount,
        sectionId: pickSection(),
        status,
        leadImageId: imageIds.length && rnd() < 0.8 ? pick(rnd, imageIds) : null,
        leadImageAlt: imageIds.length ? 'An illustration of the story' : '',
        authorId: pick(rnd, authorIds),
        publishedAt: status === 'draft' || status === 'in_review' ? null : publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      };
    });
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(articles).values(batch).returning({ id: articles.id, authorId: articles.authorId });
      const tagRows = inserted.flatMap((a) => {
        const chosen = new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, pickTag));
        return [...chosen].map((tagId, position) => ({ articleId: a.id, tagId, position }));
      });
      await tx.insert(articleTags).values(tagRows);
      const bylines = inserted
        .filter(() => rnd() < 0.15)
        .flatMap((a) => {
          const second = pick(rnd, authorIds);
          return second === a.authorId ? [] : [{ articleId: a.id, userId: a.authorId, position: 0 }, { articleId: a.id, userId: second, position: 1 }];
        });
      if (bylines.length) await tx.insert(articleAuthors).values(bylines);
    });
    done += size;
    if (done % 10_000 < BATCH || done === total) log(`[scale] ${done} / ${total} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.execute(sql`analyze`);
  log(`[scale] done: ${total} synthetic articles, ${tagIds.length} tags, ${authorIds.length} authors, ${sectionIds.length} sections.`);
}
