import type { NoticeKey } from '../../app/navigation-state';
import type { ChallengeName } from '../../auth/challenges';

/**
 * What sign-in says after a challenge ran out: which password to sign in with again. A second factor asked
 * for right after a new password is the trap here: the temporary password no longer works.
 */
export function expiredChallengeNotice(challenge: { name: ChallengeName; passwordChanged: boolean }): NoticeKey {
  if (challenge.name === 'NEW_PASSWORD_REQUIRED') return 'challengeExpired';
  return challenge.passwordChanged ? 'mfaChallengeExpiredAfterNewPassword' : 'mfaChallengeExpired';
}
