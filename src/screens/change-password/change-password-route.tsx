import '../screens.css';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { ChangePasswordForm } from './change-password-form';

/** Signed-in only: the router wraps it in `RequireSignedIn`. */
export function ChangePasswordRoute() {
  const { t } = useAppTranslation();
  return (
    <>
      <ScreenHeading>{t('changePassword.title')}</ScreenHeading>
      <ChangePasswordForm />
    </>
  );
}
