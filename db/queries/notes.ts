import { asc, eq } from 'drizzle-orm';
import { db } from '../client';
import { articleNotes, users, type ArticleNote } from '../schema';

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
