import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { useAuth } from '../../auth/auth-context';
import type { ChallengeView } from '../../auth/challenges';
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

  return { secondsLeft, phase, ended, returnToSignIn };
}
