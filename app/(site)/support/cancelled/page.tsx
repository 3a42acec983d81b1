import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Gift not made', robots: { index: false } };

/** Stripe's "back" link from its checkout: nothing was charged, and the choice is still there to finish. */
export default function CancelledPage() {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="font-serif text-4xl font-bold">No gift was made</h1>
      <div className="mt-4 article-body">
        <p>You left the payment page before paying, so nothing was charged.</p>
        <p>Your choice is kept for an hour if you would like to finish it, or change it.</p>
      </div>
      <p className="mt-6 flex flex-wrap gap-5">
        <Link href="/support/confirm" className="font-semibold underline">
          Back to your gift
        </Link>
        <Link href="/" className="underline">
          Back to the news
        </Link>
      </p>
    </div>
  );
}
