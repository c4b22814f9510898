import { useRef, type BaseSyntheticEvent, type FormEvent } from 'react';

/**
 * Wraps a form's submit handler (react-hook-form's `handleSubmit(...)`) so a second submit while the
 * first is still running is dropped. The disabled submit button does the same once it has rendered;
 * this covers a double click that lands before that render.
 */
export function useSingleFlightSubmit(submit: (event?: BaseSyntheticEvent) => Promise<void>) {
  const inFlight = useRef(false);
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    void submit(event).finally(() => {
      inFlight.current = false;
    });
  };
}
