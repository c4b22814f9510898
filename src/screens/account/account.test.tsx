import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import { createFakeAuth } from '../fake-auth';
import { currentLocation, formAlert, renderScreen } from '../test-utils';
import { AccountRoute } from './account-route';

vi.mock('../../auth/auth-context', () => import('../fake-auth'));

const demoUser = { username: 'demo.user', attributes: { email: 'demo.user@example.com', name: 'Demo User' } };

function renderAccount(options: { state?: unknown; auth?: ReturnType<typeof createFakeAuth> } = {}) {
  const auth = options.auth ?? createFakeAuth({ status: 'signedIn', user: demoUser });
  return renderScreen(<AccountRoute />, { path: paths.account, auth, state: options.state });
}

function signedInAuth() {
  return createFakeAuth({ status: 'signedIn', user: demoUser });
}

describe('AccountRoute', () => {
  it('shows who is signed in and links to change password', () => {
    renderAccount();
    expect(screen.getByRole('heading', { level: 1, name: 'Your account' })).toHaveFocus();
    expect(screen.getByText('demo.user')).toBeInTheDocument();
    expect(screen.getByText('demo.user@example.com')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Change password' })).toHaveAttribute('href', paths.changePassword);
  });

  it('says so when the account has no email address', () => {
    renderAccount({ auth: createFakeAuth({ status: 'signedIn', user: { username: 'phone.user', attributes: {} } }) });
    expect(screen.getByText('Not set')).toBeInTheDocument();
  });

  it('shows the password-changed notice on arrival, once', async () => {
    renderAccount({ state: { notice: 'passwordChanged' } });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
    // Gone from the history entry, so a reload does not announce it again; still on screen now.
    await waitFor(() => expect(currentLocation().state).toEqual({}));
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
  });

  it('signs out and says so on sign-in', async () => {
    const { user, auth } = renderAccount();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'signedOut' });
    expect(auth.actions.signOut).toHaveBeenCalledTimes(1);
  });

  it('signs out everywhere and says why on sign-in', async () => {
    const { user, auth } = renderAccount();
    const button = screen.getByRole('button', { name: 'Sign out everywhere' });
    expect(button).toHaveAccessibleDescription('Signs you out on every device and browser, including this one.');
    await user.click(button);
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'signedOutEverywhere' });
    expect(auth.actions.signOutEverywhere).toHaveBeenCalledTimes(1);
  });

  it('disables both buttons while signing out everywhere and sends one request for a double click', async () => {
    const auth = signedInAuth();
    let finish: () => void = () => {};
    auth.actions.signOutEverywhere.mockImplementationOnce(
      () => new Promise((resolve) => (finish = () => resolve({ ok: false, error: { kind: 'form', messageKey: 'errors.network' } }))),
    );
    const { user } = renderAccount({ auth });
    await user.dblClick(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('button', { name: 'Signing out everywhere…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDisabled();
    finish();
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));
    expect(auth.actions.signOutEverywhere).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeEnabled();
    expect(currentLocation().path).toBe(paths.account);
  });

  it('goes to sign-in saying the session ended when the session was already over', async () => {
    const auth = signedInAuth();
    auth.actions.signOutEverywhere.mockImplementationOnce(async () => {
      auth.set({ status: 'signedOut', user: null });
      return { ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.sessionEnded' } };
    });
    const { user } = renderAccount({ auth });
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded' });
  });
});
