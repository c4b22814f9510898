import '../screens.css';
import { ScreenHeading } from '../../app/screen-heading';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useArrivalState } from '../use-arrival-state';
import { AccountPanel } from './account-panel';

/** Who is signed in, and the ways out. Signed-in only: the router wraps it in `RequireSignedIn`. */
export function AccountRoute() {
  const { t } = useAppTranslation();
  const { notice } = useArrivalState();
  return (
    <>
      <ScreenHeading>{t('account.title')}</ScreenHeading>
      <AccountPanel notice={notice} />
    </>
  );
}
