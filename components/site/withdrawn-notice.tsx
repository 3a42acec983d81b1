import Link from 'next/link';

/**
 * What a reader sees at the address of an article the newsroom took down.
 * It says nothing about the article itself: a story withdrawn for legal
 * reasons must not leak its headline.
 */
export function WithdrawnNotice() {
  return (
    <div className="mx-auto max-w-xl py-20 text-center">
      <p className="text-sm font-semibold tracking-widest text-muted uppercase">Withdrawn</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">This article is no longer available</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        It was published here but has since been withdrawn by the newsroom. When we withdraw a story because of an error, our corrections page says so.
      </p>
      <ul className="mt-8 flex flex-wrap justify-center gap-x-6 gap-y-2">
        <li>
          <Link href="/corrections" className="font-semibold text-accent underline">
            Corrections and updates
          </Link>
        </li>
        <li>
          <Link href="/latest" className="font-semibold text-accent underline">
            All stories
          </Link>
        </li>
        <li>
          <Link href="/" className="font-semibold text-accent underline">
            Front page
          </Link>
        </li>
      </ul>
    </div>
  );
}
