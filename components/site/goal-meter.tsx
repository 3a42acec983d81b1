import { formatMoney, CURRENCIES } from '@/lib/money';
import type { GoalProgress } from '@/lib/donations/goal';

/** This month's goal in one currency: a progress bar with the figures in words beside it. */
export function GoalMeter({ progress, monthName, test, showCurrency }: { progress: GoalProgress; monthName: string; test: boolean; showCurrency: boolean }) {
  const { currency, goal, raised } = progress;
  const share = goal > 0 ? raised / goal : 0;
  const percent = Math.floor(share * 100);
  const id = `goal-${currency}`;
  const words = `${formatMoney(raised, currency)} of ${formatMoney(goal, currency)} raised in ${monthName}`;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-rule bg-panel p-4">
      <h2 id={`${id}-title`} className="text-sm font-semibold tracking-wide text-muted uppercase">
        Our goal for {monthName}
        {showCurrency && <span className="normal-case"> in {CURRENCIES[currency].name}</span>}
      </h2>
      <p className="mt-1 font-serif text-2xl font-bold">
        {formatMoney(raised, currency)} <span className="text-base font-normal text-muted">of {formatMoney(goal, currency)}</span>
      </p>
      <div
        role="progressbar"
        aria-labelledby={`${id}-title`}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(raised, goal)}
        aria-valuetext={`${words} (${percent}%)`}
        data-raised={raised}
        className="mt-3 h-3 overflow-hidden rounded-full bg-rule"
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${Math.min(100, Math.max(share > 0 ? 1 : 0, share * 100))}%` }} />
      </div>
      <p className="mt-2 text-sm text-muted">
        {percent >= 100 ? `Goal reached: ${percent}%. Thank you.` : `${percent}% of the way.`}
        {test && ' Test gifts only: test mode counts no real money.'}
      </p>
    </section>
  );
}
