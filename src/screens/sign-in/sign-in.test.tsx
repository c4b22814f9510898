import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import { preloadScreen } from '../../app/screens';
import { i18n, setLanguage } from '../../i18n';
import { cognitoFailure, createFakeAuthAdapter, createMemoryChallengeStore, demoUser, newPasswordRequired } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen, type RenderScreenOptions } from '../../test/render-screen';
import { SignInRoute } from './sign-in-route';

vi.mock('../../app/screens', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../app/screens')>();
  return { ...original, preloadScreen: vi.fn(original.preloadScreen) };
});

const wrongPassword = () => cognitoFailure('NotAuthorizedException', 'Incorrect username or password.');

function renderSignIn(options: Partial<RenderScreenOptions> = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter({ signIn: async () => ({ kind: 'signedIn', user: demoUser }) });
  return renderScreen(<SignInRoute />, { path: paths.signIn, ...options, adapter });
}

async function fillAndSubmit(user: Awaited<ReturnType<typeof renderSignIn>>['user'], username: string, password: string) {
  if (username) await user.type(screen.getByLabelText('Username'), username);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInRoute', () => {
  it('names the screen and labels both fields', async () => {
    await renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', paths.forgotPassword);
  });

  it('signs in and goes to the account', async () => {
    const { user, adapter, auth } = await renderSignIn();
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(adapter.signIn).toHaveBeenCalledExactlyOnceWith('demo.user', 'Demo-Passw0rd!');
    expect(auth().state).toEqual({ status: 'signedIn', user: demoUser });
  });

  it('goes back to where a guard interrupted the user', async () => {
    const { user } = await renderSignIn({ state: { from: paths.changePassword } });
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('asks for the screen a sign-in leads to as soon as the user starts to use the form', async () => {
    vi.mocked(preloadScreen).mockClear();
    const { user } = await renderSignIn({ state: { from: paths.changePassword } });
    await user.click(screen.getByLabelText('Username'));
    expect(preloadScreen).toHaveBeenCalledExactlyOnceWith(paths.changePassword);
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('goes to the new-password screen on NEW_PASSWORD_REQUIRED, passing on where the user was going', async () => {
    const adapter = createFakeAuthAdapter({ signIn: async () => newPasswordRequired() });
    const { user, auth } = await renderSignIn({ adapter, state: { from: paths.changePassword } });
    await fillAndSubmit(user, 'new.user', 'Temp-Passw0rd1!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.newPassword));
    expect(currentLocation().state).toEqual({ from: paths.changePassword });
    expect(auth().state).toMatchObject({
      status: 'challenge',
      challenge: { name: 'NEW_PASSWORD_REQUIRED', username: 'new.user', requiredAttributes: ['name'] },
    });
  });

  it('goes to the reset screen when an administrator reset the password', async () => {
    const adapter = createFakeAuthAdapter({ signIn: async () => ({ kind: 'passwordResetRequired' }) });
    const { user, auth } = await renderSignIn({ adapter });
    await fillAndSubmit(user, 'reset.user', 'Old-Passw0rd1!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.resetPassword));
    expect(auth().state).toEqual({ status: 'resetPending', reset: { username: 'reset.user', reason: 'adminReset', delivery: null } });
  });

  it('shows wrong credentials in the alert, clears the password, keeps the username and focuses the password', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(wrongPassword()) });
    const { user } = await renderSignIn({ adapter });
    await fillAndSubmit(user, 'demo.user', 'wrong');
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
    expect(formAlert()).toHaveTextContent('Incorrect username or password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    expect(currentLocation().path).toBe(paths.signIn);
  });

  it('interpolates values into the message (an unsupported challenge)', async () => {
    const adapter = createFakeAuthAdapter({ signIn: async () => ({ kind: 'unsupportedChallenge', name: 'CUSTOM_CHALLENGE' }) });
    const { user } = await renderSignIn({ adapter });
    await fillAndSubmit(user, 'mfa.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(formAlert()).toHaveTextContent('(CUSTOM_CHALLENGE)'));
  });

  it('checks both fields before calling the pool, and focuses the first invalid one', async () => {
    const { user, adapter } = await renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const username = await screen.findByRole('textbox', { name: 'Username' });
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAccessibleDescription('Enter your username.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(adapter.signIn).not.toHaveBeenCalled();
  });

  it('shows the pending state before signing in and sends one request for a double click', async () => {
    const adapter = createFakeAuthAdapter();
    let finish: () => void = () => {};
    adapter.signIn.mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve({ kind: 'signedIn', user: demoUser }))));
    const { user } = await renderSignIn({ adapter });
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.type(screen.getByLabelText('Password'), 'Demo-Passw0rd!');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));
    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect(pending).toBeDisabled();
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalledTimes(1));
    finish();
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
  });

  it('shows the pending state before the sign-in work starts', async () => {
    let buttonTextWhenCalled = '';
    const adapter = createFakeAuthAdapter({
      signIn: async () => {
        buttonTextWhenCalled = screen.getByRole('button', { name: /sign/i }).textContent ?? '';
        return { kind: 'signedIn', user: demoUser };
      },
    });
    const { user } = await renderSignIn({ adapter });
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalled());
    expect(buttonTextWhenCalled).toBe('Signing in…');
  });

  it('shows a notice and prefilled username from the location state, and drops the notice from the history entry', async () => {
    await renderSignIn({ state: { notice: 'passwordResetDone', username: 'demo.user', from: paths.account } });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset. Sign in with your new password.');
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    await waitFor(() => expect(currentLocation().state).toEqual({ username: 'demo.user', from: paths.account }));
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset.');
  });

  it('hides the notice once the user submits', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(cognitoFailure('NetworkError', 'Network error')) });
    const { user } = await renderSignIn({ adapter, state: { notice: 'signedOutEverywhere' } });
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out on all your devices.');
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    // A dropped connection is no reason to type the password again.
    expect(screen.getByLabelText('Password')).toHaveValue('Demo-Passw0rd!');
  });

  it('shows the expired-challenge notice with the username when a saved challenge ran out, then clears it', async () => {
    const challengeStore = createMemoryChallengeStore();
    challengeStore.save({
      username: 'new.user',
      session: 'AYABe-test-session',
      expiresAt: Date.now() - 1_000,
      passwordChanged: false,
      challenge: { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [] },
    });
    const { auth } = await renderSignIn({ challengeStore });
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
    // The context forgets it; the screen still shows what the user needs.
    await waitFor(() => expect(auth().state).toEqual({ status: 'signedOut', expiredChallenge: null }));
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
  });

  it('toggles the password between hidden and shown with a button that says Show, then Hide', async () => {
    const { user } = await renderSignIn();
    const toggle = screen.getByRole('button', { name: 'Show Password' });
    expect(toggle).toHaveTextContent(/^Show$/);
    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Hide Password');
    expect(toggle).toHaveTextContent(/^Hide$/);
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
  });

  it('carries the typed username to the forgot-password screen', async () => {
    const { user } = await renderSignIn();
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.click(screen.getByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.forgotPassword));
    expect(currentLocation().state).toEqual({ username: 'demo.user' });
  });
});

describe('SignInRoute after a change of language', () => {
  afterEach(async () => {
    cleanup(); // unmount first: nothing is left to re-render when English comes back
    await setLanguage('en', { remember: false });
  });

  it('shows an error already on screen in the new language', async () => {
    const adapter = createFakeAuthAdapter({ signIn: () => Promise.reject(wrongPassword()) });
    const { user } = await renderSignIn({ adapter });
    await fillAndSubmit(user, 'demo.user', 'wrong');
    await waitFor(() => expect(formAlert()).toHaveTextContent('Incorrect username or password.'));

    await act(() => setLanguage('ja', { remember: false }));

    const ja = i18n.getFixedT('ja');
    const japanese = ja('errors.wrongCredentials', { identifier: ja('identifier.noun.username') });
    expect(japanese).not.toBe('Incorrect username or password.');
    expect(formAlert()).toHaveTextContent(japanese);
  });
});
