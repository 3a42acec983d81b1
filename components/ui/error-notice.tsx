/**
 * What every error page shows: that something failed, what to try, and a reference to quote.
 * Never the error's message or stack: on the server it may quote SQL or a file path. The
 * reference is Next's digest of the error, which the server log prints next to the request's id
 * (instrumentation.ts), so the two can be matched.
 */
export function ErrorNotice({ digest, onRetry, home, landmark = false }: { digest?: string; onRetry?: () => void; home: { href: string; label: string }; landmark?: boolean }) {
  // Inside the site's or the dashboard's layout the notice sits in their <main>; alone, it is one.
  const Wrapper = landmark ? 'main' : 'div';
  return (
    <Wrapper id={landmark ? 'main' : undefined} className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold tracking-widest text-muted uppercase">Error</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 font-serif text-lg text-muted">The page could not be shown. Try again in a moment; if it keeps happening, tell us the reference below.</p>
      {digest ? (
        <p className="mt-4 text-sm text-muted">
          Reference: <code>{digest}</code>
        </p>
      ) : null}
      <p className="mt-8 flex justify-center gap-6">
        {onRetry ? (
          <button type="button" onClick={onRetry} className="font-semibold text-accent underline">
            Try again
          </button>
        ) : null}
        {/* A plain link: after an error the client router may be what failed. */}
        <a href={home.href} className="font-semibold text-accent underline">
          {home.label}
        </a>
      </p>
    </Wrapper>
  );
}
