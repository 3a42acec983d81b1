'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { editLockAction } from '@/app/(dashboard)/dashboard/articles/actions';

const HEARTBEAT_MS = 20_000;

export type LockState = 'idle' | 'mine' | 'held-by-other' | 'lost';

/**
 * Tells the newsroom who is editing an article: a heartbeat claims it while
 * this editor is open; someone else's fresh claim makes this one read-only
 * until the person takes over.
 */
export function useEditLock(articleId: string | null, wanted: boolean) {
  const [state, setState] = useState<LockState>('idle');
  const [holder, setHolder] = useState<{ name: string } | null>(null);
  const stateRef = useRef<LockState>('idle');

  const claim = useCallback(
    async (takeOver = false) => {
      if (!articleId) return;
      const result = await editLockAction({ articleId, takeOver }).catch(() => null);
      if (!result?.ok) return; // offline or refused: keep the last known state
      const next: LockState = result.data.mine ? 'mine' : stateRef.current === 'mine' ? 'lost' : 'held-by-other';
      stateRef.current = next;
      setState(next);
      setHolder(result.data.holder ? { name: result.data.holder.name } : null);
    },
    [articleId],
  );

  useEffect(() => {
    if (!articleId || !wanted) return;
    const first = setTimeout(() => void claim(), 0);
    const timer = setInterval(() => {
      if (stateRef.current !== 'lost') void claim();
    }, HEARTBEAT_MS);
    const release = () => {
      if (stateRef.current === 'mine') void editLockAction({ articleId, release: true }).catch(() => {});
    };
    window.addEventListener('pagehide', release);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [articleId, wanted, claim]);

  return { state, holder, takeOver: () => claim(true) };
}
