'use client';

import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
/** True once running in a browser that can write to the clipboard; false on the server and while hydrating. */
const canCopy = () => typeof navigator !== 'undefined' && Boolean(navigator.clipboard?.writeText);

/**
 * Copies the article's address. Rendered only in the browser, and only where
 * the clipboard is available: without JavaScript there is no dead button.
 */
export function CopyLinkButton({ url, className }: { url: string; className: string }) {
  const available = useSyncExternalStore(noSubscription, canCopy, () => false);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (!available) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <li className="flex items-center gap-2">
      <button type="button" onClick={copy} className={`${className} cursor-pointer`}>
        {state === 'copied' ? 'Link copied' : 'Copy link'}
      </button>
      <span role="status" className="text-sm text-muted">
        {state === 'failed' ? 'Could not copy: select the address in the address bar instead.' : state === 'copied' ? <span className="sr-only">Link copied to the clipboard.</span> : null}
      </span>
    </li>
  );
}
