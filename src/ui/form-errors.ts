import { useCallback } from 'react';
import type { ErrorOption, FieldValues, Path, UseFormSetError, UseFormSetFocus } from 'react-hook-form';
import type { ErrorField, UiError } from '../auth/auth-types';
import { useAppTranslation } from './use-app-translation';

/**
 * Every error react-hook-form holds is a catalog key, translated only when shown, so that an error on
 * screen follows a change of language. Schema errors are a bare key. Server errors may come with
 * interpolation values, for which react-hook-form keeps no place (an error's message is one string):
 * they are marked with this type and their message is the key and the values as JSON.
 */
export const serverErrorType = 'server';

/** An auth-layer message as react-hook-form keeps it. */
export function serverError({ messageKey, values }: Pick<UiError, 'messageKey' | 'values'>): ErrorOption {
  return { type: serverErrorType, message: JSON.stringify({ key: messageKey, values }) };
}

/** The form field an auth-layer field name stands for on this form, if the form has it. */
export type ErrorFieldMap<T extends FieldValues> = (field: ErrorField) => Path<T> | undefined;

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
export function reportUiError<T extends FieldValues>(form: ErrorTarget<T>, error: UiError, fieldFor: ErrorFieldMap<T>): void {
  const field = error.field ? fieldFor(error.field) : undefined;
  if (error.kind === 'field' && field) {
    form.setError(field, serverError(error), { shouldFocus: true });
    return;
  }
  form.setError('root.server', serverError(error));
  if (field) form.setFocus(field);
}

/** What react-hook-form keeps for a field error or a `root.*` error. */
export interface FormErrorLike {
  type?: string | number;
  message?: string;
}

interface ServerMessage {
  key: string;
  values?: Record<string, string | number>;
}

function readServerMessage(message: string): ServerMessage {
  // Written by serverError() alone, so it parses; the key is the message itself only if something else wrote it.
  try {
    const parsed = JSON.parse(message) as Partial<ServerMessage> | null;
    if (typeof parsed?.key === 'string') return { key: parsed.key, values: parsed.values };
  } catch {
    // not JSON: fall through
  }
  return { key: message };
}

/**
 * Turns a react-hook-form error into the text to show, in the current language. `values` fill placeholders every
 * message of the form may have, such as `{{identifier}}` (what people sign in with); pass a memoised object.
 */
export function useErrorText(
  values?: Readonly<Record<string, string>>,
): (error: FormErrorLike | undefined) => string | undefined {
  const { t } = useAppTranslation();
  return useCallback(
    (error) => {
      if (!error?.message) return undefined;
      if (error.type !== serverErrorType) return t(error.message, values);
      const server = readServerMessage(error.message);
      return t(server.key, { ...values, ...server.values });
    },
    [t, values],
  );
}
