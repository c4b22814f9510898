import { useCallback } from 'react';
import type { FieldValues, Path, UseFormSetError, UseFormSetFocus } from 'react-hook-form';
import type { ErrorField, UiError } from '../auth/auth-types';
import { useAppTranslation } from './use-app-translation';

/**
 * Errors reach react-hook-form in two forms: schema errors carry an i18n key (translated when shown,
 * so they follow a language change) and server errors carry text already translated with its
 * interpolation values (react-hook-form keeps only a string), marked with this type.
 */
export const serverErrorType = 'server';

/** The form field an auth-layer field name stands for on this form, if the form has it. */
export type ErrorFieldMap<T extends FieldValues> = (field: ErrorField) => Path<T> | undefined;

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ErrorTarget<T extends FieldValues> {
  setError: UseFormSetError<T>;
  setFocus: UseFormSetFocus<T>;
}

/**
 * Puts an auth-layer error on the form: a field error on its field (focused); anything else in the
 * form's single alert region (`root.server`), with focus on the error's field when it names one
 * (wrong credentials: the message must not say which of the two was wrong, but the password, just
 * cleared, is where the user continues).
 */
export function reportUiError<T extends FieldValues>(
  form: ErrorTarget<T>,
  error: UiError,
  translate: Translate,
  fieldFor: ErrorFieldMap<T>,
): void {
  const message = translate(error.messageKey, error.values);
  const field = error.field ? fieldFor(error.field) : undefined;
  if (error.kind === 'field' && field) {
    form.setError(field, { type: serverErrorType, message }, { shouldFocus: true });
    return;
  }
  form.setError('root.server', { type: serverErrorType, message });
  if (field) form.setFocus(field);
}

/** What react-hook-form keeps for a field error or a `root.*` error. */
export interface FormErrorLike {
  type?: string | number;
  message?: string;
}

/** Turns a react-hook-form error into the text to show. */
export function useErrorText(): (error: FormErrorLike | undefined) => string | undefined {
  const { t } = useAppTranslation();
  return useCallback(
    (error) => {
      if (!error?.message) return undefined;
      return error.type === serverErrorType ? error.message : t(error.message);
    },
    [t],
  );
}
