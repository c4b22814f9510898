import { Field, type FieldProps } from './field';

export type UsernameFieldProps = Omit<FieldProps, 'type' | 'autoComplete' | 'autoCapitalize' | 'autoCorrect' | 'spellCheck'> & {
  /** `email` or `tel` where people sign in with an email address or a phone number: their keyboard, and autofill. */
  type?: 'text' | 'email' | 'tel';
};

/**
 * A username input: password managers fill it, and phones neither capitalise, correct nor spell-check
 * it (a username is typed exactly). `autocomplete="username"` also where the "username" is an email address or
 * phone number: it names the account field, whatever is typed in it.
 */
export function UsernameField({ type = 'text', ...props }: UsernameFieldProps) {
  return <Field {...props} type={type} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />;
}
