'use client';

/**
 * An above-the-fold <img>, rendered from a client component on purpose. React's server-component
 * renderer sends a preload hint for every eager <img> it renders, and the router acts on the hints
 * of each page it prefetches: every linked story's lead image would download with the page that
 * links to it. Rendered here, the image is announced only in the HTML of the page that shows it.
 */
export function EagerImage({ alt, ...props }: React.ComponentProps<'img'> & { alt: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- the props come from next/image's getImageProps.
  return <img alt={alt} {...props} />;
}
