import { useCallback, type ChangeEvent, type ClipboardEvent, type Ref } from 'react';
import { Field, type FieldProps } from './field';

export type VerificationCodeFieldProps = Omit<FieldProps, 'type' | 'inputMode' | 'pattern' | 'autoComplete' | 'maxLength'>;

/** Cognito's codes (a reset or verification code, a second-factor code, an authenticator's) are six digits. */
const CODE_LENGTH = 6;

/**
 * Puts `text` without its spaces where the user is inserting, as much of it as the six characters leave room
 * for, and tells React (and so the form) of the new value through an input event, as the browser would.
 */
function insertWithoutSpaces(input: HTMLInputElement, text: string): void {
  const cleaned = text.replace(/\s+/g, '');
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  const room = Math.max(0, CODE_LENGTH - (input.value.length - (end - start)));
  input.setRangeText(cleaned.slice(0, room), start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Messages and authenticator apps show a code as "123 456". Whatever brings such text in (a key press, a paste,
 * a drop, a keyboard's suggestion), its spaces are left out before it goes in: the browser would otherwise cut
 * it at `maxLength` first ("123 45") and lose a digit.
 */
function onBeforeInput(event: InputEvent): void {
  if (!event.inputType.startsWith('insert')) return;
  const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? null;
  if (text === null || !/\s/.test(text)) return;
  event.preventDefault();
  // A space on its own (typed between the groups) simply does not go in.
  if (text.trim() !== '') insertWithoutSpaces(event.target as HTMLInputElement, text);
}

/** The clipboard's own event, for a paste that comes without a `beforeinput` carrying its text. */
function onPasteWithSpaces(event: ClipboardEvent<HTMLInputElement>): void {
  const text = event.clipboardData.getData('text');
  if (!/\s/.test(text)) return; // the browser's own paste
  event.preventDefault();
  if (text.trim() !== '') insertWithoutSpaces(event.currentTarget, text);
}

/** A value set by other means (a password manager writing "123 456" into the field) loses its spaces too. */
function dropSpaces(input: HTMLInputElement): void {
  if (!/\s/.test(input.value)) return;
  const caret = input.selectionStart ?? input.value.length;
  const caretAfter = input.value.slice(0, caret).replace(/\s+/g, '').length;
  input.value = input.value.replace(/\s+/g, '');
  input.setSelectionRange(caretAfter, caretAfter);
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A six-digit code: a reset or contact-verification code, a second-factor code at sign-in, or an authenticator
 * app's first code. The numeric keypad on phones (`inputMode`, and `pattern` for older iOS), at most six
 * digits, and `one-time-code` so the browser can offer a code it just received by text message. The form's
 * schema drops spaces as well, for a value that arrives without an input event (a `?code=` link).
 */
export function VerificationCodeField({ onChange, onPaste, ref, ...props }: VerificationCodeFieldProps) {
  // React has no `beforeinput` event of its own (its onBeforeInput is another event): listen on the element.
  const setInput = useCallback(
    (input: HTMLInputElement | null) => {
      assignRef(ref, input);
      if (!input) return;
      input.addEventListener('beforeinput', onBeforeInput);
      return () => {
        input.removeEventListener('beforeinput', onBeforeInput);
        assignRef(ref, null);
      };
    },
    [ref],
  );

  return (
    <Field
      {...props}
      ref={setInput}
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="one-time-code"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      maxLength={CODE_LENGTH}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        dropSpaces(event.currentTarget);
        onChange?.(event);
      }}
      onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
        onPaste?.(event);
        if (!event.defaultPrevented) onPasteWithSpaces(event);
      }}
    />
  );
}
