import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getPublishedArticle } from '@/db/queries/articles';
import { formatDateTime } from '@/lib/dates';
import { site } from '@/lib/site';

// One loader for the page and its metadata: one query per request.
const loadArticle = cache(getPublishedArticle);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  if (!article) return {};
  return {
    title: article.headline,
    description: article.dek || undefined,
    alternates: { canonical: `/articles/${article.slug}` },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > 10 * 60_000;

  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-3 text-sm text-muted">
          <p>
            {article.section && (
              <>
                <span className="font-semibold tracking-wider text-accent uppercase">{article.section.name}</span>
                <span aria-hidden="true"> · </span>
              </>
            )}
            <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
          </p>
          <Link href="/support" className="font-semibold text-accent underline">
            {site.supportText}!
          </Link>
        </div>
        <h1 className="mt-5 font-serif text-3xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">{article.headline}</h1>
        {article.dek && <p className="mt-4 font-serif text-xl leading-snug text-muted">{article.dek}</p>}
        <p className="mt-5 text-sm">
          By <span className="font-semibold">{article.author.name}</span>
          {updated && (
            <span className="text-muted">
              {' · Updated '}
              <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt)}</time>
            </span>
          )}
        </p>
      </header>

      {article.leadImage && (
        <figure className="mt-6">
          <Image
            src={article.leadImage.src}
            alt={article.leadImage.alt}
            width={article.leadImage.width}
            height={article.leadImage.height}
            sizes="(min-width: 768px) 48rem, 100vw"
            priority
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
    </article>
  );
}
