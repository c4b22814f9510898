import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../auth/auth-context';
import type { UiError } from '../../auth/auth-types';
import type { ChallengeOf } from '../../auth/challenges';
import type { ChallengeSession } from '../challenge/use-challenge-session';

export type AuthenticatorKeyRequest =
  | { status: 'ready'; secret: string }
  | { status: 'loading' }
  | { status: 'failed'; error: UiError; retry(): void };

/**
 * The MFA_SETUP key: asked for on arrival when the challenge has none (new, or restored after a reload,
 * which never keeps a key), once; again only when the user retries after a failure.
 */
export function useAuthenticatorKeyRequest(
  challenge: ChallengeOf<'MFA_SETUP'>,
  { ended, returnToSignIn }: Pick<ChallengeSession, 'ended' | 'returnToSignIn'>,
): AuthenticatorKeyRequest {
  const { requestAuthenticatorKey } = useAuth();
  const [failure, setFailure] = useState<UiError | null>(null);
  // Each request makes Cognito issue a new key and Session: StrictMode's second effect run must not send another.
  const requested = useRef(false);

  const request = useCallback(async () => {
    const outcome = await requestAuthenticatorKey();
    if (outcome.ok) return; // the key arrives in the challenge
    if (outcome.error.kind === 'sessionExpired') returnToSignIn();
    else setFailure(outcome.error);
  }, [requestAuthenticatorKey, returnToSignIn]);

  useEffect(() => {
    if (challenge.secret !== null || ended || requested.current) return;
    requested.current = true;
    void request();
  }, [challenge.secret, ended, request]);

  if (challenge.secret !== null) return { status: 'ready', secret: challenge.secret };
  if (failure) {
    return {
      status: 'failed',
      error: failure,
      retry: () => {
        setFailure(null);
        void request();
      },
    };
  }
  return { status: 'loading' };
}
