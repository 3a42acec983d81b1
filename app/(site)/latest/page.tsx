import type { Metadata } from 'next';
import { LatestListing, latestMetadata } from './listing';

export const revalidate = 60;

export function generateMetadata(): Promise<Metadata> {
  return latestMetadata(1);
}

export default function LatestPage() {
  return <LatestListing page={1} />;
}
