import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { updateProfileAction } from '@/app/(dashboard)/dashboard/profile/actions';
import { listAuditEntries } from '@/db/queries/audit';
import { createImage } from '@/db/queries/images';
import { getProfile, getPublicAuthor, type StaffMember } from '@/db/queries/people';
import { makeUser } from '../helpers/factories';

const session = vi.hoisted(() => ({ user: null as StaffMember | null }));
vi.mock('@/lib/session', () => ({ currentUser: async () => session.user }));
// next-auth needs a Next.js request; the password change's re-issue of the cookie is tested in accounts.test.ts.
vi.mock('@/lib/auth', () => ({ keepThisSession: async () => {} }));

beforeEach(() => {
  session.user = null;
});

async function photo(uploadedBy: string) {
  const data = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#446688' } }).jpeg().toBuffer();
  return createImage({ mimeType: 'image/jpeg', width: 200, height: 200, data, uploadedBy });
}

describe('editing your own profile', () => {
  it('a writer sets their name, bio and photo, and the author page shows them', async () => {
    const writer = await makeUser('writer');
    session.user = writer;
    const image = await photo(writer.id);
    const result = await updateProfileAction({ name: 'Nell Sparrow', bio: 'Covers the courts and the council.', avatarImageId: image.id });
    expect(result).toEqual({ ok: true });
    const author = await getPublicAuthor(writer.slug);
    expect(author).toMatchObject({ name: 'Nell Sparrow', bio: 'Covers the courts and the council.' });
    expect(author?.avatar?.src).toBe(`/media/${image.id}.jpg`);
    const [entry] = await listAuditEntries({ action: 'user.profile_change', objectId: writer.id });
    expect(entry.actorId).toBe(writer.id);
  });

  it('bad input gets an error at the field and changes nothing', async () => {
    const editor = await makeUser('editor');
    session.user = editor;
    const before = await getProfile(editor.id);
    const cases: [unknown, string][] = [
      [{ name: '', bio: '', avatarImageId: null }, 'name'],
      [{ name: 'x'.repeat(121), bio: '', avatarImageId: null }, 'name'],
      [{ name: 'Ok', bio: 'y'.repeat(1201), avatarImageId: null }, 'bio'],
      [{ name: 'Ok', bio: '', avatarImageId: 'not-a-uuid' }, 'avatarImageId'],
      [{ name: 'Ok', bio: '', avatarImageId: '00000000-0000-4000-8000-000000000000' }, 'avatarImageId'],
      [{ name: 42, bio: '', avatarImageId: null }, 'name'],
    ];
    for (const [input, field] of cases) {
      const result = await updateProfileAction(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]).toBeTruthy();
    }
    expect(await getProfile(editor.id)).toEqual(before);
  });

  it('a signed-out caller is refused', async () => {
    const result = await updateProfileAction({ name: 'Intruder', bio: '', avatarImageId: null });
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
  });
});
