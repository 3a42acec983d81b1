import { CopyLinkButton } from './copy-link-button.client';

export interface ShareTarget {
  /** The visible name of the service. */
  name: string;
  /** The accessible name, which says what the link does. */
  label: string;
  href: string;
  /** Web services open in a new tab; email opens the reader's mail program. */
  newTab: boolean;
}

/**
 * Share addresses of each service's own "compose" or "share" page: plain
 * links, so the page loads nothing from these services and tells them nothing
 * until a reader chooses to share.
 */
export function shareTargets(url: string, title: string): ShareTarget[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { name: 'Email', label: 'Share by email', href: `mailto:?subject=${text}&body=${both}`, newTab: false },
    { name: 'Bluesky', label: 'Share on Bluesky', href: `https://bsky.app/intent/compose?text=${both}`, newTab: true },
    { name: 'X', label: 'Share on X', href: `https://x.com/intent/tweet?text=${text}&url=${u}`, newTab: true },
    { name: 'Facebook', label: 'Share on Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}`, newTab: true },
    { name: 'LinkedIn', label: 'Share on LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`, newTab: true },
    { name: 'WhatsApp', label: 'Share on WhatsApp', href: `https://wa.me/?text=${both}`, newTab: true },
  ];
}

const pill =
  'inline-flex min-h-9 items-center rounded-full border border-rule px-3 py-1 text-sm no-underline hover:border-ink focus-visible:border-ink';

/** "Share this article": links to each service, and a Copy link button where the browser can copy. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section aria-labelledby="share-heading" className="mx-auto mt-10 max-w-[40rem] border-t border-rule pt-4 print:hidden">
      <h2 id="share-heading" className="text-sm font-bold tracking-widest uppercase">
        Share this article
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {shareTargets(url, title).map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              className={pill}
              aria-label={target.newTab ? `${target.label} (opens in a new tab)` : target.label}
              {...(target.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              {target.name}
            </a>
          </li>
        ))}
        <CopyLinkButton url={url} className={pill} />
      </ul>
    </section>
  );
}
