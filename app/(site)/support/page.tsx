import type { Metadata } from 'next';
import { site } from '@/lib/site';

export const metadata: Metadata = { title: 'Support us' };

// The donation flow (one-time and recurring, Stripe) is issue #5. Until it
// lands this page says so plainly instead of pretending to take money.
export default function SupportPage() {
  return (
    <div className="mx-auto max-w-2xl py-8">
      <h1 className="font-serif text-4xl font-bold">{site.supportText}</h1>
      <div className="article-body mt-6">
        <p>
          {site.name} is independent: no owner, no paywall. Our reporting is paid for by readers who can afford to give, so that everyone
          can read it.
        </p>
        <p>
          <strong>Online donations are not open yet.</strong> We are setting up one-time and monthly giving on this page. Until then, thank you
          for reading and for sharing our reporting.
        </p>
      </div>
    </div>
  );
}
