import { Secret, TOTP } from 'otpauth';
import { LIMITS } from './limits';

/**
 * Authenticator-app codes as Cognito checks them (docs/cognito-behaviour.md, MFA, M12): RFC 6238 with HMAC-SHA-1,
 * 30-second steps, 6 digits, one step of drift either way, and each code accepted once per user.
 */

/** The part of a user's state that remembers which time step was last accepted (VerifySoftwareToken and sign-in share it). */
export interface TotpReplayGuard {
  /** -1 until a code is accepted. */
  lastTotpStep: number;
}

export type TotpCheck = 'accepted' | 'mismatch' | 'alreadyUsed';

/**
 * A new authenticator secret: base32 without padding. Security: otpauth draws it from the system's CSPRNG
 * (crypto.randomBytes under Node); 32 bytes give 52 characters, above the model's minimum of 16
 * (docs/cognito-behaviour.md, MFA, M10).
 */
export function generateTotpSecret(): string {
  return new Secret({ size: LIMITS.softwareTokenSecretBytes }).base32;
}

/** The RFC 6238 time step (counter) at an instant of the emulator clock. */
export function totpStep(now: number): number {
  return TOTP.counter({ period: LIMITS.totpStepSeconds, timestamp: now });
}

/** The code an authenticator shows for `secret` at `now`: what tests and the README's walk-through compute. */
export function totpCode(secret: string, now: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), digits: LIMITS.totpDigits, period: LIMITS.totpStepSeconds, timestamp: now });
}

/**
 * Checks `code` against `secret` at `now` and, when it is accepted, remembers its step so the same code (or any
 * older one) is refused afterwards: RFC 6238 §5.2 asks a verifier not to accept a code twice, and Cognito answers
 * a reused code with ExpiredCodeException (docs/cognito-behaviour.md, MFA, M12).
 */
export function checkTotp(guard: TotpReplayGuard, secret: string, code: string, now: number): TotpCheck {
  // otpauth compares in constant time, so response times do not reveal how close a guess was.
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    digits: LIMITS.totpDigits,
    period: LIMITS.totpStepSeconds,
    timestamp: now,
    window: LIMITS.totpWindowSteps,
  });
  if (delta === null) return 'mismatch';
  const step = totpStep(now) + delta;
  if (step <= guard.lastTotpStep) return 'alreadyUsed';
  guard.lastTotpStep = step;
  return 'accepted';
}

/** Base32 (RFC 4648) as authenticator apps take it: the seed's fixed secrets must be this. */
export const BASE32_SECRET = /^[A-Z2-7]+$/;
