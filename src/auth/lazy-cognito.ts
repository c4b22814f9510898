import { AuthFailureError, toAuthFailure, type AuthAdapter, type ChallengeHandle } from './adapter';
// Types only: erased from the build, so this module does not pull the SDK into the first page.
import type { CognitoAdapterConfig, CognitoAdapterOptions } from './cognito';

/**
 * The Cognito adapter, loaded on demand. No screen needs amazon-cognito-identity-js (about 27 KB gzip with
 * the buffer and SHA-256 code it brings) to paint, so it stays out of the first page: it loads when the user
 * starts to use a form, or earlier when the browser is idle, and at the latest on the first call.
 * See docs/decisions/004-cognito-sdk-on-first-use.md.
 */
export type PreloadingAuthAdapter = AuthAdapter & Required<Pick<AuthAdapter, 'preload' | 'hasStoredSession'>>;

type CognitoModule = Pick<typeof import('./cognito'), 'createCognitoAdapter'>;

/** CIJ's key naming the signed-in user: `CognitoIdentityServiceProvider.<clientId>.LastAuthUser`. */
export function lastAuthUserKey(clientId: string): string {
  return `CognitoIdentityServiceProvider.${clientId}.LastAuthUser`;
}

export function createLazyCognitoAdapter(
  config: CognitoAdapterConfig,
  options: CognitoAdapterOptions = {},
  loadModule: () => Promise<CognitoModule> = () => import('./cognito'),
): PreloadingAuthAdapter {
  // The same store the SDK will use, chosen here so the start-up check can read it without the SDK.
  const storage = options.storage ?? (config.tokenStorage === 'sessionStorage' ? window.sessionStorage : window.localStorage);
  let loading: Promise<AuthAdapter> | null = null;

  function load(): Promise<AuthAdapter> {
    loading ??= loadModule().then(
      (module) => module.createCognitoAdapter(config, { ...options, storage }),
      (error: unknown) => {
        // A chunk that failed to arrive is a network failure to the user; forget it so a retry loads again.
        loading = null;
        throw new AuthFailureError('NetworkError', toAuthFailure(error).message);
      },
    );
    return loading;
  }

  /** Whether the SDK has left a signed-in user in the store; anything unreadable counts as none. */
  function hasStoredUser(): boolean {
    try {
      return Boolean(storage.getItem(lastAuthUserKey(config.userPoolClientId)));
    } catch {
      return false;
    }
  }

  return {
    hasStoredSession: hasStoredUser,
    async preload() {
      await load().catch(() => undefined);
    },
    async signIn(username, password) {
      return (await load()).signIn(username, password);
    },
    async completeNewPassword(handle, newPassword, attributes) {
      return (await load()).completeNewPassword(handle, newPassword, attributes);
    },
    async answerMfaCode(handle, challengeName, code) {
      return (await load()).answerMfaCode(handle, challengeName, code);
    },
    async chooseMfaMethod(handle, method) {
      return (await load()).chooseMfaMethod(handle, method);
    },
    async associateAuthenticator(handle) {
      return (await load()).associateAuthenticator(handle);
    },
    async verifyAuthenticator(handle, code, deviceName) {
      return (await load()).verifyAuthenticator(handle, code, deviceName);
    },
    resumeChallenge(saved): ChallengeHandle {
      // Synchronous by contract, so no SDK object yet: the Cognito adapter rebuilds its user from this
      // username and Session when the challenge is answered.
      return { username: saved.username, session: saved.session };
    },
    async forgotPassword(username) {
      return (await load()).forgotPassword(username);
    },
    async confirmForgotPassword(username, code, newPassword) {
      return (await load()).confirmForgotPassword(username, code, newPassword);
    },
    async currentSession() {
      // Most visitors arrive signed out: with no user in the store there is nothing to check or refresh,
      // and the first page paints without the SDK.
      if (!hasStoredUser()) return null;
      return (await load()).currentSession();
    },
    async changePassword(currentPassword, newPassword) {
      return (await load()).changePassword(currentPassword, newPassword);
    },
    async getAccountDetails() {
      return (await load()).getAccountDetails();
    },
    async setMfaPreference(changes) {
      return (await load()).setMfaPreference(changes);
    },
    async startAuthenticatorSetup() {
      return (await load()).startAuthenticatorSetup();
    },
    async confirmAuthenticatorSetup(code, deviceName) {
      return (await load()).confirmAuthenticatorSetup(code, deviceName);
    },
    async sendAttributeVerificationCode(attribute) {
      return (await load()).sendAttributeVerificationCode(attribute);
    },
    async verifyAttribute(attribute, code) {
      return (await load()).verifyAttribute(attribute, code);
    },
    async signOut() {
      if (!hasStoredUser()) return;
      try {
        await (await load()).signOut();
      } catch {
        // Never rejects (AuthAdapter): the SDK could not even load, so it cannot have stored tokens this
        // page knows how to forget; the next load that finds them signs out again.
      }
    },
    async globalSignOut() {
      return (await load()).globalSignOut();
    },
  };
}

/** What counts as starting to use a form: a field gets focus or input, or a form is submitted. */
const FORM_FIELD = 'input, select, textarea';

/**
 * Calls `preload` once: when the user first focuses or types in a form field or submits a form anywhere in
 * the document, or when the browser first has idle time after the page has painted, whichever comes first.
 * Returns a clean-up that removes the listeners.
 */
export function preloadOnFirstUse(preload: () => unknown, target: Document = document): () => void {
  let done = false;
  const events = ['focusin', 'input', 'submit'] as const;

  const fire = () => {
    if (done) return;
    done = true;
    cleanUp();
    void preload();
  };
  const onEvent = (event: Event) => {
    if (event.type === 'submit' || (event.target instanceof Element && event.target.matches(FORM_FIELD))) fire();
  };
  for (const type of events) target.addEventListener(type, onEvent, { capture: true });

  // Safari has no requestIdleCallback: a short timeout after mount stands in for it.
  let cancelIdle: () => void;
  if (typeof requestIdleCallback === 'function') {
    const cancel = cancelIdleCallback;
    const handle = requestIdleCallback(fire);
    cancelIdle = () => cancel(handle);
  } else {
    const handle = setTimeout(fire, 500);
    cancelIdle = () => clearTimeout(handle);
  }

  function cleanUp() {
    for (const type of events) target.removeEventListener(type, onEvent, { capture: true });
    cancelIdle();
  }
  return cleanUp;
}
