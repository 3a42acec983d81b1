'use client';

import Link from 'next/link';
import { useId, useRef, useState, useSyncExternalStore } from 'react';
import { appealHidden, DISMISSED_COOKIE, markCookie } from '@/lib/donations/appeal';

const subscribe = () => () => {};
/** False while the server renders and the page hydrates, true once scripts run. */
const useScripts = () => useSyncExternalStore(subscribe, () => true, () => false);

/**
 * Runs during HTML parsing, before the first paint: a reader who dismissed
 * the appeal or just gave never sees it flash up. Ignored (text/plain) when
 * React renders it on the client, where the component decides by itself.
 */
function InlineScript({ html }: { html: string }) {
  return <script type={typeof window === 'undefined' ? 'text/javascript' : 'text/plain'} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface AppealCopy {
  title: string;
  text: string;
}

export function SupportAppealClient({ copy, reshowDays, pauseDays }: { copy: AppealCopy; reshowDays: number; pauseDays: number }) {
  const id = useId();
  const scripts = useScripts();
  const [state, setState] = useState<'shown' | 'hidden' | 'dismissed'>(() =>
    typeof document !== 'undefined' && appealHidden(document.cookie, Date.now(), reshowDays, pauseDays) ? 'hidden' : 'shown',
  );
  const doneRef = useRef<HTMLParagraphElement>(null);

  const dismiss = () => {
    document.cookie = markCookie(DISMISSED_COOKIE, Date.now(), reshowDays, location.protocol === 'https:');
    setState('dismissed');
    requestAnimationFrame(() => doneRef.current?.focus());
  };

  if (state === 'dismissed') {
    return (
      <p ref={doneRef} tabIndex={-1} role="status" className="mx-auto mt-10 max-w-[40rem] border-t border-rule pt-4 text-sm text-muted outline-none">
        Understood: we will not ask again for {reshowDays === 1 ? 'a day' : `${reshowDays} days`}.
      </p>
    );
  }

  const script = `(function(){try{if((${appealHidden.toString()})(document.cookie,Date.now(),${reshowDays},${pauseDays})){var n=document.getElementById(${JSON.stringify(id)});if(n)n.hidden=true}}catch(e){}})()`;
  return (
    <>
      <aside id={id} hidden={state === 'hidden'} suppressHydrationWarning aria-labelledby={`${id}-title`} className="mx-auto mt-10 max-w-[40rem] border-t-4 border-accent bg-panel px-5 py-5 sm:px-6">
        <p className="text-xs font-bold tracking-widest text-accent uppercase">Reader-funded</p>
        <h2 id={`${id}-title`} className="mt-1 font-serif text-2xl leading-snug font-bold">
          {copy.title}
        </h2>
        <p className="mt-2 font-serif text-[1.0625rem] leading-relaxed">{copy.text}</p>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Link href="/support?frequency=monthly" className="rounded bg-accent px-4 py-2 text-sm font-bold text-accent-ink no-underline hover:opacity-90">
            Give monthly
          </Link>
          <Link href="/support" className="rounded border border-ink px-4 py-2 text-sm font-semibold no-underline hover:bg-ink hover:text-paper">
            Give once
          </Link>
          {scripts && (
            <button type="button" onClick={dismiss} aria-label="Not now: hide this appeal" className="ml-auto text-sm text-muted underline hover:text-ink">
              Not now
            </button>
          )}
        </div>
      </aside>
      <InlineScript html={script} />
    </>
  );
}
