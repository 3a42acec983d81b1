'use client';

import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { reviewDonationAction, type ReviewState } from '@/app/(site)/support/actions';
import type { DonationFrequency } from '@/db/schema';
import { CURRENCIES, formatMoney, giftPhrase, parseAmount, type CurrencyCode } from '@/lib/money';
import type { DonationFormValues } from '@/lib/validation/donation';

export interface CurrencyOption {
  code: CurrencyCode;
  minimum: number;
  maximum: number;
  presets: Record<DonationFrequency, number[]>;
}

const FREQUENCIES: { value: DonationFrequency; label: string; per: string }[] = [
  { value: 'once', label: 'Once', per: '' },
  { value: 'monthly', label: 'Monthly', per: 'a month' },
  { value: 'annually', label: 'Annually', per: 'a year' },
];

const FIELD_ANCHOR: Record<string, string> = {
  frequency: 'gift-frequency-once',
  currency: 'gift-currency',
  amount: 'gift-custom',
  donorName: 'gift-name',
  donorEmail: 'gift-email',
  note: 'gift-note',
};
const FIELD_ORDER = ['frequency', 'currency', 'amount', 'donorName', 'donorEmail', 'note'];

const presetValue = (code: CurrencyCode, frequency: DonationFrequency, minor: number) => `${code}:${frequency}:${minor}`;
/** The amount preselected in a group: the second, where there is one (the first is rarely the one people mean). */
const defaultPreset = (option: CurrencyOption, frequency: DonationFrequency) => {
  const list = option.presets[frequency];
  return presetValue(option.code, frequency, list[Math.min(1, list.length - 1)]);
};

/**
 * Which amounts show depends on the chosen frequency and currency. CSS does
 * that (with :has), so the form works the same without JavaScript; scripts
 * only keep the choice tidy and say the gift out loud as it changes.
 */
function groupStyles(currencies: CurrencyOption[]): string {
  const several = currencies.length > 1;
  const rules = ['.gift-form [data-group],.gift-form [data-currency],.gift-form .gift-caption{display:none}'];
  for (const c of currencies) {
    const currencyTest = several ? `:has(#gift-currency-${c.code}:checked)` : '';
    for (const f of FREQUENCIES) rules.push(`.gift-form:has(#gift-frequency-${f.value}:checked)${currencyTest} [data-group="${c.code}-${f.value}"]{display:grid}`);
    rules.push(`.gift-form${currencyTest} [data-currency="${c.code}"]{display:inline}`);
  }
  // Browsers without :has show every group, each with its caption.
  return `.gift-form .gift-caption{display:block}@supports selector(:has(a)){${rules.join('')}}`;
}

