import { asc, eq, inArray } from 'drizzle-orm';
import { slugify } from '@/lib/slug';
import { db, type Db } from '../client';
import { sections, tags, type Section, type Tag } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function listSections(): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.name));
}

export async function getSectionBySlug(slug: string): Promise<Section | null> {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug)).limit(1);
  return row ?? null;
}

export async function createSection(input: { name: string; slug?: string; description?: string; position?: number }): Promise<Section> {
  const [row] = await db
    .insert(sections)
    .values({ name: input.name, slug: input.slug ?? slugify(input.name), description: input.description ?? '', position: input.position ?? 0 })
    .returning();
  return row;
}

export async function listTags(): Promise<Tag[]> {
  return db.select().from(tags).orderBy(asc(tags.name));
}

export async function getTagBySlug(slug: string): Promise<Tag | null> {
  const [row] = await db.select().from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** Finds or creates tags by name (matched on their slug), in the order given. */
export async function ensureTags(names: string[], tx: Tx | Db = db): Promise<Tag[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const clean = name.trim().replace(/\s+/g, ' ');
    const slug = slugify(clean, 60);
    if (slug && !wanted.has(slug)) wanted.set(slug, clean);
  }
  if (wanted.size === 0) return [];
  // Inserted in slug order, so two saves creating the same new tags cannot deadlock.
  await tx
    .insert(tags)
    .values([...wanted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing({ target: tags.slug });
  const rows = await tx.select().from(tags).where(inArray(tags.slug, [...wanted.keys()]));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return [...wanted.keys()].map((slug) => bySlug.get(slug)!);
}

export async function getSection(id: string): Promise<Section | null> {
  const [row] = await db.select().from(sections).where(eq(sections.id, id)).limit(1);
  return row ?? null;
}
