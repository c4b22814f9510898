import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import { useAppTranslation } from '../../ui/use-app-translation';

/**
 * Gives up the pending challenge and returns to sign-in with the username filled in. Also how a user gets
 * a new text-message or email code: Cognito cannot resend one, a new sign-in sends a new one.
 */
export function useLeaveChallenge(username: string): () => void {
  const { abandonChallenge } = useAuth();
  const navigate = useNavigate();
  return useCallback(() => {
    abandonChallenge();
    navigate(paths.signIn, { replace: true, state: { username } });
  }, [abandonChallenge, navigate, username]);
}

/** The way out once a challenge has ended on its screen (Cognito asked for a step this app cannot take). */
export function BackToSignInLink({ username }: { username: string }) {
  const { t } = useAppTranslation();
  return (
    <p className="form-links">
      <Link to={paths.signIn} replace state={{ username }}>
        {t('challenge.backToSignIn')}
      </Link>
    </p>
  );
}
