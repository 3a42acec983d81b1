import type { Metadata } from 'next';
import { AuthorListing, authorMetadata } from './listing';

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
