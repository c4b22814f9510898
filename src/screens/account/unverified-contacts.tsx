import { Link } from 'react-router';
import { paths } from '../../app/paths';
import type { VerifiableAttribute } from '../../auth/adapter';
import { spaceBetweenTexts } from '../../i18n/languages';
import { useAppTranslation } from '../../ui/use-app-translation';
import { contactState } from '../two-step/mfa-settings';

const TEXT: Record<VerifiableAttribute, { warning: string; verify: string }> = {
  email: { warning: 'account.unverifiedEmail', verify: 'account.verifyEmail' },
  phone_number: { warning: 'account.unverifiedPhone', verify: 'account.verifyPhone' },
};

/**
 * An email or phone number the user has but has not verified cannot receive a password-reset code
 * (ForgotPassword only uses verified ones): say so where the user can still fix it, signed in.
 */
export function UnverifiedContacts({ attributes }: { attributes: Record<string, string> }) {
  const { t, i18n } = useAppTranslation();
  const unverified = (['email', 'phone_number'] as const).filter((attribute) => contactState(attributes, attribute) === 'unverified');
  if (unverified.length === 0) return null;
  return (
    <div className="message message--warning">
      {unverified.map((attribute) => (
        <p key={attribute}>
          {t(TEXT[attribute].warning, { value: attributes[attribute] })}
          {spaceBetweenTexts(i18n.resolvedLanguage ?? i18n.language)}
          <Link to={{ pathname: paths.verifyContact, search: `?attribute=${attribute}` }}>{t(TEXT[attribute].verify)}</Link>
        </p>
      ))}
    </div>
  );
}
