import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutcome, UiError } from '../auth/auth-types';

export type RequestOnce<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: UiError; retry(): void };

/**
 * Sends `request` once when the screen arrives (unless `skip`), again only when the user retries after a
 * failure. Once, also under StrictMode's double effects: a request that makes the pool issue something new
 * (an authenticator key, a Session) must not be sent twice. A session that is over goes to `onSessionOver`.
 */
export function useRequestOnce<T>(
  request: () => Promise<ActionOutcome<T>>,
  { skip = false, onSessionOver }: { skip?: boolean; onSessionOver(): void },
): RequestOnce<T> {
  const [result, setResult] = useState<{ status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: UiError }>({
    status: 'loading',
  });
  const requested = useRef(false);

  const send = useCallback(async () => {
    const outcome = await request();
    if (outcome.ok) setResult({ status: 'ready', value: outcome.value });
    else if (outcome.error.kind === 'sessionExpired') onSessionOver();
    else setResult({ status: 'failed', error: outcome.error });
  }, [request, onSessionOver]);

  useEffect(() => {
    if (skip || requested.current) return;
    requested.current = true;
    void send();
  }, [skip, send]);

  if (result.status !== 'failed') return result;
  return {
    ...result,
    retry: () => {
      setResult({ status: 'loading' });
      void send();
    },
  };
}
