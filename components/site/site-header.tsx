import Link from 'next/link';
import { site } from '@/lib/site';
import type { Section } from '@/db/schema';

export function SiteHeader({ sections }: { sections: Pick<Section, 'name' | 'slug'>[] }) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-5 pb-3 sm:px-6">
        <Link href="/" className="font-serif text-2xl leading-none font-bold tracking-tight no-underline sm:text-4xl">
          {site.name}
        </Link>
        <Link
          href="/support"
          className="shrink-0 rounded-sm border border-accent px-3 py-1.5 text-sm font-semibold text-accent no-underline hover:bg-accent hover:text-accent-ink"
        >
          Support us
        </Link>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="mx-auto max-w-6xl overflow-x-auto px-4 sm:px-6">
          <ul className="flex gap-5 pb-3 text-sm font-medium whitespace-nowrap text-muted">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/#${section.slug}`} className="hover:text-ink hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
        <p>
          <span className="font-serif font-semibold text-ink">{site.name}</span> · {site.tagline}
        </p>
        <p className="flex gap-4">
          <Link href="/support" className="underline">
            {site.supportText}
          </Link>
          <Link href="/corrections" className="underline">
            Corrections
          </Link>
          <Link href="/sign-in" className="underline">
            Staff sign-in
          </Link>
        </p>
      </div>
    </footer>
  );
}
