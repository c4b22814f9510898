import { useRef, useState } from 'react';
import type { ActionOutcome, CodeDelivery, UiError } from '../auth/auth-types';
import { useCooldown } from './reset-password/use-cooldown';

/** Cognito limits how often codes may be sent; waiting a minute between requests stays well clear. */
export const RESEND_COOLDOWN_SECONDS = 60;

export interface SentCode {
  delivery: CodeDelivery;
  /** 1 for the first code this screen asked for, then one more for each new code. */
  count: number;
}

export interface CodeSendingOptions {
  /** A code is already on its way (sent before this screen): wait the cooldown before offering another. */
  coolingAtStart?: boolean;
  /** After each attempt: null when a code went out, else the error to show. */
  onResult(error: UiError | null): void;
  /** The signed-in session is over (for the signed-in screens; without it that error goes to `onResult`). */
  onSessionOver?(): void;
}

/**
 * Asks the pool for a code on demand (never on arrival: the user decides when a message goes out), one
 * request at a time, and not again until the cooldown has run.
 */
export function useCodeSending(request: () => Promise<ActionOutcome<CodeDelivery>>, options: CodeSendingOptions) {
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS, options.coolingAtStart ?? false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentCode | null>(null);
  const inFlight = useRef(false);

  const send = async () => {
    if (inFlight.current || cooldown.secondsLeft > 0) return;
    inFlight.current = true;
    setSending(true);
    try {
      const outcome = await request();
      if (outcome.ok) {
        setSent((previous) => ({ delivery: outcome.value, count: (previous?.count ?? 0) + 1 }));
        cooldown.start();
        options.onResult(null);
      } else if (outcome.error.kind === 'sessionExpired' && options.onSessionOver) {
        options.onSessionOver();
      } else {
        options.onResult(outcome.error);
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return { sent, sending, send, secondsLeft: cooldown.secondsLeft };
}
