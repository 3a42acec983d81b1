'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { updateSiteSettingsAction } from '@/app/(dashboard)/dashboard/settings/actions';
import { uploadImage, type UploadedImage } from '@/components/editor/upload';
import { Button, Field, inputClass } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/action';
import { formatDateTimeIn } from '@/lib/dates';
import { NAME_MAX, SUPPORT_TEXT_MAX, TAGLINE_MAX } from '@/lib/settings/limits';

type Logo = Pick<UploadedImage, 'id' | 'src' | 'width' | 'height'>;
type SectionItem = { slug: string; name: string };

export interface SiteSettingsFormProps {
  initial: { name: string; tagline: string; logo: Logo | null; timeZone: string; supportText: string; sections: SectionItem[] };
  timeZones: { label: string; zones: { value: string; label: string }[] }[];
}

const panelClass = 'flex flex-col gap-4 rounded border border-rule bg-panel p-4';

export function SiteSettingsForm({ initial, timeZones }: SiteSettingsFormProps) {
  const [name, setName] = useState(initial.name);
  const [tagline, setTagline] = useState(initial.tagline);
  const [logo, setLogo] = useState<Logo | null>(initial.logo);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [supportText, setSupportText] = useState(initial.supportText);
  const [sections, setSections] = useState(initial.sections);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<'saving' | 'uploading' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [logoNote, setLogoNote] = useState('');

  // After a refused save, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const clearError = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest);

  const onLogo = async (file: File | undefined) => {
    if (!file) return;
    setBusy('uploading');
    const result = await uploadImage(file);
    setBusy(null);
    if (fileRef.current) fileRef.current.value = '';
    if (result.ok) {
      setLogo(result.image);
      clearError('logoImageId');
      setLogoNote('Logo uploaded. Save the settings to put it on the site.');
    } else {
      setErrors((e) => ({ ...e, logoImageId: result.error }));
      setLogoNote('');
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy('saving');
    setStatus(null);
    const result = await updateSiteSettingsAction({
      name,
      tagline,
      logoImageId: logo?.id ?? null,
      timeZone,
      supportText,
      sectionOrder: sections.map((section) => section.slug),
    }).catch(() => null);
    setBusy(null);
    if (!result) return setStatus({ kind: 'error', text: 'The change did not reach the server. Nothing was saved; try again.' });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setStatus({ kind: 'error', text: result.fieldErrors ? 'Nothing was saved. Correct the marked fields and save again.' : result.error });
      if (result.fieldErrors) setFocusInvalid((n) => n + 1);
      return;
    }
    setErrors({});
    setLogoNote('');
    // What the server stored: spaces tidied, the zone's own spelling.
    setName(result.data.name);
    setTagline(result.data.tagline);
    setTimeZone(result.data.timeZone);
    setSupportText(result.data.supportText);
    setStatus({ kind: 'saved', text: 'Settings saved. Readers see them now.' });
  };

  return (
    <form ref={formRef} onSubmit={save} noValidate className="flex max-w-2xl flex-col gap-6" aria-busy={busy !== null}>
      <section aria-labelledby="identity-heading" className={panelClass}>
        <h2 id="identity-heading" className="text-lg font-semibold">
          Name and logo
        </h2>
        <Field label="Newsroom name" hint="In the header and footer, in browser tabs and in emails to staff." error={errors.name}>
          {(props) => <input {...props} value={name} maxLength={NAME_MAX} autoComplete="off" onChange={(e) => setName(e.target.value)} className={inputClass} />}
        </Field>
        <Field label="Tagline" hint="A line about the newsroom, in the footer and in search results." error={errors.tagline}>
          {(props) => <input {...props} value={tagline} maxLength={TAGLINE_MAX} autoComplete="off" onChange={(e) => setTagline(e.target.value)} className={inputClass} />}
        </Field>
        <LogoField
          logo={logo}
          name={name}
          error={errors.logoImageId}
          note={busy === 'uploading' ? 'Uploading…' : logoNote}
          uploading={busy === 'uploading'}
          fileRef={fileRef}
          onFile={onLogo}
          onRemove={() => {
            setLogo(null);
            clearError('logoImageId');
            setLogoNote('Logo removed. Save the settings to take it off the site.');
          }}
        />
      </section>

      <section aria-labelledby="clock-heading" className={panelClass}>
        <h2 id="clock-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <Field label="Newsroom time zone" hint="Dates on the site, and scheduling in the dashboard, follow this clock. Type a city’s name to jump to it." error={errors.timeZone}>
          {(props) => (
            <select {...props} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className={inputClass}>
              {timeZones.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.zones.map((zone) => (
                    <option key={zone.value} value={zone.value}>
                      {zone.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <ClockPreview timeZone={timeZone} />
      </section>

      <section aria-labelledby="support-heading" className={panelClass}>
        <h2 id="support-heading" className="text-lg font-semibold">
          Support us
        </h2>
        <Field label="“Support us” text" hint="The button at the top of every page, the link above every article and in the footer. Short works best." error={errors.supportText}>
          {(props) => <input {...props} value={supportText} maxLength={SUPPORT_TEXT_MAX} autoComplete="off" onChange={(e) => setSupportText(e.target.value)} className={inputClass} />}
        </Field>
      </section>

      <section aria-labelledby="home-heading" className={panelClass}>
        <h2 id="home-heading" className="text-lg font-semibold">
          Home page
        </h2>
        <SectionOrder sections={sections} onChange={setSections} error={errors.sectionOrder} />
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={busy !== null}>
          {busy === 'saving' ? 'Saving…' : 'Save settings'}
        </Button>
        <p
          role="status"
          className={status?.kind === 'error' ? 'text-sm font-medium text-red-700 dark:text-red-400' : 'text-sm font-medium text-green-800 dark:text-green-400'}
        >
          {status?.text}
        </p>
      </div>
    </form>
  );
}

function LogoField({
  logo,
  name,
  error,
  note,
  uploading,
  fileRef,
  onFile,
  onRemove,
}: {
  logo: Logo | null;
  name: string;
  error?: string;
  note: string;
  uploading: boolean;
  fileRef: React.RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
  onRemove: () => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex min-h-20 items-center justify-center rounded border border-dashed border-rule bg-paper p-3">
        {logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of the stored upload
          <img src={logo.src} alt={`Logo preview: ${name}`} width={logo.width} height={logo.height} className="h-auto max-h-14 w-auto max-w-full object-contain dark:rounded-sm dark:bg-[#fbfaf7] dark:p-1" />
        ) : (
          <p className="text-center text-sm text-muted">
            No logo: the header shows the name in type, <span className="font-serif font-bold text-ink">{name || 'your newsroom'}</span>.
          </p>
        )}
      </div>
      <Field label={logo ? 'Replace the logo' : 'Upload a logo'} hint="PNG, JPEG, WebP or GIF, up to 10 MB. Shown up to 56 px high; a wide logo on a transparent background works best." error={error}>
        {(props) => (
          <input
            {...props}
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            disabled={uploading}
            onChange={(e) => onFile(e.target.files?.[0])}
            className="text-sm file:mr-3 file:rounded file:border file:border-rule file:bg-panel file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-ink"
          />
        )}
      </Field>
      <p role="status" className="text-sm text-muted empty:hidden">
        {note}
      </p>
      {logo && (
        <button type="button" onClick={onRemove} className="self-start text-sm text-red-700 underline dark:text-red-400">
          Remove the logo
        </button>
      )}
    </div>
  );
}

// The clock ticks once a minute; the server renders no time at all, since its "now" is past by the time the page is read.
const subscribeMinute = (tick: () => void) => {
  const timer = setInterval(tick, 15_000);
  return () => clearInterval(timer);
};
const currentMinute = () => Math.floor(Date.now() / 60_000);
const noMinute = () => null;

/** What a date will look like in the chosen zone. */
function ClockPreview({ timeZone }: { timeZone: string }) {
  const minute = useSyncExternalStore(subscribeMinute, currentMinute, noMinute);
  let text = '';
  if (minute !== null) {
    try {
      text = formatDateTimeIn(new Date(minute * 60_000), timeZone);
    } catch {
      text = '';
    }
  }
  return <p className="min-h-5 text-sm text-muted">{text && <>The time there now: {text}</>}</p>;
}

/**
 * The order of the home page's sections, changed with buttons that work from
 * the keyboard; each move is announced, and the focus follows the section.
 */
function SectionOrder({ sections, onChange, error }: { sections: SectionItem[]; onChange: (next: SectionItem[]) => void; error?: string }) {
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterMove, setFocusAfterMove] = useState<{ slug: string; direction: 'up' | 'down' } | null>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const { slug, direction } = focusAfterMove;
    const same = buttons.current.get(`${slug}:${direction}`);
    const other = buttons.current.get(`${slug}:${direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [focusAfterMove]);

  const move = (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= sections.length) return;
    const next = [...sections];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    setFocusAfterMove({ slug: sections[index].slug, direction });
    setAnnouncement(`${sections[index].name} moved ${direction}, to position ${target + 1} of ${sections.length}.`);
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset aria-describedby={describedBy} data-invalid={error ? true : undefined} tabIndex={error ? -1 : undefined} className="flex flex-col gap-2">
      <legend className="text-sm font-semibold">Order of sections</legend>
      <p id={`${id}-hint`} className="text-xs text-muted">
        The home page shows its sections in this order, and so does the section menu at the top of every page. Sections added later go at the end.
      </p>
      {sections.length === 0 ? (
        <p className="text-sm text-muted">There are no sections yet.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-rule rounded border border-rule">
          {sections.map((section, index) => (
            <li key={section.slug} className="flex items-center gap-3 px-3 py-2">
              <span className="w-6 text-right text-sm text-muted tabular-nums" aria-hidden="true">
                {index + 1}.
              </span>
              <span className="min-w-0 flex-1 font-medium break-words">{section.name}</span>
              <span className="flex shrink-0 gap-1.5">
                {(['up', 'down'] as const).map((direction) => (
                  <button
                    key={direction}
                    ref={(node) => {
                      if (node) buttons.current.set(`${section.slug}:${direction}`, node);
                      else buttons.current.delete(`${section.slug}:${direction}`);
                    }}
                    type="button"
                    onClick={() => move(index, direction)}
                    disabled={direction === 'up' ? index === 0 : index === sections.length - 1}
                    aria-label={`Move ${section.name} ${direction}`}
                    className="inline-flex min-h-9 min-w-9 items-center justify-center gap-1 rounded border border-rule bg-panel px-2 text-sm font-semibold text-ink hover:border-ink disabled:cursor-not-allowed disabled:opacity-40"
                  >
                    <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
                    <span className="hidden sm:inline" aria-hidden="true">
                      {direction === 'up' ? 'Up' : 'Down'}
                    </span>
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
