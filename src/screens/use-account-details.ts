import { useCallback, useEffect, useState } from 'react';
import type { AccountDetails } from '../auth/adapter';
import { useAuth } from '../auth/auth-context';
import type { UiError } from '../auth/auth-types';
import { useSessionEnded } from './use-session-ended';

export type AccountDetailsLoad =
  | { status: 'loading' }
  | { status: 'loaded'; details: AccountDetails }
  | { status: 'failed'; error: UiError };

/**
 * The signed-in user's attributes and second-factor settings, read once (GetUser) when the screen mounts and
 * again on `retry()`. `update()` puts in what a change has made of them.
 */
export function useAccountDetails() {
  const { loadAccountDetails } = useAuth();
  const sessionEnded = useSessionEnded();
  const [load, setLoad] = useState<AccountDetailsLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void loadAccountDetails().then((outcome) => {
      if (!current) return;
      if (outcome.ok) setLoad({ status: 'loaded', details: outcome.value });
      else if (outcome.error.kind === 'sessionExpired') sessionEnded();
      else setLoad({ status: 'failed', error: outcome.error });
    });
    return () => {
      current = false;
    };
  }, [attempt, loadAccountDetails, sessionEnded]);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const update = useCallback((details: AccountDetails) => setLoad({ status: 'loaded', details }), []);

  return { load, retry, update };
}
