import { useState } from 'react';

/**
 * `value`, or while it is null the last value it had. A screen whose flow state ends in the auth context
 * a moment before its own navigation lands (signing out, finishing a challenge or a reset) keeps showing
 * what it showed instead of flashing an empty screen or letting its guard redirect elsewhere.
 */
export function useLastNonNull<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  // Adjusting state while rendering (React's documented pattern): no extra render with the stale value.
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
