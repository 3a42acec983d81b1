import { RetryWhenBack } from './retry-when-back.client';

/**
 * What a staff page shows while the database cannot be reached: said plainly, with
 * what still works and what happens next. Rendered in place of the page (the
 * dashboard layout catches the error), so the person's address stays as it was
 * and the page comes back by itself once the database does.
 */
export function DatabaseUnavailable() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24" data-testid="database-unavailable">
      <p className="text-sm font-semibold tracking-widest text-muted uppercase">Database unavailable</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Masthead can’t reach its database</h1>
      <p className="mt-4 font-serif text-lg">
        The newsroom’s database is not answering, so the dashboard cannot show or save anything right now. Readers still see the pages the
        site has cached.
      </p>
      <p className="mt-4 font-serif text-lg">
        Anything you were writing is kept in this browser: when you open the article again it is offered back, ready to save.
      </p>
      <RetryWhenBack />
    </main>
  );
}
