'use client';

import { useId } from 'react';

export interface StaffOption {
  id: string;
  name: string;
}

/** Who the article is by, in the order the byline prints them. */
export function BylinePicker({ value, staff, onChange, disabled, error }: { value: string[]; staff: StaffOption[]; onChange: (ids: string[]) => void; disabled?: boolean; error?: string }) {
  const id = useId();
  const name = (personId: string) => staff.find((p) => p.id === personId)?.name ?? 'Former staff member';
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };
  const available = staff.filter((p) => !value.includes(p.id));
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-semibold">Bylines</legend>
      <ol className="flex flex-col gap-1" aria-label="Bylines in order">
        {value.map((personId, index) => (
          <li key={personId} className="flex items-center gap-1 rounded border border-rule bg-panel px-2 py-1 text-sm">
            <span className="flex-1">{name(personId)}</span>
            {!disabled && (
              <>
                <button type="button" aria-label={`Move ${name(personId)} up`} disabled={index === 0} onClick={() => move(index, -1)} className="rounded px-1.5 hover:bg-rule disabled:opacity-30">
                  ↑
                </button>
                <button type="button" aria-label={`Move ${name(personId)} down`} disabled={index === value.length - 1} onClick={() => move(index, 1)} className="rounded px-1.5 hover:bg-rule disabled:opacity-30">
                  ↓
                </button>
                <button type="button" aria-label={`Remove ${name(personId)} from the byline`} disabled={value.length === 1} onClick={() => onChange(value.filter((p) => p !== personId))} className="rounded px-1.5 hover:bg-rule disabled:opacity-30">
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!disabled && available.length > 0 && (
        <>
          <label htmlFor={id} className="sr-only">
            Add a byline
          </label>
          <select
            id={id}
            value=""
            onChange={(e) => e.target.value && onChange([...value, e.target.value])}
            className="rounded border border-rule bg-panel px-2 py-1.5 text-sm"
          >
            <option value="">Add a byline…</option>
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </>
      )}
      {error && <p className="text-sm text-red-700 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}
