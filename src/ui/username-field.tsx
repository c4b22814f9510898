import { Field, type FieldProps } from './field';

export type UsernameFieldProps = Omit<FieldProps, 'type' | 'autoComplete' | 'autoCapitalize' | 'autoCorrect' | 'spellCheck'>;

/**
 * A username input: password managers fill it, and phones neither capitalise, correct nor spell-check
 * it (a username is typed exactly).
 */
export function UsernameField(props: UsernameFieldProps) {
  return <Field {...props} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />;
}
