import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

// The whole editorial lifecycle is declared up front so that later workflow
// steps (review, scheduling, trash) need no enum migration.
export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'trashed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const articleStatusEnum = pgEnum('article_status', ARTICLE_STATUSES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // Stored lower-cased; the unique index is on the stored value.
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull().default('writer'),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    active: boolean('active').notNull().default(true),
    // Bumped to end every session of this person at once (sign-out, deactivation).
    sessionVersion: integer('session_version').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), uniqueIndex('users_slug_key').on(t.slug)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('sections_slug_key').on(t.slug)],
);
export type Section = typeof sections.$inferSelect;

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tags_slug_key').on(t.slug)],
);
export type Tag = typeof tags.$inferSelect;

// Uploads live in the database: one backup holds everything, and every app
// instance sees the same files without a shared volume.
export const images = pgTable('images', {
  id: uuid('id').primaryKey().defaultRandom(),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  byteSize: integer('byte_size').notNull(),
  data: bytea('data').notNull(),
  originalName: text('original_name').notNull().default(''),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type Image = typeof images.$inferSelect;

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    headline: text('headline').notNull().default(''),
    dek: text('dek').notNull().default(''),
    slug: text('slug').notNull(),
    body: jsonb('body').$type<JSONContent>().notNull(),
    // Derived from body on every save (Ghost keeps html and plaintext next to
    // the editor document): readers get stored HTML, never a render per request.
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'set null' }),
    status: articleStatusEnum('status').notNull().default('draft'),
    leadImageId: uuid('lead_image_id').references(() => images.id, { onDelete: 'set null' }),
    leadImageCaption: text('lead_image_caption').notNull().default(''),
    leadImageCredit: text('lead_image_credit').notNull().default(''),
    leadImageAlt: text('lead_image_alt').notNull().default(''),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    // Optimistic concurrency: a save names the version it was based on.
    version: integer('version').notNull().default(1),
    ...timestamps,
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_public_idx')
      .on(t.publishedAt.desc())
      .where(sql`${t.status} = 'published'`),
    index('articles_section_idx').on(t.sectionId, t.publishedAt.desc()),
    index('articles_updated_idx').on(t.updatedAt.desc()),
  ],
);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId)],
);
export type ArticleTag = typeof articleTags.$inferSelect;
