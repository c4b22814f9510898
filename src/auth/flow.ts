import type { ChallengeHandle } from './adapter';
import type { CodeDelivery, PendingResetView, SignedInUser } from './auth-types';
import type { ChallengeName, ChallengeView } from './challenges';

/**
 * The auth flow as a small union of states with pure transitions. Form values never live here
 * (they stay in react-hook-form); only what decides which screen the user may be on.
 */

/** A pending challenge with the adapter's handle (the Session), which screens never see. */
export type PendingChallenge = ChallengeView & { handle: ChallengeHandle };

/** A challenge that ran out: sign-in is prefilled with the username and says why. */
export interface ExpiredChallenge {
  username: string;
  /** Which step ran out: the notice on sign-in says what to do next. */
  name: ChallengeName;
  /** The user had already chosen a new password in that sign-in: the temporary one no longer works. */
  passwordChanged: boolean;
}

/**
 * The flow's state as screens see it: a union to narrow on `status`, and inside a challenge on its `name`.
 * {@link FlowState} is the same with the adapter's handle, which is why it is assignable to this.
 */
export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; expiredChallenge: ExpiredChallenge | null }
  | { status: 'challenge'; challenge: ChallengeView }
  | { status: 'resetPending'; reset: PendingResetView }
  | { status: 'signedIn'; user: SignedInUser };

export type FlowState =
  | { status: 'loading' }
  | { status: 'signedOut'; expiredChallenge: ExpiredChallenge | null }
  | { status: 'challenge'; challenge: PendingChallenge }
  | { status: 'resetPending'; reset: PendingResetView }
  | { status: 'signedIn'; user: SignedInUser };

export type FlowEvent =
  /** Start-up found a usable session. */
  | { type: 'sessionRestored'; user: SignedInUser }
  /** Start-up found a challenge saved before a reload, still within its lifetime. */
  | { type: 'challengeRestored'; challenge: PendingChallenge }
  /** Start-up found nothing to resume; `expiredChallenge` when a saved challenge had run out. */
  | { type: 'nothingRestored'; expiredChallenge: ExpiredChallenge | null }
  | { type: 'signedIn'; user: SignedInUser }
  /** Cognito asked for a challenge: at sign-in, or as the next step of one being answered. */
  | { type: 'challengeStarted'; challenge: PendingChallenge }
  /** MFA_SETUP: Cognito handed out the authenticator key, with a new Session. */
  | { type: 'authenticatorKeyReceived'; secret: string; handle: ChallengeHandle }
  /** The countdown reached zero, or Cognito answered that the Session is expired or used. */
  | { type: 'challengeExpired' }
  | { type: 'challengeAbandoned' }
  | { type: 'expiredChallengeCleared' }
  | { type: 'resetStarted'; reset: PendingResetView }
  | { type: 'resetCodeResent'; delivery: CodeDelivery }
  | { type: 'resetCompleted' }
  /** The signed-in user's attributes as the pool has them now (after a verification, say). */
  | { type: 'userAttributesRead'; attributes: Record<string, string> }
  | { type: 'signedOut' };

export const initialFlowState: FlowState = { status: 'loading' };

const signedOut = (expiredChallenge: ExpiredChallenge | null = null): FlowState => ({
  status: 'signedOut',
  expiredChallenge,
});

export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'sessionRestored':
      return state.status === 'loading' ? { status: 'signedIn', user: event.user } : state;
    case 'challengeRestored':
      return state.status === 'loading' ? { status: 'challenge', challenge: event.challenge } : state;
    case 'nothingRestored':
      return state.status === 'loading' ? signedOut(event.expiredChallenge) : state;
    case 'signedIn':
      return { status: 'signedIn', user: event.user };
    case 'challengeStarted':
      return { status: 'challenge', challenge: event.challenge };
    case 'authenticatorKeyReceived':
      return state.status === 'challenge' && state.challenge.name === 'MFA_SETUP'
        ? { status: 'challenge', challenge: { ...state.challenge, secret: event.secret, handle: event.handle } }
        : state;
    case 'challengeExpired':
      return state.status === 'challenge'
        ? signedOut({
            username: state.challenge.username,
            name: state.challenge.name,
            passwordChanged: state.challenge.passwordChanged,
          })
        : state;
    case 'challengeAbandoned':
      return state.status === 'challenge' ? signedOut() : state;
    case 'expiredChallengeCleared':
      return state.status === 'signedOut' && state.expiredChallenge !== null ? signedOut() : state;
    case 'resetStarted':
      // A signed-in user has no business in the reset flow; the routes keep them out, the state agrees.
      return state.status === 'signedIn' || state.status === 'loading' ? state : { status: 'resetPending', reset: event.reset };
    case 'resetCodeResent':
      return state.status === 'resetPending'
        ? { status: 'resetPending', reset: { ...state.reset, delivery: event.delivery } }
        : state;
    case 'resetCompleted':
      return state.status === 'resetPending' ? signedOut() : state;
    case 'userAttributesRead':
      return state.status === 'signedIn'
        ? { status: 'signedIn', user: { ...state.user, attributes: event.attributes } }
        : state;
    case 'signedOut':
      return signedOut();
  }
}

/** Attributes Cognito will not take back in a NEW_PASSWORD_REQUIRED answer, whatever the challenge lists. */
export const NEVER_SENT_ATTRIBUTES: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified', 'sub']);

/**
 * The attributes the user must actually supply: Cognito's list without the ones it refuses to receive
 * (immutable/verified flags) and without those that already have a value ("Cannot modify an already
 * provided …", docs/cognito-behaviour.md §4.2).
 */
export function attributesToRequest(requiredAttributes: readonly string[], userAttributes: Record<string, string>): string[] {
  const unique = [...new Set(requiredAttributes)];
  return unique.filter((name) => !NEVER_SENT_ATTRIBUTES.has(name) && !(userAttributes[name]?.trim()));
}

/**
 * What is sent with the new password: only the attributes the user was asked for, and never one Cognito
 * refuses. `requestedAttributes` is {@link attributesToRequest}'s answer, but after a reload it comes back
 * from sessionStorage, so the refused ones are filtered again here.
 */
export function attributesToSend(
  requestedAttributes: readonly string[],
  attributes: Record<string, string>,
): Record<string, string> {
  const requested = new Set(requestedAttributes);
  return Object.fromEntries(
    Object.entries(attributes).filter(([name]) => requested.has(name) && !NEVER_SENT_ATTRIBUTES.has(name)),
  );
}

export function challengeExpiresAt(receivedAt: number, challengeSessionMinutes: number): number {
  return receivedAt + challengeSessionMinutes * 60_000;
}
