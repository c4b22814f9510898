import { useCallback, useEffect, useState } from 'react';
import type { AccountDetails } from '../auth/adapter';
import { useAuth } from '../auth/auth-context';
import type { UiError } from '../auth/auth-types';
import { useSessionEnded } from './use-session-ended';

export type AccountDetailsLoad =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; details: AccountDetails }
  | { status: 'failed'; error: UiError };

/**
 * The signed-in user's attributes and second-factor settings, read once (GetUser) when the screen mounts and
 * again on `retry()`. `update()` puts in what a change has made of them. With `enabled` false nothing is read.
 */
export function useAccountDetails(enabled = true) {
  const { loadAccountDetails } = useAuth();
  const sessionEnded = useSessionEnded();
  const [load, setLoad] = useState<AccountDetailsLoad>({ status: enabled ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
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
  }, [enabled, attempt, loadAccountDetails, sessionEnded]);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const update = useCallback((details: AccountDetails) => setLoad({ status: 'loaded', details }), []);

  return { load, retry, update };
}
