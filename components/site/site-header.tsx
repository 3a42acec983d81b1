import Link from 'next/link';
import { ThemeToggle } from './theme-toggle.client';
import { ResponsiveImage } from './responsive-image';
import { HeaderSearch } from './search-form';
import type { Section } from '@/db/schema';
import type { SiteLogo } from '@/lib/settings/site';
import type { SiteSettings } from '@/lib/settings/site-schema';

type Identity = Pick<SiteSettings, 'name' | 'tagline' | 'supportText'> & { logo: SiteLogo | null };

/**
 * The uploaded logo at its real proportions, named by the newsroom's name; a
 * light plate keeps a logo drawn for white paper legible in dark mode.
 */
function Logo({ logo, name, className, sizes, preload = false }: { logo: SiteLogo; name: string; className: string; sizes: string; preload?: boolean }) {
  return (
    <ResponsiveImage
      src={logo.src}
      alt={name}
      width={logo.width}
      height={logo.height}
      sizes={sizes}
      preload={preload}
      className={`h-auto w-auto object-contain dark:rounded-sm dark:bg-[#fbfaf7] dark:p-1 ${className}`}
    />
  );
}

export function SiteHeader({ site, sections }: { site: Identity; sections: Pick<Section, 'name' | 'slug'>[] }) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 pt-5 pb-3 sm:px-6">
        <Link href="/" className="min-w-0 font-serif text-2xl leading-none font-bold tracking-tight text-balance no-underline sm:text-4xl">
          {site.logo ? <Logo logo={site.logo} name={site.name} sizes="(min-width: 640px) 24rem, 14rem" className="max-h-10 max-w-56 sm:max-h-14 sm:max-w-96" preload /> : site.name}
        </Link>
        <HeaderSearch className="order-last w-full sm:order-none sm:ml-auto sm:w-auto" />
        <div className="flex max-w-full flex-wrap items-center gap-2">
          <ThemeToggle />
          <Link
            href="/support"
            className="max-w-full rounded-sm border border-accent px-3 py-1.5 text-sm font-semibold text-balance text-accent no-underline hover:bg-accent hover:text-accent-ink"
          >
            {site.supportText}
          </Link>
        </div>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="mx-auto max-w-6xl overflow-x-auto px-4 sm:px-6">
          <ul className="flex gap-5 pb-3 text-sm font-medium whitespace-nowrap text-muted">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/sections/${section.slug}`} className="hover:text-ink hover:underline">
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

export function SiteFooter({ site }: { site: Identity }) {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p className="flex flex-col items-start gap-x-2 gap-y-1 sm:flex-row sm:items-center">
          {site.logo ? (
            <Logo logo={site.logo} name={site.name} sizes="10rem" className="max-h-7 max-w-40" />
          ) : (
            <span className="font-serif font-semibold text-ink">{site.name}</span>
          )}
          <span aria-hidden="true" className="hidden sm:inline">
            ·
          </span>
          <span>{site.tagline}</span>
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
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
