import type { Article, Role } from '@/db/schema';

// The rights table (README.md, "Roles and rights"), as code. Every server
// action and dashboard query asks here; the UI only hides what this refuses.

export interface Actor {
  id: string;
  role: Role;
}

type ArticleRef = Pick<Article, 'authorId' | 'status'>;

const isEditor = (actor: Actor) => actor.role === 'editor' || actor.role === 'admin';

export const can = {
  createArticle: (_actor: Actor) => true,
  /** Writers may see their own articles only; editors and admins see all. */
  viewArticle: (actor: Actor, article: ArticleRef) => isEditor(actor) || article.authorId === actor.id,
  /** Writers edit their own work until it is published; editors edit anything. */
  editArticle: (actor: Actor, article: ArticleRef) =>
    isEditor(actor) || (article.authorId === actor.id && (article.status === 'draft' || article.status === 'unpublished')),
  publishArticle: (actor: Actor) => isEditor(actor),
  unpublishArticle: (actor: Actor) => isEditor(actor),
  uploadImage: (_actor: Actor) => true,
  /** The newsroom's name, logo, time zone, "Support us" text and home page order. */
  manageSettings: (actor: Actor) => actor.role === 'admin',
};
