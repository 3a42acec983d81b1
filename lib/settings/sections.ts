import 'server-only';
import { cache } from 'react';
import { listSections } from '@/lib/cache/loaders';
import type { Section } from '@/db/schema';
import { getSiteSettings } from './site';

/**
 * Sections in the order the admin chose (slugs in `order`); sections the order
 * does not name (added since, say) follow in their usual order, by position
 * then name. Slugs of sections that no longer exist are skipped.
 */
export function orderSections<T extends Pick<Section, 'slug'>>(sections: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((slug, index) => [slug, index]));
  return sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => (rank.get(a.section.slug) ?? order.length + a.index) - (rank.get(b.section.slug) ?? order.length + b.index))
    .map(({ section }) => section);
}

/** Every section in the home page's order: for the home page itself and the reader's section navigation. */
export const listSectionsInHomeOrder = cache(async (): Promise<Section[]> => {
  const [sections, settings] = await Promise.all([listSections(), getSiteSettings()]);
  return orderSections(sections, settings.sectionOrder);
});
