import { asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '../client';
import { articleNotes, articles, users, type ArticleNote } from '../schema';

export async function addArticleNote(input: { articleId: string; authorId: string; body: string }): Promise<ArticleNote> {
  const [row] = await db.insert(articleNotes).values(input).returning();
  return row;
}

export interface NoteView {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string;
  authorRole: string;
}

/** The conversation on an article, oldest first. */
export async function listArticleNotes(articleId: string): Promise<NoteView[]> {
  return db
    .select({ id: articleNotes.id, body: articleNotes.body, createdAt: articleNotes.createdAt, authorName: users.name, authorRole: users.role })
    .from(articleNotes)
    .innerJoin(users, eq(users.id, articleNotes.authorId))
    .where(eq(articleNotes.articleId, articleId))
    .orderBy(asc(articleNotes.createdAt));
}

export interface ReviewQueueItem {
  id: string;
  headline: string;
  authorName: string;
  wordCount: number;
  submittedAt: Date;
  lastNote: { authorName: string; body: string } | null;
}

/** Articles in review, longest waiting first, each with its latest note. */
export async function listReviewQueue(): Promise<ReviewQueueItem[]> {
  const rows = await db
    .select({ id: articles.id, headline: articles.headline, authorName: users.name, wordCount: articles.wordCount, submittedAt: articles.updatedAt })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.status, 'in_review'))
    .orderBy(asc(articles.updatedAt));
  if (rows.length === 0) return [];
  const notes = await db
    .selectDistinctOn([articleNotes.articleId], { articleId: articleNotes.articleId, body: articleNotes.body, authorName: users.name })
    .from(articleNotes)
    .innerJoin(users, eq(users.id, articleNotes.authorId))
    .where(inArray(articleNotes.articleId, rows.map((r) => r.id)))
    .orderBy(articleNotes.articleId, desc(articleNotes.createdAt));
  const latest = new Map(notes.map((n) => [n.articleId, { authorName: n.authorName, body: n.body }]));
  return rows.map((row) => ({ ...row, lastNote: latest.get(row.id) ?? null }));
}
