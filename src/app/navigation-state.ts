/**
 * What one screen hands the next through the router's location state.
 * Never a password, a code or a token: location state survives in the browser's history.
 */
export type NoticeKey =
  | 'challengeExpired'
  | 'mfaChallengeExpired'
  | 'mfaChallengeExpiredAfterNewPassword'
  | 'passwordResetDone'
  | 'passwordChanged'
  | 'signedOut'
  | 'signedOutEverywhere'
  | 'sessionEnded'
  | 'authenticatorSetUp'
  /** Signed in after a first sign-in: the password the user chose is the one from now on. */
  | 'passwordSet'
  /** Signed in after a first sign-in that also set up an authenticator app. */
  | 'passwordAndAuthenticatorSet'
  | 'emailVerified'
  | 'phoneVerified';

export interface NavigationState {
  notice?: NoticeKey;
  /** Prefills the username field of the next screen. */
  username?: string;
  /** Where a guard interrupted the user; sign-in sends them back there. */
  from?: string;
}

export function readNavigationState(state: unknown): NavigationState {
  if (typeof state !== 'object' || state === null) return {};
  const { notice, username, from } = state as Record<string, unknown>;
  return {
    notice: typeof notice === 'string' ? (notice as NoticeKey) : undefined,
    username: typeof username === 'string' ? username : undefined,
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
  };
}
