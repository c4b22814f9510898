import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeAuthAdapter, createMemoryStorage, demoUser, fakeChallengeHandle } from '../test/fake-auth-adapter';
import type { AuthAdapter } from './adapter';
import type { CognitoAdapterConfig, CognitoAdapterOptions } from './cognito';
import { createLazyCognitoAdapter, lastAuthUserKey, preloadOnFirstUse } from './lazy-cognito';

const config: CognitoAdapterConfig = {
  userPoolId: 'us-east-1_LocalDemo',
  userPoolClientId: 'localdemoappclient00000001',
  endpoint: 'http://127.0.0.1:9229/',
  authenticationFlowType: 'USER_SRP_AUTH',
  tokenStorage: 'localStorage',
};

/** A lazy adapter whose "SDK module" is a fake, with a count of how often it was loaded. */
function setUp({ storedUser = false, inner = createFakeAuthAdapter() } = {}) {
  const storage = createMemoryStorage();
  if (storedUser) storage.setItem(lastAuthUserKey(config.userPoolClientId), 'demo.user');
  const createCognitoAdapter = vi.fn((_config: CognitoAdapterConfig, _options?: CognitoAdapterOptions): AuthAdapter => inner);
  const loadModule = vi.fn(() => Promise.resolve({ createCognitoAdapter }));
  const adapter = createLazyCognitoAdapter(config, { storage }, loadModule);
  return { adapter, inner, storage, loadModule, createCognitoAdapter };
}

describe('createLazyCognitoAdapter', () => {
  it('answers the start-up check without loading the SDK when no user is stored', async () => {
    const { adapter, loadModule } = setUp();
    await expect(adapter.currentSession()).resolves.toBeNull();
    expect(loadModule).not.toHaveBeenCalled();
  });

  it('loads the SDK for the start-up check when the SDK has stored a user, and passes on its answer', async () => {
    const inner = createFakeAuthAdapter({ currentSession: () => Promise.resolve(demoUser) });
    const { adapter, loadModule } = setUp({ storedUser: true, inner });
    await expect(adapter.currentSession()).resolves.toEqual(demoUser);
    expect(loadModule).toHaveBeenCalledOnce();
  });

  it('tells whether a session may be stored, from the key the SDK leaves, without loading the SDK', () => {
    expect(setUp().adapter.hasStoredSession()).toBe(false);
    const signedIn = setUp({ storedUser: true });
    expect(signedIn.adapter.hasStoredSession()).toBe(true);
    expect(signedIn.loadModule).not.toHaveBeenCalled();
  });

  it('gives the SDK adapter the config and the same token store it checked', async () => {
    const { adapter, storage, createCognitoAdapter } = setUp({ storedUser: true });
    await adapter.currentSession();
    expect(createCognitoAdapter).toHaveBeenCalledExactlyOnceWith(config, expect.objectContaining({ storage }));
  });

  it('loads the SDK once however many calls wait for it, and passes every call through', async () => {
    const inner = createFakeAuthAdapter({
      signIn: () => Promise.resolve({ kind: 'signedIn', user: demoUser }),
      forgotPassword: () => Promise.resolve({ destination: 'd***@e***', medium: 'EMAIL', attributeName: 'email' }),
    });
    const { adapter, loadModule } = setUp({ inner });
    const [signedIn, delivery] = await Promise.all([adapter.signIn('demo.user', 'Demo-Passw0rd!'), adapter.forgotPassword('demo.user')]);
    expect(signedIn).toEqual({ kind: 'signedIn', user: demoUser });
    expect(delivery.medium).toBe('EMAIL');
    expect(inner.signIn).toHaveBeenCalledExactlyOnceWith('demo.user', 'Demo-Passw0rd!');
    expect(loadModule).toHaveBeenCalledOnce();
  });

  it('turns a chunk that fails to load into a NetworkError, and loads again on the next call', async () => {
    const inner = createFakeAuthAdapter({ confirmForgotPassword: () => Promise.resolve() });
    const { adapter, loadModule } = setUp({ inner });
    loadModule.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    await expect(adapter.confirmForgotPassword('demo.user', '123456', 'New-Passw0rd!')).rejects.toMatchObject({ code: 'NetworkError' });
    await expect(adapter.confirmForgotPassword('demo.user', '123456', 'New-Passw0rd!')).resolves.toBeUndefined();
    expect(loadModule).toHaveBeenCalledTimes(2);
  });

  it('rebuilds a saved challenge without the SDK, and hands it to the SDK adapter when answered', async () => {
    const inner = createFakeAuthAdapter({ completeNewPassword: () => Promise.resolve({ kind: 'signedIn', user: demoUser }) });
    const { adapter, loadModule } = setUp({ inner });
    const handle = adapter.resumeChallenge({ username: 'new.user', session: 'AYABe-saved' });
    expect(handle).toEqual(fakeChallengeHandle('new.user', 'AYABe-saved'));
    expect(loadModule).not.toHaveBeenCalled();
    await adapter.completeNewPassword(handle, 'New-Passw0rd!', { name: 'New User' });
    expect(inner.completeNewPassword).toHaveBeenCalledExactlyOnceWith(handle, 'New-Passw0rd!', { name: 'New User' });
  });

  it('signs out without loading the SDK when no user is stored, and through it when one is', async () => {
    const signedOut = setUp();
    await signedOut.adapter.signOut();
    expect(signedOut.loadModule).not.toHaveBeenCalled();

    const signedIn = setUp({ storedUser: true });
    await signedIn.adapter.signOut();
    expect(signedIn.inner.signOut).toHaveBeenCalledOnce();
  });

  it('never rejects on sign-out, even when the SDK cannot load', async () => {
    const { adapter, loadModule } = setUp({ storedUser: true });
    loadModule.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    await expect(adapter.signOut()).resolves.toBeUndefined();
  });

  it('preloads once and never rejects', async () => {
    const { adapter, loadModule } = setUp();
    loadModule.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    await expect(adapter.preload()).resolves.toBeUndefined();
    await adapter.preload();
    await adapter.preload();
    // The failed load was forgotten; the second load succeeded and is kept.
    expect(loadModule).toHaveBeenCalledTimes(2);
  });
});

