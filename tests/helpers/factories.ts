import { randomUUID } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { createArticle, type ArticleFields } from '@/db/queries/articles';
import { transitionArticle } from '@/db/queries/workflow';
import { createUser } from '@/db/queries/people';
import { createSection } from '@/db/queries/taxonomy';
import type { Role } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { renderArticleBody } from '@/lib/rich-text/server';

// Data factories: every row a test needs is made through the app's own query
// functions, with unique names so tests never collide, on PGlite or PostgreSQL.

export const unique = (prefix = 't') => `${prefix}-${randomUUID().slice(0, 8)}`;

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'a-long-test-password';

export async function makeUser(role: Role = 'writer', overrides: { name?: string; active?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const slug = unique(role);
  return createUser({ name: overrides.name ?? `Test ${role} ${slug}`, email: `${slug}@example.test`, slug, role, passwordHash: await cachedHash, active: overrides.active ?? true });
}

let sharedSection: ReturnType<typeof makeSection> | undefined;
const defaultSection = () => (sharedSection ??= makeSection());

export async function makeSection(name = unique('Section')) {
  return createSection({ name, slug: unique('section') });
}

export const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const doc = (...blocks: JSONContent[]): JSONContent => ({ type: 'doc', content: blocks.length ? blocks : [{ type: 'paragraph' }] });

export function articleFields(overrides: Partial<ArticleFields> & { body?: JSONContent } = {}): ArticleFields {
  const body = overrides.body ?? doc(paragraph('The harbour board met on Tuesday.'));
  const rendered = renderArticleBody(body);
  const headline = overrides.headline ?? `Harbour story ${unique()}`;
  return {
    headline,
    dek: '',
    slug: unique('story'),
    slugAuto: false,
    sectionId: null,
    tags: [],
    leadImageId: null,
    leadImageCaption: '',
    leadImageCredit: '',
    leadImageAlt: '',
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    wordCount: rendered.wordCount,
    ...overrides,
    body,
  };
}

let publisher: ReturnType<typeof makeUser> | undefined;

/** An article by `authorId`; with `publish`, published by an editor (at the given time, when a date). */
export async function makeArticle(authorId: string, overrides: Partial<ArticleFields> = {}, options: { publish?: boolean | Date } = {}) {
  const result = await createArticle(articleFields({ sectionId: (await defaultSection()).id, ...overrides }), authorId);
  if (!result.ok) throw new Error(`makeArticle: ${result.reason}`);
  if (!options.publish) return result.article;
  publisher ??= makeUser('editor');
  const editor = await publisher;
  const published = await transitionArticle({ id: result.article.id, action: 'publish', actor: editor, now: options.publish instanceof Date ? options.publish : undefined });
  if (!published.ok) throw new Error(`makeArticle publish: ${published.reason}`);
  return published.article!;
}

/** The fields the article editor sends on save (saveArticleAction's input): a new draft unless overridden. */
export function draftInput(overrides: Record<string, unknown> = {}) {
  return {
    id: null,
    baseVersion: null,
    headline: `Harbour board approves dredging ${unique()}`,
    dek: 'Work starts in spring.',
    slug: '',
    slugAuto: true,
    sectionId: null,
    tags: [],
    leadImageId: null,
    leadImageCaption: '',
    leadImageCredit: '',
    leadImageAlt: '',
    body: doc(paragraph('The harbour board voted on Tuesday to dredge the channel.')),
    ...overrides,
  };
}
