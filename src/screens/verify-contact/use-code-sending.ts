import { useRef, useState } from 'react';
import type { VerifiableAttribute } from '../../auth/adapter';
import { useAuth } from '../../auth/auth-context';
import type { CodeDelivery, UiError } from '../../auth/auth-types';
import { useCooldown } from '../reset-password/use-cooldown';
import { useSessionEnded } from '../use-session-ended';

/** Cognito limits how often codes may be sent; waiting a minute between requests stays well clear. */
export const RESEND_COOLDOWN_SECONDS = 60;

export interface SentCode {
  delivery: CodeDelivery;
  /** 1 for the first code, then one more for each new code. */
  count: number;
}

/**
 * GetUserAttributeVerificationCode on demand (never on arrival: the user decides when a message goes out),
 * one request at a time, and not again until the cooldown has run.
 */
export function useCodeSending(attribute: VerifiableAttribute, onResult: (error: UiError | null) => void) {
  const { sendAttributeVerificationCode } = useAuth();
  const sessionEnded = useSessionEnded();
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SentCode | null>(null);
  const inFlight = useRef(false);

  const send = async () => {
    if (inFlight.current || cooldown.secondsLeft > 0) return;
    inFlight.current = true;
    setSending(true);
    try {
      const outcome = await sendAttributeVerificationCode(attribute);
      if (outcome.ok) {
        setSent((previous) => ({ delivery: outcome.value, count: (previous?.count ?? 0) + 1 }));
        cooldown.start();
        onResult(null);
      } else if (outcome.error.kind === 'sessionExpired') {
        sessionEnded();
      } else {
        onResult(outcome.error);
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return { sent, sending, send, secondsLeft: cooldown.secondsLeft };
}
