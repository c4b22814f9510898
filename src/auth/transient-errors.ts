import type { UiError } from './auth-types';

/**
 * Answers after which nothing was decided: no answer came at all, or the service was busy or failed
 * before looking at what was sent. A form keeps everything the user typed, passwords included, so that
 * the same submit can simply be sent again. After any other error the forms clear their passwords,
 * because the pool has checked them (and a wrong one should be typed afresh).
 */
export function isTransientError(error: UiError): boolean {
  return error.retryable === true;
}
