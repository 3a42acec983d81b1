import type { Metadata } from 'next';
import { CorrectionsListing, correctionsMetadata } from './listing';

export const revalidate = 60;

export function generateMetadata(): Promise<Metadata> {
  return correctionsMetadata(1);
}

export default function CorrectionsPage() {
  return <CorrectionsListing page={1} />;
}
