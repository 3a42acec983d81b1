import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleStatus, Role } from '@/db/schema';
import { can, type Actor } from '@/lib/permissions';

const actor = (role: Role): Actor => ({ id: randomUUID(), role });
const writer = actor('writer');
const otherWriter = actor('writer');
const editor = actor('editor');
const admin = actor('admin');
const article = (author: Actor, status: ArticleStatus) => ({ authorId: author.id, status });

type Case = [who: string, subject: Actor, what: string, row: { authorId: string; status: ArticleStatus }, view: boolean, edit: boolean];

// Who may see and change which article (README, "Roles and rights").
const matrix: Case[] = [
  ['a writer', writer, 'their own draft', article(writer, 'draft'), true, true],
  ['a writer', writer, 'their own unpublished article', article(writer, 'unpublished'), true, true],
  ['a writer', writer, 'their own article in review', article(writer, 'in_review'), true, false],
  ['a writer', writer, 'their own scheduled article', article(writer, 'scheduled'), true, false],
  ['a writer', writer, 'their own published article', article(writer, 'published'), true, false],
  ['a writer', writer, "someone else's draft", article(otherWriter, 'draft'), false, false],
  ['a writer', writer, "someone else's published article", article(otherWriter, 'published'), false, false],
  ['a writer', writer, "an editor's draft", article(editor, 'draft'), false, false],
  ['an editor', editor, "a writer's draft", article(writer, 'draft'), true, true],
  ['an editor', editor, "a writer's published article", article(writer, 'published'), true, true],
  ['an editor', editor, 'their own draft', article(editor, 'draft'), true, true],
  ['an editor', editor, "an admin's published article", article(admin, 'published'), true, true],
  ['an admin', admin, "a writer's draft", article(writer, 'draft'), true, true],
  ['an admin', admin, "a writer's published article", article(writer, 'published'), true, true],
  ['an admin', admin, "an editor's unpublished article", article(editor, 'unpublished'), true, true],
];

describe('article rights', () => {
  it.each(matrix)('%s viewing %s: view=%s', (_who, subject, _what, row, view) => {
    expect(can.viewArticle(subject, row)).toBe(view);
  });

  it.each(matrix.map(([who, subject, what, row, , edit]) => [who, what, subject, row, edit] as const))('%s editing %s: edit=%s', (_who, _what, subject, row, edit) => {
    expect(can.editArticle(subject, row)).toBe(edit);
  });

  it('never lets anyone edit an article they may not see', () => {
    for (const [, subject, , row] of matrix) {
      if (can.editArticle(subject, row)) expect(can.viewArticle(subject, row)).toBe(true);
    }
  });

  it.each([
    ['a writer', writer, false],
    ['an editor', editor, true],
    ['an admin', admin, true],
  ])('%s may publish and unpublish: %s', (_who, subject, allowed) => {
    expect(can.publishArticle(subject)).toBe(allowed);
    expect(can.unpublishArticle(subject)).toBe(allowed);
  });

  it.each([
    ['a writer', writer],
    ['an editor', editor],
    ['an admin', admin],
  ])('%s may create articles and upload images', (_who, subject) => {
    expect(can.createArticle(subject)).toBe(true);
    expect(can.uploadImage(subject)).toBe(true);
  });

  it('decides by the role it is given, not by the id', () => {
    // The same person demoted from editor to writer loses the editor's rights at once.
    const demoted: Actor = { id: editor.id, role: 'writer' };
    expect(can.publishArticle(demoted)).toBe(false);
    expect(can.editArticle(demoted, article(writer, 'draft'))).toBe(false);
    expect(can.editArticle(demoted, article(editor, 'draft'))).toBe(true);
  });
});
