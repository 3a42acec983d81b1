import { invalidate } from './store.mjs';

/**
 * The cache tag scheme. Every cached reader page carries the tags of the data
 * it shows (its loaders in lib/cache/loaders.ts put them there); a change
 * invalidates the tags of what changed, and every page carrying one of them is
 * rendered anew on its next request, on every instance.
 */
export const tag = {
  /** The article itself: its page, its corrections. */
  article: (id: string) => `article:${id}`,
  /** Its address, found or not (a 404 or a withdrawn notice there changes when an article takes the slug). */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  /** A section's lists (section page, its feed). */
  section: (id: string) => `section:${id}`,
  /** A tag's lists, by id and by slug (a tag page that was a 404 before the tag existed). */
  tagged: (id: string) => `tag:${id}`,
  tagSlug: (slug: string) => `tag-slug:${slug}`,
  /** A person's list of articles. */
  author: (id: string) => `author:${id}`,
  /** The front page's lead, latest and rails. */
  home: 'home',
  /** Lists across the site: /latest, "Read next", /corrections. */
  lists: 'lists',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  /** Names, bios and photos shown with articles everywhere (bylines, author pages). */
  bylines: 'bylines',
  /** Site settings (name, logo, time zone, section order) and the sections: on every page. */
  settings: 'settings',
  /** Donation settings: the appeal at the end of articles. */
  donations: 'donations',
} as const;

/** What readers may see of an article: enough to name every page that shows it. */
export interface ArticleCacheState {
  id: string;
  slug: string;
  status: string;
  publishedAt: Date | null;
  sectionId: string | null;
  tags: { id: string; slug: string }[];
  /** Everyone on the byline (and the article's owner). */
  authorIds: string[];
}

/**
 * Whether readers can see anything of this state: the article (published, or
 * scheduled, whose time may come before the scheduler runs), or the notice that
 * it was withdrawn (it was public once). A draft never published shows nothing.
 */
export function isReaderVisible(state: ArticleCacheState | null): boolean {
  return Boolean(state && (state.status === 'published' || state.status === 'scheduled' || state.publishedAt));
}

/**
 * The tags to invalidate when an article changes, from its state before and
 * after the change (either may be null: created, deleted). An edit can move it
 * to another section, change its tags, bylines or slug: the pages of the old
 * and the new ones both change. Nothing when readers saw it neither before nor after.
 */
export function articleChangeTags(before: ArticleCacheState | null, after: ArticleCacheState | null): string[] {
  if (!isReaderVisible(before) && !isReaderVisible(after)) return [];
  const out = new Set<string>([tag.home, tag.lists, tag.feeds, tag.sitemaps]);
  for (const state of [before, after]) {
    if (!state) continue;
    out.add(tag.article(state.id));
    out.add(tag.articleSlug(state.slug));
    if (state.sectionId) out.add(tag.section(state.sectionId));
    for (const t of state.tags) {
      out.add(tag.tagged(t.id));
      out.add(tag.tagSlug(t.slug));
    }
    for (const id of state.authorIds) out.add(tag.author(id));
  }
  return [...out];
}

/** A correction or update added to a published article: its page, the corrections list, feeds and sitemaps (modified time). */
export function correctionTags(article: ArticleCacheState): string[] {
  return articleChangeTags(article, article);
}

/** A person's name, bio or photo changed: their page and every byline naming them. */
export function profileTags(userId: string): string[] {
  return [tag.author(userId), tag.bylines];
}

/** Site settings changed: every page (the header, footer, dates in the zone, section order). */
export function siteSettingsTags(): string[] {
  return [tag.settings];
}

/** Donation settings changed: the appeal at the end of every article. */
export function donationSettingsTags(): string[] {
  return [tag.donations];
}

/**
 * Invalidates tags from anywhere: a server action, a route handler, or the
 * scheduler's timer outside any request (where Next's revalidateTag throws).
 * It writes the cache handler's tag store directly, which with REDIS_URL is
 * shared by every instance. Never throws: with Redis unreachable the times are
 * kept in this process and written when it is back (lib/cache/store.mjs).
 */
export async function invalidateTags(tags: Iterable<string>): Promise<void> {
  const list = [...new Set(tags)];
  if (list.length === 0) return;
  try {
    await invalidate(list);
  } catch (error) {
    console.error(`[cache] invalidation failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
