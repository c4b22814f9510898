import '../screens.css';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { ScreenHeading } from '../../app/screen-heading';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';
import { useLastNonNull } from '../use-last-non-null';
import { ResetPasswordForm } from './reset-password-form';

/**
 * Code + new password. Reached from forgot-password, from sign-in after an administrator reset, or
 * from a link `?username=…&code=…`. With none of these the user starts the flow over.
 */
export function ResetPasswordRoute() {
  const { t } = useAppTranslation();
  const { state, startResetFromLink } = useAuth();
  const reset = state.status === 'resetPending' ? state.reset : null;
  const [searchParams, setSearchParams] = useSearchParams();

  // Read the link once: the code leaves the address bar right away (below).
  const [link] = useState(() => ({
    username: searchParams.get('username')?.trim() || null,
    code: searchParams.get('code')?.trim() ?? '',
  }));

  // The reset ends in the context before the screen's own navigation to sign-in lands: keep the reset
  // the screen showed, so the guard below does not send the user to forgot-password on the way.
  const shown = useLastNonNull(reset);

  const linkHandled = useRef(false);
  useEffect(() => {
    if (linkHandled.current || !link.username) return;
    linkHandled.current = true;
    if (reset?.username !== link.username) startResetFromLink(link.username);
    if (searchParams.has('code')) {
      // A code in the URL would stay in the history (and be sent as Referer): keep only the username.
      setSearchParams({ username: link.username }, { replace: true });
    }
  }, [link.username, reset, startResetFromLink, searchParams, setSearchParams]);

  // No loading state to handle: the router's RedirectIfSignedIn shows it until the auth state is known.
  const username = link.username ?? shown?.username;
  if (!username) return <Navigate to={paths.forgotPassword} replace />;
  const current = shown?.username === username ? shown : null;

  return (
    <>
      <ScreenHeading>{t('resetPassword.title')}</ScreenHeading>
      <ResetPasswordForm
        username={username}
        reason={current?.reason ?? 'forgotten'}
        delivery={current?.delivery ?? null}
        initialCode={link.code}
      />
    </>
  );
}
