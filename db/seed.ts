import type { JSONContent } from '@tiptap/core';
import { count } from 'drizzle-orm';
import { mediaUrl } from '@/lib/media';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { isCommonPassword } from '@/lib/passwords/common';
import { renderArticleBody, validateDocument } from '@/lib/rich-text/server';
import { db } from './client';
import { demoArticles, demoImages, demoSections, type DemoAuthorKey } from './demo-content';
import { renderDemoImage } from './demo-images';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff';
import { createArticle } from './queries/articles';
import { createImage } from './queries/images';
import { createUser } from './queries/people';
import { createSection } from './queries/taxonomy';
import { transitionArticle } from './queries/workflow';
import { users } from './schema';

function resolveDemoImages(node: JSONContent, sources: Map<string, { src: string }>): JSONContent {
  const attrs = node.attrs && typeof node.attrs.src === 'string' && node.attrs.src.startsWith('demo:')
    ? { ...node.attrs, src: sources.get(node.attrs.src.slice(5))?.src ?? node.attrs.src }
    : node.attrs;
  return { ...node, ...(attrs ? { attrs } : {}), ...(node.content ? { content: node.content.map((c) => resolveDemoImages(c, sources)) } : {}) };
}

export async function hasStaff(): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return row.n > 0;
}

/** Demo newsroom: staff, sections, images and articles. Does nothing on a database that already has staff. */
export async function seedDemo(log: (line: string) => void = console.log): Promise<boolean> {
  if (await hasStaff()) {
    log('[seed] the database already has staff accounts: demo seed skipped.');
    return false;
  }
  // The demo password obeys the rules every password does (12–128 characters, not a common one).
  if (DEMO_PASSWORD.length < PASSWORD_MIN || DEMO_PASSWORD.length > PASSWORD_MAX || isCommonPassword(DEMO_PASSWORD)) {
    throw new Error('The demo password breaks the password rules: change DEMO_PASSWORD in db/demo-staff.ts.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = new Map<DemoAuthorKey, string>();
  const people = new Map<DemoAuthorKey, { id: string; name: string; role: DemoAuthorKey }>();
  const hues: Record<DemoAuthorKey, number> = { writer: 200, editor: 25, admin: 320 };
  for (const [key, person] of Object.entries(DEMO_STAFF) as [DemoAuthorKey, (typeof DEMO_STAFF)[DemoAuthorKey]][]) {
    // A drawn portrait stand-in, so author pages show how a photo looks.
    const avatar = await createImage({ mimeType: 'image/jpeg', width: 400, height: 400, data: await renderDemoImage({ key: `avatar-${key}`, hue: hues[key], motif: 'abstract' }, 400, 400), originalName: `avatar-${key}.jpg`, uploadedBy: null });
    const user = await createUser({ ...person, role: key, passwordHash, avatarImageId: avatar.id });
    staff.set(key, user.id);
    people.set(key, { id: user.id, name: user.name, role: key });
  }

  const sectionIds = new Map<string, string>();
  for (const [position, section] of demoSections.entries()) {
    const row = await createSection({ ...section, position });
    sectionIds.set(section.slug, row.id);
  }

  const imageRows = new Map<string, { id: string; src: string }>();
  for (const image of demoImages) {
    const data = await renderDemoImage(image);
    const row = await createImage({ mimeType: 'image/jpeg', width: 1600, height: 1000, data, originalName: `${image.key}.jpg`, uploadedBy: staff.get('admin')! });
    imageRows.set(image.key, { id: row.id, src: mediaUrl(row) });
  }

  for (const article of demoArticles) {
    const body = resolveDemoImages(article.body as JSONContent, imageRows);
    const checked = validateDocument(body);
    if (!checked.ok) throw new Error(`Demo article ${article.slug}: ${checked.error}`);
    const rendered = renderArticleBody(checked.doc);
    const result = await createArticle(
      {
        headline: article.headline,
        dek: article.dek,
        slug: article.slug,
        slugAuto: false,
        sectionId: sectionIds.get(article.section) ?? null,
        tags: article.tags,
        leadImageId: imageRows.get(article.lead.image)?.id ?? null,
        leadImageCaption: article.lead.caption,
        leadImageCredit: article.lead.credit,
        leadImageAlt: article.lead.alt,
        body: checked.doc,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        wordCount: rendered.wordCount,
      },
      staff.get(article.author)!,
    );
    if (!result.ok) throw new Error(`Demo article ${article.slug}: ${result.reason}`);
    if (article.publishedHoursAgo !== null) {
      // Published by the demo editor, at the time the story went out.
      const published = await transitionArticle({ id: result.article.id, action: 'publish', actor: people.get('editor')!, now: new Date(Date.now() - article.publishedHoursAgo * 3_600_000) });
      if (!published.ok) throw new Error(`Demo article ${article.slug}: ${published.reason}`);
    }
  }
  log(`[seed] demo newsroom created: ${staff.size} staff, ${sectionIds.size} sections, ${demoArticles.length} articles.`);
  return true;
}
