import type { Metadata } from 'next';
import { pathPageNumber } from '@/lib/cache/paging';
import { SectionListing, sectionMetadata } from '../../listing';

// Readers reach it as /sections/<slug>?page=N (a rewrite in next.config.ts).
type Props = { params: Promise<{ slug: string; n: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  return sectionMetadata(slug, pathPageNumber(n));
}

export default async function SectionPageN({ params }: Props) {
  const { slug, n } = await params;
  return <SectionListing slug={slug} page={pathPageNumber(n)} />;
}
