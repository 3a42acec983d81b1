import Link from 'next/link';
import { getSiteSettings } from '@/lib/settings/site';

export default async function NotFound() {
  const site = await getSiteSettings();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold tracking-widest text-muted uppercase">404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">This page isn’t here</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        The article may have been moved or taken down, or the address may be mistyped.
      </p>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-accent underline">
          Go to the {site.name} front page
        </Link>
      </p>
    </main>
  );
}
