import { useCallback, useEffect, useId, useRef, useState, type Ref } from 'react';
import { Field, type FieldProps } from './field';
import { useAnnounce } from './announcer';
import { PasswordPolicyChecklist, type ChecklistRule } from './password-policy-checklist';
import { useAppTranslation } from './use-app-translation';

export interface PasswordFieldProps extends Omit<FieldProps, 'type' | 'autoComplete' | 'adornment' | 'children'> {
  /** `current-password` lets password managers fill it; `new-password` lets them suggest one. */
  autoComplete: 'current-password' | 'new-password';
  /** Shows the policy checklist under the field, ticked against `checklist.password`. */
  checklist?: { rules: readonly ChecklistRule[]; password: string };
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A password input with a show/hide toggle and, for new passwords, the policy checklist.
 *
 * The toggle says what pressing it does ("Show", then "Hide"), in its text and in its name. It is not an
 * aria-pressed toggle: a toggle button's name must stay the same while its state changes (WAI-ARIA APG), and
 * "Hide, pressed" would leave a screen-reader user guessing whether the password is hidden. The change is
 * also spoken, since a name change on the focused button is not announced by every screen reader.
 */
export function PasswordField({ label, autoComplete, checklist, describedBy, id, ref, ...fieldProps }: PasswordFieldProps) {
  const { t } = useAppTranslation();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const checklistId = `${inputId}-policy`;
  const [visible, setVisible] = useState(false);
  const announce = useAnnounce();
  const inputRef = useRef<HTMLInputElement | null>(null);

  const setInputRef = useCallback(
    (element: HTMLInputElement | null) => {
      inputRef.current = element;
      assignRef(ref, element);
    },
    [ref],
  );

  // Hide the password again when its form is submitted, so the browser and password managers see a
  // password field (not plain text) at submit time and the value is not left on screen afterwards.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const hide = () => setVisible(false);
    form.addEventListener('submit', hide);
    return () => form.removeEventListener('submit', hide);
  }, []);

  return (
    <Field
      {...fieldProps}
      ref={setInputRef}
      id={inputId}
      label={label}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      describedBy={[checklist ? checklistId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined}
      adornment={
        <button
          type="button"
          className="field__toggle"
          aria-controls={inputId}
          aria-label={visible ? t('ui.password.hideNamed', { label }) : t('ui.password.showNamed', { label })}
          disabled={fieldProps.disabled}
          onClick={() => {
            announce(visible ? t('ui.password.hiddenStatus', { label }) : t('ui.password.shownStatus', { label }));
            setVisible(!visible);
          }}
        >
          {visible ? t('ui.password.hide') : t('ui.password.show')}
        </button>
      }
    >
      {checklist ? <PasswordPolicyChecklist id={checklistId} rules={checklist.rules} password={checklist.password} /> : null}
    </Field>
  );
}
