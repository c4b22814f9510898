import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import type { SignedInUser } from '../../auth/auth-types';
import { i18n, setLanguage } from '../../i18n';
import { cognitoFailure, createFakeAuthAdapter, demoUser, type FakeAuthAdapter } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { AccountRoute } from './account-route';

/** Signed in as `user` (a stored session); signing out everywhere succeeds unless the test says otherwise. */
function signedInAdapter(user: SignedInUser = demoUser): FakeAuthAdapter {
  return createFakeAuthAdapter({ currentSession: async () => user, globalSignOut: async () => undefined });
}

function renderAccount(options: { state?: unknown; adapter?: FakeAuthAdapter } = {}) {
  return renderScreen(<AccountRoute />, { path: paths.account, adapter: options.adapter ?? signedInAdapter(), state: options.state });
}

const signOutEverywhere = () => screen.getByRole('button', { name: 'Sign out everywhere' });

describe('AccountRoute', () => {
  it('shows who is signed in and links to change password', async () => {
    await renderAccount();
    expect(screen.getByRole('heading', { level: 1, name: 'Your account' })).toHaveFocus();
    expect(screen.getByText('demo.user')).toBeInTheDocument();
    expect(screen.getByText('demo.user@example.com')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Change password' })).toHaveAttribute('href', paths.changePassword);
  });

  it('says so when the account has no email address', async () => {
    await renderAccount({ adapter: signedInAdapter({ username: 'phone.user', attributes: {} }) });
    expect(screen.getByText('Not set')).toBeInTheDocument();
  });

  it('shows the password-changed notice on arrival, once', async () => {
    await renderAccount({ state: { notice: 'passwordChanged' } });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
    // Gone from the history entry, so a reload does not announce it again; still on screen now.
    await waitFor(() => expect(currentLocation().state).toEqual({}));
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
  });

  it('signs out and says so on sign-in', async () => {
    const { user, adapter, auth } = await renderAccount();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'signedOut' });
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(auth().status).toBe('signedOut');
  });

  it('signs out everywhere and says why on sign-in', async () => {
    const { user, adapter, auth } = await renderAccount();
    expect(signOutEverywhere()).toHaveAccessibleDescription('Signs you out on every device and browser, including this one.');
    await user.click(signOutEverywhere());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'signedOutEverywhere' });
    expect(adapter.globalSignOut).toHaveBeenCalledTimes(1);
    expect(auth().status).toBe('signedOut');
  });

  it('disables both buttons while signing out everywhere and sends one request for a double click', async () => {
    const adapter = signedInAdapter();
    let fail: () => void = () => {};
    adapter.globalSignOut.mockImplementationOnce(
      () => new Promise((_resolve, reject) => (fail = () => reject(cognitoFailure('NetworkError', 'Network error')))),
    );
    const { user } = await renderAccount({ adapter });
    await user.dblClick(signOutEverywhere());
    expect(await screen.findByRole('button', { name: 'Signing out everywhere…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDisabled();
    fail();
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));
    expect(adapter.globalSignOut).toHaveBeenCalledTimes(1);
    expect(signOutEverywhere()).toBeEnabled();
    expect(currentLocation().path).toBe(paths.account);
  });

  it.each([
    ['revoked elsewhere', cognitoFailure('NotAuthorizedException', 'Access Token has been revoked')],
    // The local pool's answer to the token of a user deleted since: the session is over all the same.
    ['its user deleted', cognitoFailure('UserNotFoundException', 'User does not exist.')],
  ])('goes to sign-in saying the session ended when the session was already over (%s)', async (_why, failure) => {
    const adapter = signedInAdapter();
    adapter.globalSignOut.mockRejectedValueOnce(failure);
    const { user, auth } = await renderAccount({ adapter });
    await user.click(signOutEverywhere());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded' });
    expect(auth().status).toBe('signedOut');
  });
});

describe('AccountRoute after a change of language', () => {
  afterEach(async () => {
    cleanup(); // unmount first: nothing is left to re-render when English comes back
    await setLanguage('en', { remember: false });
  });

  it('shows an error already on screen in the new language', async () => {
    const adapter = signedInAdapter();
    adapter.globalSignOut.mockRejectedValueOnce(cognitoFailure('NetworkError', 'Network error'));
    const { user } = await renderAccount({ adapter });
    await user.click(signOutEverywhere());
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));

    await act(() => setLanguage('ja', { remember: false }));

    const japanese = i18n.getFixedT('ja')('errors.network');
    expect(japanese).not.toMatch(/Could not reach/);
    expect(formAlert()).toHaveTextContent(japanese);
  });
});
