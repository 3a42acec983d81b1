import type { Metadata } from 'next';
import { pathPageNumber } from '@/lib/cache/paging';
import { LatestListing, latestMetadata } from '../../listing';

// Readers reach it as /latest?page=N (a rewrite in next.config.ts).
type Props = { params: Promise<{ n: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return latestMetadata(pathPageNumber((await params).n));
}

export default async function LatestPageN({ params }: Props) {
  return <LatestListing page={pathPageNumber((await params).n)} />;
}
