import '../screens.css';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { readNavigationState } from '../../app/navigation-state';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useSignInIdentifier } from '../use-sign-in-identifier';
import { ForgotPasswordForm } from './forgot-password-form';

/** The start of the reset flow: open to everyone, so it needs no flow state. */
export function ForgotPasswordRoute() {
  const { t } = useAppTranslation();
  const identifier = useSignInIdentifier();
  const location = useLocation();
  const [initialUsername] = useState(() => readNavigationState(location.state).username ?? '');

  return (
    <>
      <ScreenHeading>{t('forgotPassword.title')}</ScreenHeading>
      <p>{t('forgotPassword.intro', identifier.values)}</p>
      <ForgotPasswordForm initialUsername={initialUsername} />
    </>
  );
}
