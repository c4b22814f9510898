import { Field, type FieldProps } from './field';

export type VerificationCodeFieldProps = Omit<FieldProps, 'type' | 'inputMode' | 'pattern' | 'autoComplete' | 'maxLength'>;

/**
 * Room for a six-digit code pasted the way messages and authenticator apps show it ("123 456", with
 * spaces around it): the schema drops the spaces, so the field must not cut the paste short.
 */
const CODE_MAX_LENGTH = 12;

/**
 * A six-digit code: a second-factor code at sign-in, or an authenticator app's first code. The numeric
 * keypad on phones (`inputMode`, and `pattern` for older iOS), and `one-time-code` so the browser can
 * offer a code it just received by text message.
 */
export function VerificationCodeField(props: VerificationCodeFieldProps) {
  return (
    <Field
      {...props}
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="one-time-code"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      maxLength={CODE_MAX_LENGTH}
    />
  );
}
