import { Notice } from '../../ui/notice';
import { useAppTranslation } from '../../ui/use-app-translation';

/**
 * On a second step straight after a first password (the challenge's `passwordChanged`): that password is
 * saved already. Said up front, since from here on it is the one to sign in with, even if this step is
 * abandoned or runs out of time.
 */
export function PasswordSavedNotice({ passwordChanged }: { passwordChanged: boolean }) {
  const { t } = useAppTranslation();
  return passwordChanged ? <Notice message={t('challenge.passwordSaved')} /> : null;
}
