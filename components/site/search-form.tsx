import { Fragment } from 'react';
import type { HighlightSegment } from '@/db/queries/search';

/** Where the search page lives; both forms send `?q=` there with a plain GET, so they work without JavaScript. */
export const SEARCH_PATH = '/search';

function MagnifierIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" className={className}>
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" />
    </svg>
  );
}

/** The small search box in the site header. */
export function HeaderSearch({ className = '' }: { className?: string }) {
  return (
    <form role="search" aria-label="Site search" action={SEARCH_PATH} method="get" className={`flex items-stretch ${className}`}>
      <input
        type="search"
        name="q"
        aria-label="Search articles"
        placeholder="Search"
        enterKeyHint="search"
        autoComplete="off"
        className="w-full min-w-0 rounded-l-sm border border-rule bg-panel px-3 py-1.5 text-base text-ink placeholder:text-muted focus:border-ink sm:w-44 sm:text-sm lg:w-56"
      />
      <button
        type="submit"
        aria-label="Search"
        className="inline-flex shrink-0 items-center justify-center rounded-r-sm border border-l-0 border-rule bg-panel px-2.5 text-muted hover:border-ink hover:text-ink"
      >
        <MagnifierIcon />
      </button>
    </form>
  );
}

/** The search page's own form: a visible label, the reader's words kept, and the error at the field. */
export function SearchPageForm({ label, query, error }: { label: string; query: string; error?: string }) {
  return (
    <form role="search" aria-label="Search articles" action={SEARCH_PATH} method="get" className="flex flex-col gap-1.5">
      <label htmlFor="search-q" className="text-sm font-semibold">
        {label}
      </label>
      <div className="flex items-stretch gap-2">
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={query}
          enterKeyHint="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-q-error' : undefined}
          className="w-full min-w-0 rounded-sm border border-rule bg-panel px-3 py-2 text-lg text-ink placeholder:text-muted focus:border-ink aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400"
        />
        <button type="submit" className="inline-flex shrink-0 items-center gap-2 rounded-sm bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90">
          <MagnifierIcon />
          Search
        </button>
      </div>
      {error && (
        <p id="search-q-error" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

/** Text with the words that matched marked; every run is rendered as text, never as HTML. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-[2px] text-ink [background-color:light-dark(#fbe29a,#5e4a12)]">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
