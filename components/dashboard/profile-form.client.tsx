'use client';

import { useState } from 'react';
import { updateProfileAction } from '@/app/(dashboard)/dashboard/profile/actions';
import { uploadImage } from '@/components/editor/upload';
import { Field, inputClass } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/action';

export function ProfileForm({ initial }: { initial: { name: string; bio: string; avatar: { id: string; src: string } | null } }) {
  const [name, setName] = useState(initial.name);
  const [bio, setBio] = useState(initial.bio);
  const [avatar, setAvatar] = useState(initial.avatar);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const result = await uploadImage(file);
    setBusy(false);
    if (result.ok) setAvatar({ id: result.image.id, src: result.image.src });
    else setErrors((e) => ({ ...e, avatarImageId: result.error }));
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const result = await updateProfileAction({ name, bio, avatarImageId: avatar?.id ?? null }).catch(() => null);
    setBusy(false);
    if (!result) return setStatus('The change did not reach the server. Try again.');
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setStatus(result.error);
    }
    setErrors({});
    setStatus('Saved. Your author page shows it now.');
  };

  return (
    <form onSubmit={save} className="flex max-w-xl flex-col gap-4" noValidate>
      <Field label="Name" hint="As it appears in bylines." error={errors.name}>
        {(props) => <input {...props} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} className={inputClass} />}
      </Field>
      <Field label="Bio" hint="A few sentences for your author page." error={errors.bio}>
        {(props) => <textarea {...props} rows={5} value={bio} maxLength={1200} onChange={(e) => setBio(e.target.value)} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-4">
        {avatar ? (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of the stored upload
          <img src={avatar.src} alt="Your photo" width={96} height={96} className="size-24 shrink-0 rounded-full bg-rule object-cover" />
        ) : (
          <span className="flex size-24 shrink-0 items-center justify-center rounded-full bg-rule text-sm text-muted">No photo</span>
        )}
        {/* min-w-0: a file input is wider than a phone's column beside the photo; it must shrink. */}
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <Field label={avatar ? 'Replace photo' : 'Upload a photo'} hint="JPEG, PNG, WebP or GIF, up to 10 MB." error={errors.avatarImageId}>
            {(props) => <input {...props} type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={(e) => void onPhoto(e.target.files?.[0])} className="w-full max-w-full text-sm" />}
          </Field>
          {avatar && (
            <button type="button" onClick={() => setAvatar(null)} className="self-start text-sm text-red-700 underline dark:text-red-400">
              Remove photo
            </button>
          )}
        </div>
      </div>
      {status && (
        <p role="status" className="text-sm">
          {status}
        </p>
      )}
      <button type="submit" disabled={busy} className="self-start rounded bg-ink px-3 py-2 text-sm font-semibold text-paper disabled:opacity-50">
        {busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
