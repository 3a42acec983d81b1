/** Said wherever a reader could otherwise think money moved. */
export function TestModeNotice({ compact = false }: { compact?: boolean }) {
  return (
    <div role="note" className="rounded border-2 border-dashed border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950/40 dark:text-amber-50">
      <p className="font-bold">Test mode: no card is charged.</p>
      {!compact && (
        <p className="mt-1">
          This site is not connected to a payment account yet. Gifts made here are recorded as tests, to show how giving works; no money
          moves and no card details are asked for.
        </p>
      )}
    </div>
  );
}
