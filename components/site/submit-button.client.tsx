'use client';

import { useFormStatus } from 'react-dom';

/** A form's submit button that cannot be pressed twice while its form is on its way. */
export function SubmitButton({ children, pendingText, className = '' }: { children: React.ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
