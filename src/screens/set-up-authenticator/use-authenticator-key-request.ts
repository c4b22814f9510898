import { useAuth } from '../../auth/auth-context';
import type { UiError } from '../../auth/auth-types';
import type { ChallengeOf } from '../../auth/challenges';
import type { ChallengeSession } from '../challenge/use-challenge-session';
import { useRequestOnce } from '../use-request-once';

export type AuthenticatorKeyRequest =
  | { status: 'ready'; secret: string }
  | { status: 'loading' }
  | { status: 'failed'; error: UiError; retry(): void };

/**
 * The MFA_SETUP key: asked for on arrival when the challenge has none (new, or restored after a reload,
 * which never keeps a key), once; again only when the user retries after a failure. The key itself arrives
 * in the challenge.
 */
export function useAuthenticatorKeyRequest(
  challenge: ChallengeOf<'MFA_SETUP'>,
  { ended, returnToSignIn }: Pick<ChallengeSession, 'ended' | 'returnToSignIn'>,
): AuthenticatorKeyRequest {
  const { requestAuthenticatorKey } = useAuth();
  const request = useRequestOnce(requestAuthenticatorKey, { skip: challenge.secret !== null || ended, onSessionOver: returnToSignIn });
  if (challenge.secret !== null) return { status: 'ready', secret: challenge.secret };
  return request.status === 'ready' ? { status: 'loading' } : request;
}
