import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BylineNames } from '@/components/site/byline';
import { ArticleJsonLd } from '@/components/site/json-ld';
import { ShareLinks } from '@/components/site/share-links';
import { RelatedStories } from '@/components/site/related-stories';
import { ResponsiveImage } from '@/components/site/responsive-image';
import { SupportAppeal } from '@/components/site/support-appeal';
import { WithdrawnNotice } from '@/components/site/withdrawn-notice';
import { getPublishedArticle, listCorrectionsForArticle, wasWithdrawn } from '@/lib/cache/loaders';
import { formatDate, formatDateTime } from '@/lib/dates';
import { sectionHref } from '@/lib/paths';
import { readingMinutes } from '@/lib/reading-time';
import { articleMetadata } from '@/lib/seo';
import { getSiteSettings } from '@/lib/settings/site';
import { absoluteUrl } from '@/lib/site-url';
import { CORRECTION_KIND_LABEL } from '@/lib/validation/correction';

// One loader for the page and its metadata. Rendered on the first request for an address and
// kept until the article changes (lib/cache); nothing is built ahead.
const loadArticle = cache(getPublishedArticle);

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await loadArticle(slug);
  if (!article) return (await wasWithdrawn(slug)) ? { title: 'Article withdrawn', robots: { index: false, follow: true } } : {};
  return articleMetadata(article);
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await loadArticle(slug);
  if (!article) {
    // The reader is told it was taken down, not that they mistyped (noindex: search engines drop it).
    if (await wasWithdrawn(slug)) return <WithdrawnNotice />;
    notFound();
  }
  const [corrections, site] = await Promise.all([listCorrectionsForArticle(article.id), getSiteSettings()]);
  // Set only by corrections and by edits to the published text; never earlier than publication.
  const modifiedAt = article.modifiedAt && article.modifiedAt > article.publishedAt ? article.modifiedAt : null;

  return (
    <>
      <article className="mx-auto max-w-3xl">
        <ArticleJsonLd article={article} />
        <header>
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-3 text-sm text-muted">
            <p>
              {article.section && (
                <>
                  <Link href={sectionHref(article.section.slug)} className="font-semibold tracking-wider text-accent uppercase hover:underline">
                    {article.section.name}
                  </Link>
                  <span aria-hidden="true"> · </span>
                </>
              )}
              <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt, site.timeZone)}</time>
            </p>
            <Link href="/support" className="font-semibold text-accent underline">
              {site.supportText}!
            </Link>
          </div>
          <h1 className="mt-5 font-serif text-3xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">{article.headline}</h1>
          {article.dek && <p className="mt-4 font-serif text-xl leading-snug text-muted">{article.dek}</p>}
          <p className="mt-5 text-sm">
            By <BylineNames authors={article.authors} linkClassName="font-semibold hover:underline" />
            <span className="text-muted"> · {readingMinutes(article.wordCount)} min read</span>
            {modifiedAt && (
              <span className="text-muted">
                {' · Updated '}
                <time dateTime={modifiedAt.toISOString()}>{formatDateTime(modifiedAt, site.timeZone)}</time>
              </span>
            )}
          </p>
        </header>

        {article.leadImage && (
          <figure className="mt-6">
            <ResponsiveImage
              src={article.leadImage.src}
              alt={article.leadImage.alt}
              width={article.leadImage.width}
              height={article.leadImage.height}
              sizes="(min-width: 768px) 48rem, 100vw"
              preload
              fetchPriority="high"
              className="h-auto w-full bg-rule"
            />
            {(article.leadImageCaption || article.leadImageCredit) && (
              <figcaption className="lead-caption">
                {article.leadImageCaption && <span className="caption">{article.leadImageCaption}</span>}{' '}
                {article.leadImageCredit && <span className="credit">{article.leadImageCredit}</span>}
              </figcaption>
            )}
          </figure>
        )}

        {/* Stored HTML: rendered from the validated document and sanitised at save time. */}
        <div className="article-body mx-auto mt-8" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        {corrections.length > 0 && (
          <section aria-labelledby="corrections-heading" className="mx-auto mt-10 max-w-[40rem] border-t-2 border-ink pt-4">
            <h2 id="corrections-heading" className="text-sm font-bold tracking-widest uppercase">
              Corrections and updates
            </h2>
            <ol className="mt-3 flex flex-col gap-3 font-serif text-[1.0625rem] leading-relaxed">
              {corrections.map((correction) => (
                <li key={correction.id}>
                  <strong className="font-semibold">
                    {CORRECTION_KIND_LABEL[correction.kind]}, <time dateTime={correction.createdAt.toISOString()}>{formatDate(correction.createdAt, site.timeZone)}</time>:
                  </strong>{' '}
                  {correction.body}
                </li>
              ))}
            </ol>
            <p className="mt-3 text-sm">
              <Link href="/corrections" className="text-muted underline hover:text-ink">
                All corrections and updates
              </Link>
            </p>
          </section>
        )}

        {article.tags.length > 0 && (
          <footer className="mx-auto mt-10 max-w-[40rem] border-t border-rule pt-4">
            <h2 className="sr-only">Tags</h2>
            <ul className="flex flex-wrap gap-2 text-sm">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tags/${tag.slug}`} className="inline-block rounded-full border border-rule px-3 py-1 hover:border-ink">
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        )}
        <ShareLinks url={absoluteUrl(`/articles/${article.slug}`)} title={article.headline} />
        <SupportAppeal />
      </article>
      <RelatedStories article={article} />
    </>
  );
}
