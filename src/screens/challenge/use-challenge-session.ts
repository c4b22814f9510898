import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { NoticeKey } from '../../app/navigation-state';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { StepOutcome, UiError } from '../../auth/auth-types';
import type { ChallengeView } from '../../auth/challenges';
import { nextScreenAfterSignIn } from '../../auth/next-screen';
import { useChallengeCountdown, type CountdownPhase } from '../../auth/challenge-timer';
import { expiredChallengeNotice } from './expired-notice';

export interface ChallengeSession {
  secondsLeft: number;
  phase: CountdownPhase;
  /**
   * The challenge is over while its screen still shows it: on the way out after an answer or an expiry, or
   * for good when Cognito asked for a step this app cannot take. Nothing can be sent again, and the
   * countdown no longer means anything.
   */
  ended: boolean;
  /** Time is up (by our clock, or Cognito said so): back to sign-in with the username and the reason. */
  returnToSignIn(): void;
  /**
   * Goes where the challenge's answer leads: the next challenge's screen, or where the user was going once
   * signed in (with `signedInNotice` on the way); back to sign-in when the Session is over. Returns the error
   * the form itself must show, or null when the screen is leaving.
   */
  follow(outcome: StepOutcome, options?: { from?: string; signedInNotice?: NoticeKey }): UiError | null;
}

/**
 * The challenge Session's clock, for every challenge screen: the time left, the warning, and at zero the
 * way back to sign-in. Safe to repeat: expiring an ended challenge changes nothing, and the navigation replaces.
 */
export function useChallengeSession(challenge: ChallengeView): ChallengeSession {
  const navigate = useNavigate();
  const { state, expireChallenge } = useAuth();
  const { secondsLeft, phase } = useChallengeCountdown(challenge.expiresAt);
  const ended = !(
    state.status === 'challenge' &&
    state.challenge.name === challenge.name &&
    state.challenge.expiresAt === challenge.expiresAt
  );
  const { username, name, passwordChanged } = challenge;

  const returnToSignIn = useCallback(() => {
    expireChallenge();
    navigate(paths.signIn, { replace: true, state: { notice: expiredChallengeNotice({ name, passwordChanged }), username } });
  }, [expireChallenge, navigate, username, name, passwordChanged]);

  useEffect(() => {
    if (phase === 'expired' && !ended) returnToSignIn();
  }, [phase, ended, returnToSignIn]);

  const follow = useCallback<ChallengeSession['follow']>(
    (outcome, { from, signedInNotice } = {}) => {
      if (outcome.kind !== 'failed') {
        const next = nextScreenAfterSignIn(outcome, from, { signedInNotice });
        navigate(next?.to ?? paths.account, { replace: true, state: next?.state });
        return null;
      }
      if (outcome.error.kind === 'sessionExpired') {
        returnToSignIn();
        return null;
      }
      return outcome.error;
    },
    [navigate, returnToSignIn],
  );

  return { secondsLeft, phase, ended, returnToSignIn, follow };
}