describe('preloadOnFirstUse', () => {
  let cleanUp: (() => void) | undefined;
  afterEach(() => {
    cleanUp?.();
    cleanUp = undefined;
    document.body.innerHTML = '';
  });

  function page() {
    document.body.innerHTML = `
      <h1 tabindex="-1">Sign in</h1>
      <form><input name="username" /><button type="submit">Sign in</button></form>`;
    return {
      heading: document.querySelector('h1') as HTMLElement,
      input: document.querySelector('input') as HTMLInputElement,
      form: document.querySelector('form') as HTMLFormElement,
    };
  }

  it('waits while only the heading has focus, and preloads when a field gets focus', () => {
    const { heading, input } = page();
    const preload = vi.fn();
    cleanUp = preloadOnFirstUse(preload);
    heading.focus();
    expect(preload).not.toHaveBeenCalled();
    input.focus();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(preload).toHaveBeenCalledOnce();
  });

  it('preloads on a submit', () => {
    const { form } = page();
    const preload = vi.fn();
    cleanUp = preloadOnFirstUse(preload);
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(preload).toHaveBeenCalledOnce();
  });

  it('preloads when the browser is idle', () => {
    const callbacks: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => callbacks.push(callback));
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    try {
      const preload = vi.fn();
      cleanUp = preloadOnFirstUse(preload);
      expect(preload).not.toHaveBeenCalled();
      for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => 10 });
      expect(preload).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops listening once cleaned up', () => {
    vi.useFakeTimers();
    try {
      const { input } = page();
      const preload = vi.fn();
      preloadOnFirstUse(preload)();
      input.focus();
      vi.runAllTimers();
      expect(preload).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
