'use client';

import { useId, useState } from 'react';
import { utcToNewsroomTime } from '@/lib/dates';
import { TRANSITIONS, type WorkflowAction } from '@/lib/workflow';

const STYLE: Partial<Record<WorkflowAction, string>> = {
  publish: 'bg-accent text-accent-ink',
  unpublish: 'border border-red-700 text-red-700 dark:border-red-400 dark:text-red-400',
  trash: 'text-red-700 underline dark:text-red-400',
  purge: 'text-red-700 underline dark:text-red-400',
};

// Moves that are shown as their own buttons, in this order; schedule has its own control.
const ORDER: WorkflowAction[] = ['submit', 'return', 'publish', 'unschedule', 'unpublish', 'restore', 'trash', 'purge'];

/** The editorial moves this person can make on the article now. */
export function WorkflowBar({ moves, busy, onMove, timeZone, scheduledFor }: { moves: WorkflowAction[]; busy: WorkflowAction | null; onMove: (action: WorkflowAction, publishAt?: string) => void; timeZone: string; scheduledFor: string | null }) {
  const id = useId();
  const [scheduling, setScheduling] = useState(false);
  const [confirming, setConfirming] = useState<WorkflowAction | null>(null);
  const [when, setWhen] = useState(() => utcToNewsroomTime(scheduledFor ? new Date(scheduledFor) : new Date(Date.now() + 60 * 60_000), timeZone));

  const button = (action: WorkflowAction) => {
    const label = action === 'publish' && moves.includes('unschedule') ? 'Publish now' : TRANSITIONS[action].label;
    const destructive = action === 'trash' || action === 'purge';
    if (destructive && confirming === action) {
      return (
        <span key={action} className="flex items-center gap-2 text-sm" role="group" aria-label={`Confirm: ${label}`}>
          {action === 'purge' ? 'Delete for good? This cannot be undone.' : 'Move to the trash?'}
          <button type="button" className="rounded bg-red-700 px-2 py-1 font-semibold text-white" onClick={() => onMove(action)}>
            Yes, {label.toLowerCase()}
          </button>
          <button type="button" className="underline" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </span>
      );
    }
    return (
      <button
        key={action}
        type="button"
        disabled={busy !== null}
        onClick={() => (destructive ? setConfirming(action) : onMove(action))}
        className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${STYLE[action] ?? 'border border-rule bg-panel'}`}
      >
        {busy === action ? `${label}…` : label}
      </button>
    );
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {moves.includes('schedule') &&
        (scheduling ? (
          <span className="flex flex-wrap items-center gap-2 rounded border border-rule bg-panel px-2 py-1" role="group" aria-label="Schedule">
            <label htmlFor={id} className="text-sm font-semibold">
              Publish at
            </label>
            <input id={id} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} className="rounded border border-rule bg-paper px-2 py-1 text-sm" />
            <span className="text-xs text-muted">{timeZone}</span>
            <button type="button" disabled={busy !== null} onClick={() => onMove('schedule', when)} className="rounded bg-ink px-2 py-1 text-sm font-semibold text-paper disabled:opacity-50">
              {busy === 'schedule' ? 'Scheduling…' : moves.includes('unschedule') ? 'Reschedule' : 'Schedule'}
            </button>
            <button type="button" onClick={() => setScheduling(false)} className="text-sm underline">
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setScheduling(true)} className="rounded border border-rule bg-panel px-3 py-1.5 text-sm font-semibold">
            {moves.includes('unschedule') ? 'Reschedule…' : 'Schedule…'}
          </button>
        ))}
      {ORDER.filter((action) => moves.includes(action)).map(button)}
    </div>
  );
}
