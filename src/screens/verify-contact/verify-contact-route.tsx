import '../screens.css';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { ScreenHeading } from '../../app/screen-heading';
import type { VerifiableAttribute } from '../../auth/adapter';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';
import { contactState } from '../two-step/mfa-settings';
import { VerifyContactForm } from './verify-contact-form';

const TEXT: Record<VerifiableAttribute, { title: string; missing: string; verified: string }> = {
  email: { title: 'verifyContact.titleEmail', missing: 'verifyContact.noEmail', verified: 'verifyContact.emailAlreadyVerified' },
  phone_number: { title: 'verifyContact.titlePhone', missing: 'verifyContact.noPhone', verified: 'verifyContact.phoneAlreadyVerified' },
};

function verifiableAttribute(value: string | null): VerifiableAttribute | null {
  return value === 'email' || value === 'phone_number' ? value : null;
}

/** `?attribute=email|phone_number`, signed in only (the router wraps it in `RequireSignedIn`); anything else: the account. */
export function VerifyContactRoute() {
  const [searchParams] = useSearchParams();
  const attribute = verifiableAttribute(searchParams.get('attribute'));
  if (!attribute) return <Navigate to={paths.account} replace />;
  return <VerifyContactPage key={attribute} attribute={attribute} />;
}

function VerifyContactPage({ attribute }: { attribute: VerifiableAttribute }) {
  const { t } = useAppTranslation();
  const { state } = useAuth();
  // As the screen opened: a right code marks the attribute verified in the auth state a moment before the
  // navigation to the account lands, and the form must stay in place until then.
  const [shown] = useState(() => {
    const attributes = state.status === 'signedIn' ? state.user.attributes : {};
    return { value: attributes[attribute] ?? '', state: contactState(attributes, attribute) };
  });

  return (
    <>
      <ScreenHeading>{t(TEXT[attribute].title)}</ScreenHeading>
      {shown.state === 'unverified' ? <VerifyContactForm attribute={attribute} value={shown.value} /> : null}
      {shown.state === 'missing' ? <p>{t(TEXT[attribute].missing)}</p> : null}
      {shown.state === 'verified' ? <p>{t(TEXT[attribute].verified, { value: shown.value })}</p> : null}
      <p className="form-links">
        <Link to={paths.account}>{t('verifyContact.back')}</Link>
      </p>
    </>
  );
}
