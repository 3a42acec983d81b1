'use client';

import { useId, useState } from 'react';
import { LIMITS } from '@/lib/validation/article';

/** Pick existing tags or create new ones: type and press Enter or comma. */
export function TagInput({ value, suggestions, onChange, disabled, error }: { value: string[]; suggestions: string[]; onChange: (tags: string[]) => void; disabled?: boolean; error?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const has = (name: string) => value.some((t) => t.toLowerCase() === name.toLowerCase());
  const add = (raw: string) => {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, LIMITS.tag);
    if (!name || has(name) || value.length >= LIMITS.tags) return;
    const known = suggestions.find((s) => s.toLowerCase() === name.toLowerCase());
    onChange([...value, known ?? name]);
    setText('');
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        Tags
      </label>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen tags">
          {value.map((tag) => (
            <li key={tag} className="flex items-center gap-1 rounded-full border border-rule bg-panel py-0.5 pr-1 pl-2.5 text-sm">
              {tag}
              {!disabled && (
                <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))} className="rounded-full px-1.5 hover:bg-rule">
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <div className="flex gap-2">
          <input
            id={id}
            list={`${id}-list`}
            value={text}
            maxLength={LIMITS.tag}
            placeholder="Add a tag"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const next = e.target.value;
              if (next.endsWith(',')) add(next.slice(0, -1));
              else setText(next);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(text);
              }
            }}
            className="w-full rounded border border-rule bg-panel px-3 py-2 text-sm"
          />
          <button type="button" onClick={() => add(text)} className="rounded border border-rule px-3 text-sm">
            Add
          </button>
          <datalist id={`${id}-list`}>
            {suggestions.filter((s) => !has(s)).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      )}
      <p id={`${id}-hint`} className="text-xs text-muted">
        Pick an existing tag or type a new one, then press Enter.
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
