/** Where each kind of reader page lives: one place, so links, feeds, sitemaps and metadata agree. */
export const articleHref = (slug: string) => `/articles/${slug}`;
export const authorHref = (slug: string) => `/authors/${slug}`;
export const sectionHref = (slug: string) => `/sections/${slug}`;
export const tagHref = (slug: string) => `/tags/${slug}`;