function ErrorSummary({ state, focusRef }: { state: ReviewState; focusRef: React.RefObject<HTMLDivElement | null> }) {
  const entries = FIELD_ORDER.filter((field) => state.fieldErrors[field]).map((field) => [field, state.fieldErrors[field]] as const);
  if (!state.error && entries.length === 0) return null;
  return (
    <div ref={focusRef} tabIndex={-1} aria-labelledby="gift-problems" className="mb-5 rounded border-2 border-red-700 bg-red-50 p-4 text-red-950 outline-none focus-visible:outline-3 dark:border-red-400 dark:bg-red-950/40 dark:text-red-50">
      <h3 id="gift-problems" className="font-semibold">
        {state.error ?? 'Some answers need a second look.'}
      </h3>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${FIELD_ANCHOR[field]}`} className="underline">
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

const tile =
  'relative flex cursor-pointer items-center justify-center gap-1 rounded border border-rule bg-paper px-3 py-2.5 text-center font-semibold has-[:checked]:border-ink has-[:checked]:bg-ink has-[:checked]:text-paper has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent hover:border-ink';
/** The real radio lies over its tile, invisible: clicks, touch and assistive technology all reach the input itself. */
const radio = 'absolute inset-0 m-0 size-full cursor-pointer appearance-none opacity-0';
const input = 'w-full rounded border border-rule bg-paper px-3 py-2 text-base text-ink placeholder:text-muted focus:border-ink aria-[invalid=true]:border-red-600';

export function DonationForm({ currencies, initial, testMode }: { currencies: CurrencyOption[]; initial: DonationFormValues; testMode: boolean }) {
  const [state, formAction, pending] = useActionState(reviewDonationAction, { fieldErrors: {}, values: initial });
  const formRef = useRef<HTMLFormElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  // Only once scripts run: without them this line could not follow the reader's changes.
  const [summary, setSummary] = useState<string | null>(null);

  const values = state.values;
  const errors = state.fieldErrors;
  const frequency = FREQUENCIES.find((f) => f.value === values.frequency)?.value ?? 'once';
  const currency = currencies.find((c) => c.code === values.currency) ?? currencies[0];
  const chosenPreset = values.customAmount?.trim() ? '' : (values.amount ?? defaultPreset(currency, frequency));
  const several = currencies.length > 1;

  /** Reads the form as it stands and says what the gift would be. */
  const describe = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const f = FREQUENCIES.find((x) => x.value === data.get('frequency'))?.value;
    const c = currencies.find((x) => x.code === (data.get('currency') ?? currencies[0].code));
    if (!f || !c) return setSummary('');
    const custom = String(data.get('customAmount') ?? '').trim();
    let minor: number | null = null;
    if (custom) {
      const parsed = parseAmount(custom, c.code, c);
      minor = parsed.ok ? parsed.minor : null;
    } else {
      const match = /^([A-Z]{3}):(\w+):(\d+)$/.exec(String(data.get('amount') ?? ''));
      if (match && match[1] === c.code && match[2] === f) minor = Number(match[3]);
    }
    setSummary(minor !== null ? `You are giving ${giftPhrase(minor, c.code, f)}.` : custom ? 'Check the amount you typed.' : 'Choose an amount, or type your own.');
  }, [currencies]);

  /** Keeps one visible amount chosen when the frequency or currency changes, and a typed amount clear of a chosen one. */
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const target = event.target as HTMLInputElement;
    const custom = form.elements.namedItem('customAmount') as HTMLInputElement | null;
    if (target.name === 'amount' && custom) custom.value = '';
    if (target.name === 'customAmount' && target.value.trim()) {
      for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="amount"]:checked')) radio.checked = false;
    }
    if (target.name === 'frequency' || target.name === 'currency') {
      const data = new FormData(form);
      const f = data.get('frequency') as DonationFrequency;
      const c = currencies.find((x) => x.code === (data.get('currency') ?? currencies[0].code));
      const checked = form.querySelector<HTMLInputElement>('input[name="amount"]:checked');
      if (c && !custom?.value.trim() && (!checked || !checked.value.startsWith(`${c.code}:${f}:`))) {
        const index = checked ? Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="amount"][value^="${checked.value.split(':').slice(0, 2).join(':')}:"]`)).indexOf(checked) : -1;
        const group = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="amount"][value^="${c.code}:${f}:"]`));
        const next = group[index >= 0 && index < group.length ? index : Math.min(1, group.length - 1)];
        if (next) next.checked = true;
      }
    }
    describe();
  };

  useEffect(() => {
    describe();
    if (state.error || Object.keys(state.fieldErrors).length > 0) problemsRef.current?.focus();
  }, [state, describe]);

  const amountDescribedBy = ['gift-amount-hint', errors.amount ? 'gift-amount-error' : ''].filter(Boolean).join(' ');

  return (
    <form ref={formRef} action={formAction} onChange={onChange} noValidate aria-labelledby="gift-heading" className="gift-form rounded border border-rule bg-panel p-5 sm:p-6">
      <style dangerouslySetInnerHTML={{ __html: groupStyles(currencies) }} />
      <h2 id="gift-heading" className="font-serif text-2xl font-bold">
        Your gift
      </h2>
      <div className="mt-4">
        <ErrorSummary state={state} focusRef={problemsRef} />
      </div>

      <fieldset aria-describedby={errors.frequency ? 'gift-frequency-error' : undefined}>
        <legend className="text-sm font-semibold">How often?</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {FREQUENCIES.map((f) => (
            <label key={f.value} className={tile}>
              <input id={`gift-frequency-${f.value}`} type="radio" name="frequency" value={f.value} defaultChecked={f.value === frequency} className={radio} />
              {f.label}
            </label>
          ))}
        </div>
        <FieldError id="gift-frequency-error" message={errors.frequency} />
      </fieldset>

      {several ? (
        <fieldset className="mt-5" aria-describedby={errors.currency ? 'gift-currency-error' : undefined}>
          <legend id="gift-currency" tabIndex={-1} className="text-sm font-semibold">
            Currency
          </legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {currencies.map((c) => (
              <label key={c.code} className={`${tile} min-w-20 text-sm`} title={CURRENCIES[c.code].name}>
                <input id={`gift-currency-${c.code}`} type="radio" name="currency" value={c.code} defaultChecked={c.code === currency.code} className={radio} />
                {CURRENCIES[c.code].narrow && <span aria-hidden="true">{formatMoney(0, c.code).replace(/[\d.,\s]/g, '')}</span>} {c.code}
                <span className="sr-only"> ({CURRENCIES[c.code].name})</span>
              </label>
            ))}
          </div>
          <FieldError id="gift-currency-error" message={errors.currency} />
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="currency" value={currency.code} />
          <FieldError id="gift-currency-error" message={errors.currency} />
        </>
      )}

      <fieldset className="mt-5" aria-describedby={amountDescribedBy}>
        <legend className="text-sm font-semibold">Amount</legend>
        {currencies.map((c) =>
          FREQUENCIES.map((f) => (
            <div key={`${c.code}-${f.value}`} className="mt-2">
              <p className="gift-caption mb-1 text-xs text-muted">
                {f.label}, {CURRENCIES[c.code].name}
              </p>
              <div data-group={`${c.code}-${f.value}`} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {c.presets[f.value].map((minor) => {
                  const value = presetValue(c.code, f.value, minor);
                  return (
                    <label key={value} className={tile}>
                      <input type="radio" name="amount" value={value} defaultChecked={value === chosenPreset} className={radio} />
                      {formatMoney(minor, c.code)}
                      {f.per && <span className="text-xs font-normal opacity-80"> {f.per}</span>}
                    </label>
                  );
                })}
              </div>
            </div>
          )),
        )}
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor="gift-custom" className="text-sm font-semibold">
            Or type your own amount{' '}
            {currencies.map((c) => (
              <span key={c.code} data-currency={c.code} className="font-normal text-muted">
                in {CURRENCIES[c.code].name}
              </span>
            ))}
          </label>
          <input
            id="gift-custom"
            name="customAmount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values.customAmount ?? ''}
            maxLength={20}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={amountDescribedBy}
            className={`${input} max-w-48`}
          />
          <p id="gift-amount-hint" className="text-xs text-muted">
            {currencies.map((c) => (
              <span key={c.code} data-currency={c.code}>
                From {formatMoney(c.minimum, c.code)} to {formatMoney(c.maximum, c.code)}.{' '}
              </span>
            ))}
            A typed amount is used instead of one chosen above.
          </p>
          <FieldError id="gift-amount-error" message={errors.amount} />
        </div>
      </fieldset>

      <fieldset className="mt-6 border-t border-rule pt-4">
        <legend className="sr-only">About you (optional)</legend>
        <p aria-hidden="true" className="text-sm font-semibold">
          About you <span className="font-normal text-muted">(optional)</span>
        </p>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="gift-name" className="text-sm font-semibold">
              Name <span className="font-normal text-muted">(optional)</span>
            </label>
            <input
              id="gift-name"
              name="donorName"
              autoComplete="name"
              defaultValue={values.donorName ?? ''}
              maxLength={100}
              aria-invalid={errors.donorName ? true : undefined}
              aria-describedby={errors.donorName ? 'gift-name-error' : undefined}
              className={input}
            />
            <FieldError id="gift-name-error" message={errors.donorName} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="gift-email" className="text-sm font-semibold">
              Email <span className="font-normal text-muted">(optional)</span>
            </label>
            <input
              id="gift-email"
              name="donorEmail"
              type="email"
              autoComplete="email"
              defaultValue={values.donorEmail ?? ''}
              maxLength={254}
              aria-invalid={errors.donorEmail ? true : undefined}
              aria-describedby={['gift-email-hint', errors.donorEmail ? 'gift-email-error' : ''].filter(Boolean).join(' ')}
              className={input}
            />
            <p id="gift-email-hint" className="text-xs text-muted">
              For your receipt, and to manage a monthly or annual gift.
            </p>
            <FieldError id="gift-email-error" message={errors.donorEmail} />
          </div>
        </div>
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor="gift-note" className="text-sm font-semibold">
            A note to the newsroom <span className="font-normal text-muted">(optional)</span>
          </label>
          <textarea
            id="gift-note"
            name="note"
            rows={3}
            defaultValue={values.note ?? ''}
            maxLength={500}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={['gift-note-hint', errors.note ? 'gift-note-error' : ''].filter(Boolean).join(' ')}
            className={input}
          />
          <p id="gift-note-hint" className="text-xs text-muted">
            Only the newsroom reads it. Up to 500 characters.
          </p>
          <FieldError id="gift-note-error" message={errors.note} />
        </div>
      </fieldset>

      {/* Empty until scripts run, so a page without them shows no stale sentence. */}
      <p aria-live="polite" className={summary === null ? 'mt-6' : 'mt-6 min-h-6 font-serif text-lg font-semibold'}>
        {summary}
      </p>
      <button type="submit" disabled={pending} className="mt-2 w-full rounded bg-accent px-4 py-3 text-base font-bold text-accent-ink hover:opacity-90 disabled:opacity-60 sm:w-auto">
        {pending ? 'Checking…' : 'Review your gift'}
      </button>
      <p className="mt-2 text-xs text-muted">{testMode ? 'Test mode: no card is charged. You will see a summary first.' : 'Nothing is charged yet: you will see a summary first.'}</p>
    </form>
  );
}
