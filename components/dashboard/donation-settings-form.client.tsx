'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { saveDonationSettingsAction, type SettingsState } from '@/app/(dashboard)/dashboard/donations/settings/actions';
import { CURRENCIES, CURRENCY_CODES, type CurrencyCode } from '@/lib/money';

type Values = Record<string, string>;

const idFor = (name: string) => `ds-${name.replace(/\./g, '-')}`;
const inputClass = 'w-full rounded border border-rule bg-panel px-2.5 py-1.5 text-sm text-ink focus:border-ink aria-[invalid=true]:border-red-600';

const LABELS: Record<string, string> = {
  once: 'One-time amounts',
  monthly: 'Monthly amounts',
  annually: 'Annual amounts',
  minimum: 'Smallest gift',
  maximum: 'Largest gift',
  goal: 'Monthly goal (optional)',
  defaultCurrency: 'Currency the page starts with',
  appealReshowDays: 'After “Not now”, ask again after (days)',
  appealPauseAfterGiftDays: 'After a gift, leave the reader alone for (days)',
  editorsCanView: 'Editors may see donations',
  currencies: 'Currencies',
};

function labelOf(key: string): string {
  const [code, field] = key.split('.');
  if (field && code in CURRENCIES) return `${code}: ${LABELS[field] ?? field}`;
  return LABELS[key] ?? key;
}

function TextField({ name, label, hint, values, errors, inputMode }: { name: string; label: string; hint?: string; values: Values; errors: Record<string, string>; inputMode?: 'decimal' | 'numeric' }) {
  const id = idFor(name);
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold">
        {label}
      </label>
      <input id={id} name={name} defaultValue={values[name] ?? ''} inputMode={inputMode} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function CurrencyFields({ code, values, errors }: { code: CurrencyCode; values: Values; errors: Record<string, string> }) {
  const [enabled, setEnabled] = useState(values[`${code}.enabled`] === 'on');
  const { name } = CURRENCIES[code];
  return (
    <fieldset className="border-b border-rule py-3 last:border-0">
      <legend className="sr-only">
        {name} ({code})
      </legend>
      <div className="flex items-center gap-2">
        <input id={idFor(`${code}.enabled`)} type="checkbox" name={`${code}.enabled`} defaultChecked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4" />
        <label htmlFor={idFor(`${code}.enabled`)} className="text-sm font-semibold">
          Accept {name} ({code})
        </label>
      </div>
      {/* Hidden, not removed: the values go with the form, ready when the currency is turned on. */}
      <div hidden={!enabled} className="mt-3 grid gap-3 pl-6 sm:grid-cols-3">
        <TextField name={`${code}.once`} label={LABELS.once} hint="Separated by commas, like 10, 25, 50." values={values} errors={errors} />
        <TextField name={`${code}.monthly`} label={LABELS.monthly} values={values} errors={errors} />
        <TextField name={`${code}.annually`} label={LABELS.annually} values={values} errors={errors} />
        <TextField name={`${code}.minimum`} label={LABELS.minimum} values={values} errors={errors} inputMode="decimal" />
        <TextField name={`${code}.maximum`} label={LABELS.maximum} values={values} errors={errors} inputMode="decimal" />
        <TextField name={`${code}.goal`} label={LABELS.goal} hint="Raised this month, shown as a bar on the support page. Empty: no goal." values={values} errors={errors} inputMode="decimal" />
      </div>
    </fieldset>
  );
}

export function DonationSettingsForm({ initial }: { initial: Values }) {
  const [state, action, pending] = useActionState(saveDonationSettingsAction, { values: initial } as SettingsState);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const statusRef = useRef<HTMLDivElement>(null);
  // A new key per answer: the fields start again from what the server now holds (or was sent).
  const [generation, setGeneration] = useState(0);
  const [lastState, setLastState] = useState(state);
  if (lastState !== state) {
    setLastState(state);
    setGeneration((g) => g + 1);
  }

  useEffect(() => {
    if (state.error || state.saved) statusRef.current?.focus();
  }, [state]);

  const errorEntries = Object.entries(errors);
  return (
    <form key={generation} action={action} noValidate className="flex flex-col gap-5">
      {(state.error || state.saved) && (
        <div
          ref={statusRef}
          tabIndex={-1}
          role={state.saved ? 'status' : undefined}
          className={`rounded border-2 p-3 text-sm outline-none focus-visible:outline-3 ${state.saved ? 'border-green-700 bg-green-50 text-green-950 dark:border-green-500 dark:bg-green-950/40 dark:text-green-50' : 'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/40 dark:text-red-50'}`}
        >
          <p className="font-semibold">{state.saved ? 'Saved. The support page uses these settings now.' : state.error}</p>
          {errorEntries.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {errorEntries.map(([key, message]) => (
                <li key={key}>
                  <a href={`#${idFor(key === 'currencies' ? 'USD.enabled' : key)}`} className="underline">
                    {labelOf(key)}: {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset className="rounded border border-rule bg-panel px-4 py-2" aria-describedby={errors.currencies ? 'ds-currencies-error' : undefined}>
        <legend className="px-1 text-sm font-semibold">Currencies and amounts</legend>
        {errors.currencies && (
          <p id="ds-currencies-error" className="text-xs font-medium text-red-700 dark:text-red-400">
            {errors.currencies}
          </p>
        )}
        {CURRENCY_CODES.map((code) => (
          <CurrencyFields key={code} code={code} values={values} errors={errors} />
        ))}
      </fieldset>

      <div className="grid gap-4 rounded border border-rule bg-panel p-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={idFor('defaultCurrency')} className="text-xs font-semibold">
            {LABELS.defaultCurrency}
          </label>
          <select
            id={idFor('defaultCurrency')}
            name="defaultCurrency"
            defaultValue={values.defaultCurrency}
            aria-invalid={errors.defaultCurrency ? true : undefined}
            aria-describedby={errors.defaultCurrency ? `${idFor('defaultCurrency')}-error` : undefined}
            className={inputClass}
          >
            {CURRENCY_CODES.map((code) => (
              <option key={code} value={code}>
                {CURRENCIES[code].name} ({code})
              </option>
            ))}
          </select>
          {errors.defaultCurrency && (
            <p id={`${idFor('defaultCurrency')}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
              {errors.defaultCurrency}
            </p>
          )}
        </div>
        <TextField name="appealReshowDays" label={LABELS.appealReshowDays} hint="For the appeal at the end of articles." values={values} errors={errors} inputMode="numeric" />
        <TextField name="appealPauseAfterGiftDays" label={LABELS.appealPauseAfterGiftDays} values={values} errors={errors} inputMode="numeric" />
      </div>

      <div className="rounded border border-rule bg-panel p-4">
        <div className="flex items-center gap-2">
          <input id={idFor('editorsCanView')} type="checkbox" name="editorsCanView" defaultChecked={values.editorsCanView === 'on'} aria-describedby="ds-editors-hint" className="size-4" />
          <label htmlFor={idFor('editorsCanView')} className="text-sm font-semibold">
            {LABELS.editorsCanView}
          </label>
        </div>
        <p id="ds-editors-hint" className="mt-1 pl-6 text-xs text-muted">
          Admins always can. The dashboard shows donors’ names, email addresses and notes.
        </p>
        {errors.editorsCanView && <p className="pl-6 text-xs font-medium text-red-700 dark:text-red-400">{errors.editorsCanView}</p>}
      </div>

      <div>
        <button type="submit" disabled={pending} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper hover:opacity-90 disabled:opacity-50">
          {pending ? 'Saving…' : 'Save donation settings'}
        </button>
      </div>
    </form>
  );
}
