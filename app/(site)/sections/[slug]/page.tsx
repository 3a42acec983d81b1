import type { Metadata } from 'next';
import { SectionListing, sectionMetadata } from './listing';

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata((await params).slug, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />;
}
