import Link from 'next/link';

/** The look of a select or input in a dashboard filter bar. */
export const filterControlClass = 'w-full rounded border border-rule bg-panel px-2 py-1.5 text-sm text-ink focus:border-ink';

/** One labelled control in a filter bar; `id` must be the control's id. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filter bar's button, and a way back to the whole list when a filter is on. */
export function FilterActions({ clearHref }: { clearHref: string | null }) {
  return (
    <div className="flex items-end gap-3">
      <button type="submit" className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-paper hover:opacity-90">
        Filter
      </button>
      {clearHref && (
        <Link href={clearHref} className="py-1.5 text-sm underline">
          Clear
        </Link>
      )}
    </div>
  );
}
