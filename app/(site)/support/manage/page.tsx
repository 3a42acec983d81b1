import type { Metadata } from 'next';
import Link from 'next/link';
import { ManageLinkForm } from '@/components/site/manage-link-form.client';
import { mailConfigured } from '@/lib/mail';
import { paymentMode } from '@/lib/stripe';

export const metadata: Metadata = { title: 'Manage your gift', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ManageGiftPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const mode = paymentMode();
  return (
    <div className="mx-auto max-w-xl py-4 sm:py-8">
      <h1 className="font-serif text-4xl font-bold">Manage a monthly or annual gift</h1>
      {params.expired && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 text-sm text-red-950 dark:border-red-400 dark:bg-red-950/40 dark:text-red-50">
          That link has expired or is not complete. Ask for a new one below.
        </p>
      )}
      <div className="mt-4 article-body">
        <p>
          To update your card or to cancel, we email you a link to your gift. There is no account and no password: the link is
          sent only to the address the gift was made with.
        </p>
        {mode === 'test' && <p>Test mode: gifts made on this site are tests. There is no payment account behind them, and the link lets you cancel the test gift.</p>}
      </div>
      <div className="mt-6">
        {mailConfigured() ? (
          <ManageLinkForm />
        ) : (
          <p className="rounded border border-rule bg-panel p-4 text-sm">
            This site cannot send email yet, so we cannot email you a link. The thank-you page you saw after giving has a link that works for a
            day. Otherwise, please contact the newsroom and we will help.
          </p>
        )}
      </div>
      <p className="mt-8 text-sm">
        <Link href="/support" className="underline">
          Back to the support page
        </Link>
      </p>
    </div>
  );
}
