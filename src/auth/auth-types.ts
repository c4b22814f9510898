/**
 * The contract between the auth layer (adapter, flow state, provider) and the screens.
 * Screens import these types and `useAuth()`; they never see the SDK.
 */
import type { ChallengeName } from './challenges';

export interface CodeDelivery {
  /** Masked, exactly as Cognito returns it (e.g. "d***@e***"). */
  destination: string;
  medium: 'EMAIL' | 'SMS';
  attributeName: string;
}

export interface SignedInUser {
  username: string;
  attributes: Record<string, string>;
}

export type ResetReason = 'forgotten' | 'adminReset';

export interface PendingResetView {
  username: string;
  reason: ResetReason;
  /** Null when the code was requested by an administrator and the app does not know where it went. */
  delivery: CodeDelivery | null;
}

/** Form fields an error can be attached to. */
export type ErrorField =
  | 'username'
  | 'password'
  | 'currentPassword'
  | 'newPassword'
  | 'confirmPassword'
  | 'code'
  | `attribute:${string}`;

/**
 * An error as the user sees it: an i18n key, optional interpolation values, and where it goes.
 * - `field`: shown on that field;
 * - `form`: in the form's alert region;
 * - `sessionExpired`: the challenge is over, the screen changes to sign-in;
 * - `operator`: the deployment is misconfigured; the message addresses whoever runs the app.
 */
export interface UiError {
  kind: 'field' | 'form' | 'sessionExpired' | 'operator';
  messageKey: string;
  field?: ErrorField;
  values?: Record<string, string | number>;
  /**
   * Nothing was decided (no answer, or the service too busy or failing before it looked): the same submit
   * may simply be sent again, so a form keeps everything typed, passwords included. After any other error
   * sign-in clears its password; the forms that set a password clear only the password the error names
   * (screens/failed-password-fields.ts), so a wrong code does not cost the user the new passwords.
   */
  retryable?: true;
}

export type ActionOutcome<T = void> = { ok: true; value: T } | { ok: false; error: UiError };

/** Cognito's answer to a sign-in step, as the screen that sent it needs to know it. */
export type StepOutcome =
  | { kind: 'signedIn' }
  /** Another challenge is pending; the flow state holds it. */
  | { kind: 'challenge'; name: ChallengeName }
  | { kind: 'failed'; error: UiError };

export type SignInOutcome = StepOutcome | { kind: 'passwordResetRequired'; delivery: CodeDelivery | null };

export type AuthStatus = 'loading' | 'signedOut' | 'challenge' | 'resetPending' | 'signedIn';
