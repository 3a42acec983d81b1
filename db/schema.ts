import { getTableColumns, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
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
    avatarImageId: uuid('avatar_image_id'),
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
    // The tag's taggings with a live_published_at (article_tags), kept exact by
    // triggers (drizzle/0005_tag_live_counts.sql). Its public articles are these
    // less the few not yet due: the tag page's count and the sitemap's list of
    // tags read no taggings.
    liveArticleCount: integer('live_article_count').notNull().default(0),
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
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    // For a scheduled article, the time it goes live: public queries compare it with now().
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // What readers see as "Updated": set by corrections and by edits to published text.
    modifiedAt: timestamp('modified_at', { withTimezone: true }),
    trashedAt: timestamp('trashed_at', { withTimezone: true }),
    // Full-text search: kept by PostgreSQL itself, so every write path is covered.
    // Headline outranks dek, dek outranks body. Stored in the row itself (STORAGE
    // MAIN, drizzle/0004_search_and_sitemap.sql; drizzle-kit cannot express it):
    // a search tests and ranks up to a thousand of them, and out of line each
    // was a TOAST index lookup and chunk reads.
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(headline, '')), 'A') || setweight(to_tsvector('english', coalesce(dek, '')), 'B') || setweight(to_tsvector('english', coalesce(body_text, '')), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    // Reader lists walk these in order and stop at the page they need (issue 6:
    // every reader query under 20 ms at 100,000 articles; `npm run bench:queries`).
    // Partial on the two statuses readers can see; `id` breaks ties in publication order.
    // Not declared here: articles_sitemap_idx on (published_at, id) INCLUDE (slug,
    // modified_at), same condition, written in drizzle/0003_reader_query_indexes.sql
    // (drizzle-kit cannot express INCLUDE): a sitemap file's articles are read
    // from the index alone.
    index('articles_public_order_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('articles_section_public_idx')
      .on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('articles_author_public_idx')
      .on(t.authorId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled')`),
    // Corrections and edits are few: the newest change of a list is its newest publication or one of these.
    index('articles_modified_public_idx')
      .on(t.modifiedAt.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'scheduled') and ${t.modifiedAt} is not null`),
    // Whether an article is public, read from the index alone: the sitemap asks
    // it of one tagging of each of thousands of tags.
    index('articles_public_id_idx')
      .on(t.id, t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('articles_scheduled_idx')
      .on(t.publishedAt)
      .where(sql`${t.status} = 'scheduled'`),
    index('articles_updated_idx').on(t.updatedAt.desc()),
    index('articles_search_idx').using('gin', t.searchVector),
  ],
);
/** Every column but the search vector, which only search queries read. */
const { searchVector: _searchVector, ...articleRowColumns } = getTableColumns(articles);
export const articleRow = articleRowColumns;
export type Article = Omit<typeof articles.$inferSelect, 'searchVector'>;
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
    // The article's published_at while it is live (published or scheduled), else
    // null: kept by triggers (drizzle/0005_tag_live_counts.sql). A tag's newest
    // public articles are then one short read of article_tags_tag_live_idx, not a
    // probe of every tagging's article (related stories).
    livePublishedAt: timestamp('live_published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_article_idx').on(t.tagId, t.articleId),
    index('article_tags_tag_live_idx')
      .on(t.tagId, t.livePublishedAt.desc().nullsFirst(), t.articleId.desc().nullsFirst())
      .where(sql`${t.livePublishedAt} is not null`),
  ],
);
export type ArticleTag = typeof articleTags.$inferSelect;

/** Bylines, in the order they are printed. The article's author_id stays its owner. */
export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_authors_user_article_idx').on(t.userId, t.articleId)],
);
export type ArticleAuthor = typeof articleAuthors.$inferSelect;

/** Notes between writer and editor on an article (the review conversation). */
export const articleNotes = pgTable(
  'article_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_notes_article_idx').on(t.articleId, t.createdAt)],
);
export type ArticleNote = typeof articleNotes.$inferSelect;

export const REVISION_REASONS = ['save', 'publish', 'restore', 'overwrite', 'conflict'] as const;
export const revisionReasonEnum = pgEnum('revision_reason', REVISION_REASONS);

/** Snapshots of an article's text, for history, diffs and restores. */
export const revisions = pgTable(
  'revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    articleVersion: integer('article_version').notNull(),
    reason: revisionReasonEnum('reason').notNull(),
    headline: text('headline').notNull(),
    dek: text('dek').notNull(),
    body: jsonb('body').$type<JSONContent>().notNull(),
    bodyText: text('body_text').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt.desc())],
);
export type Revision = typeof revisions.$inferSelect;

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export const correctionKindEnum = pgEnum('correction_kind', CORRECTION_KINDS);

/** A dated correction or update note at the end of a published article. */
export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: correctionKindEnum('kind').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('corrections_created_idx').on(t.createdAt.desc()), index('corrections_article_idx').on(t.articleId)],
);
export type Correction = typeof corrections.$inferSelect;

/** Who did what, when (UTC), to which object. Never holds a secret. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // Kept as text so the entry still reads right after the person is renamed or removed.
    actorLabel: text('actor_label').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type').notNull().default(''),
    objectId: text('object_id').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at.desc()), index('audit_log_action_idx').on(t.action, t.at.desc()), index('audit_log_actor_idx').on(t.actorId, t.at.desc())],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const TOKEN_KINDS = ['invite', 'password_reset'] as const;
export const tokenKindEnum = pgEnum('token_kind', TOKEN_KINDS);

/** Single-use links: invitations and password resets. Only a hash of the token is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: tokenKindEnum('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: roleEnum('role'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_tokens_hash_key').on(t.tokenHash)],
);
export type UserToken = typeof userTokens.$inferSelect;

/** Who has an article open for editing right now (refreshed by a heartbeat). */
export const articleLocks = pgTable('article_locks', {
  articleId: uuid('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ArticleLock = typeof articleLocks.$inferSelect;

/**
 * Newsroom settings an admin changes without a deploy, one JSON document per
 * area ("site", "donations", ...). Each area validates its own document with
 * its own schema (lib/settings/*), and falls back to defaults for what is missing.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SettingsRow = typeof settings.$inferSelect;

// Reader support (donations). Money is always an integer count of the
// currency's minor unit (cents, pence), as Stripe counts it: never a float.

export const DONATION_FREQUENCIES = ['once', 'monthly', 'annually'] as const;
export type DonationFrequency = (typeof DONATION_FREQUENCIES)[number];
export const donationFrequencyEnum = pgEnum('donation_frequency', DONATION_FREQUENCIES);

/** pending: sent to checkout, not paid yet; abandoned: the checkout expired unpaid. */
export const DONATION_STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'abandoned'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];
export const donationStatusEnum = pgEnum('donation_status', DONATION_STATUSES);

export const RECURRING_GIFT_STATUSES = ['pending', 'active', 'past_due', 'paused', 'cancelled', 'abandoned'] as const;
export type RecurringGiftStatus = (typeof RECURRING_GIFT_STATUSES)[number];
export const recurringGiftStatusEnum = pgEnum('recurring_gift_status', RECURRING_GIFT_STATUSES);

const donorColumns = {
  donorName: text('donor_name').notNull().default(''),
  // Stored lower-cased.
  donorEmail: text('donor_email').notNull().default(''),
  note: text('note').notNull().default(''),
};

/** A monthly or annual gift: a Stripe subscription, or its stand-in in test mode. Each payment is a row in donations. */
export const recurringGifts = pgTable(
  'recurring_gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Random and unguessable: the thank-you page's address carries it.
    ref: text('ref').notNull(),
    frequency: donationFrequencyEnum('frequency').notNull(),
    amount: integer('amount').notNull(),
    // ISO 4217, upper case.
    currency: text('currency').notNull(),
    status: recurringGiftStatusEnum('status').notNull().default('pending'),
    ...donorColumns,
    // Made without Stripe (test mode) or in Stripe's test mode: never counted with real money.
    test: boolean('test').notNull(),
    stripeCheckoutSessionId: text('stripe_checkout_session_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    stripeCustomerId: text('stripe_customer_id'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // The newest subscription event applied: an older one delivered late changes nothing.
    stripeEventAt: timestamp('stripe_event_at', { withTimezone: true }),
    manageLinkSentAt: timestamp('manage_link_sent_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('recurring_gifts_ref_key').on(t.ref),
    uniqueIndex('recurring_gifts_checkout_session_key').on(t.stripeCheckoutSessionId),
    uniqueIndex('recurring_gifts_subscription_key').on(t.stripeSubscriptionId),
    index('recurring_gifts_status_idx').on(t.status, t.currency, t.frequency),
    index('recurring_gifts_email_idx').on(t.donorEmail),
    check('recurring_gifts_amount_check', sql`${t.amount} > 0`),
    check('recurring_gifts_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('recurring_gifts_frequency_check', sql`${t.frequency} <> 'once'`),
  ],
);
export type RecurringGift = typeof recurringGifts.$inferSelect;
export type NewRecurringGift = typeof recurringGifts.$inferInsert;

/** Money given: a one-time gift, or one payment of a recurring gift. */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One-time gifts only: random, the thank-you page's address carries it.
    ref: text('ref'),
    frequency: donationFrequencyEnum('frequency').notNull(),
    recurringGiftId: uuid('recurring_gift_id').references(() => recurringGifts.id, { onDelete: 'set null' }),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: donationStatusEnum('status').notNull().default('pending'),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    ...donorColumns,
    test: boolean('test').notNull(),
    stripeCheckoutSessionId: text('stripe_checkout_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeInvoiceId: text('stripe_invoice_id'),
    stripeCustomerId: text('stripe_customer_id'),
    // When the money arrived: month totals and the goal count by this.
    paidAt: timestamp('paid_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('donations_ref_key').on(t.ref),
    uniqueIndex('donations_checkout_session_key').on(t.stripeCheckoutSessionId),
    uniqueIndex('donations_payment_intent_key').on(t.stripePaymentIntentId),
    // An invoice is paid once: a second delivery of invoice.paid cannot add a second row.
    uniqueIndex('donations_invoice_key').on(t.stripeInvoiceId),
    index('donations_paid_idx').on(t.paidAt.desc()),
    index('donations_created_idx').on(t.createdAt.desc()),
    index('donations_gift_idx').on(t.recurringGiftId),
    check('donations_amount_check', sql`${t.amount} > 0`),
    check('donations_refunded_check', sql`${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.amount}`),
    check('donations_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
export type Donation = typeof donations.$inferSelect;
export type NewDonation = typeof donations.$inferInsert;

/** Stripe events already applied, by event id: written in the same transaction as their effects. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  livemode: boolean('livemode').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});
export type StripeEventRow = typeof stripeEvents.$inferSelect;
