import 'server-only';
import * as articles from '@/db/queries/articles';
import * as corrections from '@/db/queries/corrections';
import { getImageInfo } from '@/db/queries/images';
import { getPublicAuthor } from '@/db/queries/people';
import { readSettings } from '@/db/queries/settings';
import * as taxonomy from '@/db/queries/taxonomy';
import { cached } from './cached';
import { tag } from './tags';

/**
 * The reader site's data loaders, served from the data cache and tagged with
 * what they show (lib/cache/tags.ts). A page rendered from them carries their
 * tags, so invalidating a tag refreshes both the data and every page showing it.
 * Pages import these instead of db/queries/*: the queries stay plain functions
 * for the dashboard, scripts and tests.
 */

const listTags = (options?: articles.PublicListOptions) =>
  options?.sectionId ? [tag.section(options.sectionId)] : options?.tagId ? [tag.tagged(options.tagId)] : [tag.home, tag.lists];

export const listPublishedArticles = cached(articles.listPublishedArticles, {
  key: 'articles.list',
  tags: (...[options]) => [...listTags(options), tag.bylines],
  buildValue: [],
});

export const countPublishedArticles = cached(articles.countPublishedArticles, {
  key: 'articles.count',
  tags: (...[options]) => listTags(options),
  buildValue: 0,
});

export const listSectionRails = cached(articles.listSectionRails, {
  key: 'articles.rails',
  tags: () => [tag.home, tag.bylines],
  buildValue: new Map(),
});

export const listRelatedArticles = cached(articles.listRelatedArticles, {
  key: 'articles.related',
  tags: () => [tag.lists, tag.bylines],
  buildValue: [],
});

export const listPublishedArticlesByAuthor = cached(articles.listPublishedArticlesByAuthor, {
  key: 'articles.by-author',
  tags: (...[userId]) => [tag.author(userId), tag.bylines],
  buildValue: [],
});

export const countPublishedArticlesByAuthor = cached(articles.countPublishedArticlesByAuthor, {
  key: 'articles.count-by-author',
  tags: (userId) => [tag.author(userId)],
  buildValue: 0,
});

export const getPublishedArticle = cached(articles.getPublishedArticle, {
  key: 'articles.published',
  tags: (slug) => [tag.articleSlug(slug), tag.bylines],
  buildValue: null,
});

export const wasWithdrawn = cached(articles.wasWithdrawn, {
  key: 'articles.withdrawn',
  tags: (slug) => [tag.articleSlug(slug)],
  buildValue: false,
  // The scheduler deletes trashed articles after 30 days without saying which addresses they had.
  revalidate: 3600,
});

export const listCorrectionsForArticle = cached(corrections.listCorrectionsForArticle, {
  key: 'corrections.article',
  tags: (articleId) => [tag.article(articleId)],
  buildValue: [],
});

export const listPublicCorrections = cached(corrections.listPublicCorrections, {
  key: 'corrections.list',
  tags: () => [tag.lists],
  buildValue: [],
});

export const countPublicCorrections = cached(corrections.countPublicCorrections, {
  key: 'corrections.count',
  tags: () => [tag.lists],
  buildValue: 0,
});

export const listSections = cached(taxonomy.listSections, { key: 'sections', tags: () => [tag.settings], buildValue: [] });

export const getSectionBySlug = cached(taxonomy.getSectionBySlug, { key: 'section', tags: () => [tag.settings], buildValue: null });

export const getTagBySlug = cached(taxonomy.getTagBySlug, { key: 'tag', tags: (slug) => [tag.tagSlug(slug)], buildValue: null });

export const getAuthor = cached(getPublicAuthor, { key: 'author', tags: () => [tag.bylines], buildValue: null });

/** Site-wide images (the logo): an image never changes once uploaded, but which one is the logo is a setting. */
export const getSettingsImage = cached(getImageInfo, { key: 'settings.image', tags: () => [tag.settings], buildValue: null });

export const readSiteSettingsDocument = cached(() => readSettings('site'), { key: 'settings.site', tags: () => [tag.settings], buildValue: {} });

export const readDonationSettingsDocument = cached(() => readSettings('donations'), { key: 'settings.donations', tags: () => [tag.donations], buildValue: {} });
