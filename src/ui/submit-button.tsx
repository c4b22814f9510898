import type { ReactNode } from 'react';

export interface SubmitButtonProps {
  pending: boolean;
  /** Shown instead of the label while the request runs. */
  pendingLabel: string;
  children: ReactNode;
  disabled?: boolean;
}

/**
 * The form's submit button. Disabled while pending, which also stops implicit submission with Enter,
 * so one request goes out however often it is pressed; forms add `useSingleFlight` as a second lock
 * for the moment before the disabled state has rendered.
 */
export function SubmitButton({ pending, pendingLabel, children, disabled }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
