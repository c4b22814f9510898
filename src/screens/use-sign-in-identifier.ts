import { useMemo } from 'react';
// The context itself, not the config's index: the first page needs none of the index's other modules.
import { useConfig } from '../config/config-context';
import { useAppTranslation } from '../ui/use-app-translation';
import { identifierFieldSpec, identifierKind, identifierSchema } from './sign-in-identifier';

/**
 * What this deployment's users sign in with (the config's `signInWith`), ready for a form: the field's spec and
 * schema, and `values` that fill `{{identifier}}` in the form's texts and errors ("Enter your email address.").
 */
export function useSignInIdentifier() {
  const { signInWith } = useConfig();
  const { t } = useAppTranslation();
  const kind = identifierKind(signInWith);
  const spec = identifierFieldSpec(kind);
  // Memoised on what they are made of, so a form's error text (useErrorText) and schema stay the same objects.
  const values = useMemo(() => ({ identifier: t(identifierFieldSpec(identifierKind(signInWith)).nounKey) }), [t, signInWith]);
  const schema = useMemo(() => identifierSchema(identifierKind(signInWith)), [signInWith]);
  return { kind, spec, values, schema, label: t(spec.labelKey), hint: spec.hintKey ? t(spec.hintKey) : undefined };
}
