import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import { createFakeAuth } from '../fake-auth';
import { currentLocation, formAlert, renderScreen } from '../test-utils';
import { SignInRoute } from './sign-in-route';

vi.mock('../../auth/auth-context', () => import('../fake-auth'));

function renderSignIn(options: Partial<Parameters<typeof renderScreen>[1]> = {}) {
  return renderScreen(<SignInRoute />, { path: paths.signIn, ...options });
}

async function fillAndSubmit(user: ReturnType<typeof renderSignIn>['user'], username: string, password: string) {
  if (username) await user.type(screen.getByLabelText('Username'), username);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInRoute', () => {
  it('names the screen and labels both fields', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', paths.forgotPassword);
  });

  it('signs in and goes to the account', async () => {
    const { user, auth } = renderSignIn();
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(auth.actions.signIn).toHaveBeenCalledExactlyOnceWith('demo.user', 'Demo-Passw0rd!');
  });

  it('goes back to where a guard interrupted the user', async () => {
    const { user } = renderSignIn({ state: { from: paths.changePassword } });
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('goes to the new-password screen on NEW_PASSWORD_REQUIRED, passing on where the user was going', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({ kind: 'newPasswordRequired' });
    const { user } = renderSignIn({ auth, state: { from: paths.changePassword } });
    await fillAndSubmit(user, 'new.user', 'Temp-Passw0rd1!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.newPassword));
    expect(currentLocation().state).toEqual({ from: paths.changePassword });
  });

  it('goes to the reset screen when an administrator reset the password', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({ kind: 'passwordResetRequired', delivery: null });
    const { user } = renderSignIn({ auth });
    await fillAndSubmit(user, 'reset.user', 'Old-Passw0rd1!');
    await waitFor(() => expect(currentLocation().path).toBe(paths.resetPassword));
  });

  it('shows wrong credentials in the alert, clears the password, keeps the username and focuses the password', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.wrongCredentials', field: 'password' },
    });
    const { user } = renderSignIn({ auth });
    await fillAndSubmit(user, 'demo.user', 'wrong');
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
    expect(formAlert()).toHaveTextContent('Incorrect username or password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    expect(currentLocation().path).toBe(paths.signIn);
  });

  it('puts an error that belongs to a field on that field, linked with aria-describedby', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({
      kind: 'failed',
      error: { kind: 'field', field: 'username', messageKey: 'errors.userNotConfirmed' },
    });
    const { user } = renderSignIn({ auth });
    await fillAndSubmit(user, 'someone', 'Demo-Passw0rd!');
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAccessibleDescription('This account has not been confirmed yet. Contact your administrator.'));
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveFocus();
    expect(formAlert()).toBeEmptyDOMElement();
  });

  it('interpolates values into the message (an unsupported challenge)', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({
      kind: 'failed',
      error: { kind: 'form', messageKey: 'errors.unsupportedChallenge', values: { challenge: 'SOFTWARE_TOKEN_MFA' } },
    });
    const { user } = renderSignIn({ auth });
    await fillAndSubmit(user, 'mfa.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(formAlert()).toHaveTextContent('(SOFTWARE_TOKEN_MFA)'));
  });

  it('checks both fields before calling the pool, and focuses the first invalid one', async () => {
    const { user, auth } = renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const username = await screen.findByRole('textbox', { name: 'Username' });
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAccessibleDescription('Enter your username.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(auth.actions.signIn).not.toHaveBeenCalled();
  });

  it('shows the pending state before signing in and sends one request for a double click', async () => {
    const auth = createFakeAuth();
    let finish: (value: { kind: 'signedIn' }) => void = () => {};
    auth.actions.signIn.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const { user } = renderSignIn({ auth });
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.type(screen.getByLabelText('Password'), 'Demo-Passw0rd!');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));
    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect(pending).toBeDisabled();
    await waitFor(() => expect(auth.actions.signIn).toHaveBeenCalledTimes(1));
    finish({ kind: 'signedIn' });
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(auth.actions.signIn).toHaveBeenCalledTimes(1);
  });

  it('paints the pending state and lets a frame pass before the sign-in work starts', async () => {
    const auth = createFakeAuth();
    const order: string[] = [];
    const requestFrame = window.requestAnimationFrame.bind(window);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) =>
      requestFrame((time) => {
        order.push('frame');
        callback(time);
      }),
    );
    let buttonTextWhenCalled = '';
    auth.actions.signIn.mockImplementationOnce(async () => {
      order.push('signIn');
      buttonTextWhenCalled = screen.getByRole('button', { name: /sign/i }).textContent ?? '';
      return { kind: 'signedIn' };
    });
    const { user } = renderSignIn({ auth });
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(auth.actions.signIn).toHaveBeenCalled());
    expect(order.slice(0, 2)).toEqual(['frame', 'signIn']);
    expect(buttonTextWhenCalled).toBe('Signing in…');
  });

  it('shows a notice and prefilled username from the location state, and drops the notice from the history entry', async () => {
    renderSignIn({ state: { notice: 'passwordResetDone', username: 'demo.user', from: paths.account } });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset. Sign in with your new password.');
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    await waitFor(() => expect(currentLocation().state).toEqual({ username: 'demo.user', from: paths.account }));
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset.');
  });

  it('hides the notice once the user submits', async () => {
    const auth = createFakeAuth();
    auth.actions.signIn.mockResolvedValueOnce({ kind: 'failed', error: { kind: 'form', messageKey: 'errors.network' } });
    const { user } = renderSignIn({ auth, state: { notice: 'signedOutEverywhere' } });
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out on all your devices.');
    await fillAndSubmit(user, 'demo.user', 'Demo-Passw0rd!');
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('shows the expired-challenge notice with the username when the context says a challenge ran out, then clears it', async () => {
    const auth = createFakeAuth({ expiredChallengeUsername: 'new.user' });
    renderSignIn({ auth });
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
    await waitFor(() => expect(auth.actions.clearExpiredChallenge).toHaveBeenCalledTimes(1));
    // The context forgot it; the screen still shows what the user needs.
    expect(auth.state.expiredChallengeUsername).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
  });

  it('toggles the password between hidden and shown with a pressed button', async () => {
    const { user } = renderSignIn();
    const toggle = screen.getByRole('button', { name: 'Show Password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
  });

  it('carries the typed username to the forgot-password screen', async () => {
    const { user } = renderSignIn();
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.click(screen.getByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.forgotPassword));
    expect(currentLocation().state).toEqual({ username: 'demo.user' });
  });
});
