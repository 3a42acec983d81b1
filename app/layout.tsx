import type { Metadata, Viewport } from 'next';
import { getSiteSettings } from '@/lib/settings/site';
import { siteOrigin } from '@/lib/site-url';
import { THEME_SCRIPT } from '@/lib/theme';
import { serif } from './fonts';
import './globals.css';

// The name and tagline are the admin's settings, read per request like everything else on the site.
export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.tagline,
    applicationName: site.name,
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#141413' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // data-theme is set by THEME_SCRIPT before React hydrates: React must not "correct" it.
    <html lang="en" className={serif.variable} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
