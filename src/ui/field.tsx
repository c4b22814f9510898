import './ui.css';
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Help shown under the label before anything goes wrong. */
  hint?: ReactNode;
  /** Already translated; its presence marks the input invalid. */
  error?: string;
  /** Ids of further descriptions rendered by the caller (a policy checklist, a countdown). */
  describedBy?: string;
  /** Rendered right after the input on the same row (a show/hide button). */
  adornment?: ReactNode;
  /** Rendered after the error (a policy checklist). */
  children?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled input whose hint and error are linked with aria-describedby, so a screen reader reads the
 * error when the field takes focus (forms move focus to the first invalid field).
 */
export function Field({ label, hint, error, describedBy, adornment, children, id, className, ref, ...inputProps }: FieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedByIds = [error ? errorId : null, hint ? hintId : null, describedBy ?? null].filter(Boolean).join(' ');

  return (
    <div className={['field', error ? 'field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="field__control">
        <input
          {...inputProps}
          ref={ref}
          id={inputId}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds || undefined}
        />
        {adornment}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
