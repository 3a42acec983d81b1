import Link from 'next/link';
import type { PublicArticleSummary } from '@/db/queries/articles';
import { formatDate } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { BylineNames } from './byline';
import { ResponsiveImage } from './responsive-image';

export { articleHref } from '@/lib/paths';
import { articleHref } from '@/lib/paths';

/**
 * A story in a list. `lead` is a page's top story (bigger image, bigger
 * headline); `compact` is a headline with its date, for a narrow column.
 */
export async function StoryCard({
  article,
  lead = false,
  compact = false,
  priority = false,
  heading: Heading = 'h2',
}: {
  article: PublicArticleSummary;
  lead?: boolean;
  compact?: boolean;
  priority?: boolean;
  /** One level below the heading of the list it sits in (h3 under the home page's h2 rails). */
  heading?: 'h2' | 'h3' | 'h4';
}) {
  const { timeZone } = await getSiteSettings();
  if (compact) {
    return (
      <article>
        {article.section && <p className="mb-0.5 text-xs font-semibold tracking-wider text-accent uppercase">{article.section.name}</p>}
        <Heading className="font-serif text-lg leading-snug font-bold">
          <Link href={articleHref(article.slug)} className="hover:underline">
            {article.headline}
          </Link>
        </Heading>
        <p className="mt-1 text-xs text-muted">
          <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
        </p>
      </article>
    );
  }
  return (
    <article className={lead ? 'grid gap-4 md:grid-cols-5 md:gap-8' : 'flex flex-col gap-3'}>
      {article.leadImage && (
        <Link href={articleHref(article.slug)} className={lead ? 'md:col-span-3' : ''} tabIndex={-1} aria-hidden="true">
          <ResponsiveImage
            src={article.leadImage.src}
            alt=""
            width={article.leadImage.width}
            height={article.leadImage.height}
            sizes={lead ? '(min-width: 768px) 60vw, 100vw' : '(min-width: 1024px) 22rem, (min-width: 640px) 45vw, 100vw'}
            preload={priority}
            fetchPriority={priority && lead ? 'high' : undefined}
            className="aspect-[3/2] w-full bg-rule object-cover"
          />
        </Link>
      )}
      <div className={lead ? 'md:col-span-2 md:self-center' : ''}>
        {article.section && <p className="mb-1 text-xs font-semibold tracking-wider text-accent uppercase">{article.section.name}</p>}
        <Heading className={`font-serif leading-tight font-bold ${lead ? 'text-3xl sm:text-4xl' : 'text-xl'}`}>
          <Link href={articleHref(article.slug)} className="hover:underline">
            {article.headline}
          </Link>
        </Heading>
        {article.dek && <p className={`mt-2 font-serif text-muted ${lead ? 'text-lg' : 'text-base'}`}>{article.dek}</p>}
        <p className="mt-2 text-xs text-muted">
          <BylineNames authors={article.authors} /> · <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
        </p>
      </div>
    </article>
  );
}
