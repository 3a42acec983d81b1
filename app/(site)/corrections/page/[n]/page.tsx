import type { Metadata } from 'next';
import { pathPageNumber } from '@/lib/cache/paging';
import { CorrectionsListing, correctionsMetadata } from '../../listing';

// Readers reach it as /corrections?page=N (a rewrite in next.config.ts).
type Props = { params: Promise<{ n: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return correctionsMetadata(pathPageNumber((await params).n));
}

export default async function CorrectionsPageN({ params }: Props) {
  return <CorrectionsListing page={pathPageNumber((await params).n)} />;
}
