import type { EditorDraft } from './article-editor.client';

// Every keystroke is copied to this browser's storage until the server has it,
// so a failed save, a crash or a closed tab loses nothing.
export interface LocalCopy {
  draft: EditorDraft;
  baseVersion: number | null;
  at: number;
}

const key = (id: string) => `masthead:draft:${id}`;

export function readLocalCopy(id: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return parsed && typeof parsed === 'object' && parsed.draft && typeof parsed.draft === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(id: string, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(key(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the on-screen text and the save still work.
  }
}

export function clearLocalCopy(id: string): void {
  try {
    window.localStorage.removeItem(key(id));
  } catch {}
}
