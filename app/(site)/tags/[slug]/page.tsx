import type { Metadata } from 'next';
import { TagListing, tagMetadata } from './listing';

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />;
}
