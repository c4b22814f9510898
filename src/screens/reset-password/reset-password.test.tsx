import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { PendingResetView } from '../../auth/auth-types';
import { createFakeAuth, sentByEmail } from '../fake-auth';
import { currentLocation, formAlert, installFakeClock, renderScreen } from '../test-utils';
import { ResetPasswordRoute } from './reset-password-route';

vi.mock('../../auth/auth-context', () => import('../fake-auth'));

const STRONG = 'New-Passw0rd!';
const pendingReset: PendingResetView = { username: 'demo.user', reason: 'forgotten', delivery: sentByEmail };

function renderReset(
  options: { reset?: PendingResetView | null; url?: string; clock?: ReturnType<typeof installFakeClock> } = {},
) {
  const reset = options.reset === undefined ? pendingReset : options.reset;
  const auth = createFakeAuth({ status: reset ? 'resetPending' : 'signedOut', reset });
  return renderScreen(<ResetPasswordRoute />, { path: paths.resetPassword, url: options.url, auth, userOptions: options.clock });
}

async function fillForm(user: ReturnType<typeof renderReset>['user'], code = '123456', password = STRONG) {
  if (code) await user.type(screen.getByLabelText('Code'), code);
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), password);
}

const submitButton = () => screen.getByRole('button', { name: 'Reset password' });
const resendButton = () => screen.getByRole('button', { name: 'Send a new code' });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ResetPasswordRoute guard and arrival', () => {
  it('sends a user with no pending reset and no link to forgot-password', async () => {
    renderReset({ reset: null });
    await waitFor(() => expect(currentLocation().path).toBe(paths.forgotPassword));
  });

  it('says where the code went, masked as Cognito returned it', () => {
    renderReset();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose a new password' })).toHaveFocus();
    expect(screen.getByText('Username: demo.user')).toBeInTheDocument();
    expect(screen.getByText('We sent a code by email to d***@e***.')).toBeInTheDocument();
  });

  it('names text messages as such', () => {
    renderReset({ reset: { ...pendingReset, delivery: { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' } } });
    expect(screen.getByText('We sent a code by text message to +*******0123.')).toBeInTheDocument();
  });

  it('explains an administrator reset', () => {
    renderReset({ reset: { username: 'reset.user', reason: 'adminReset', delivery: null } });
    expect(screen.getByText(/An administrator reset your password\. A code was sent to your verified email address or phone number/)).toBeInTheDocument();
    expect(resendButton()).toBeEnabled();
  });

  it('fills the form from a link, starts the reset and takes the code out of the address', async () => {
    const { auth } = renderReset({ reset: null, url: `${paths.resetPassword}?username=link.user&code=654321` });
    expect(screen.getByLabelText('Code')).toHaveValue('654321');
    expect(screen.getByText('Username: link.user')).toBeInTheDocument();
    expect(screen.getByText('Enter the code from the message we sent you.')).toBeInTheDocument();
    await waitFor(() => expect(currentLocation().path).toBe(`${paths.resetPassword}?username=link.user`));
    expect(auth.actions.startResetFromLink).toHaveBeenCalledExactlyOnceWith('link.user');
    expect(screen.getByLabelText('Code')).toHaveValue('654321');
  });

  it('keeps the pending reset when the link is for the same user', async () => {
    const { auth } = renderReset({ url: `${paths.resetPassword}?username=demo.user&code=654321` });
    await waitFor(() => expect(currentLocation().path).toBe(`${paths.resetPassword}?username=demo.user`));
    expect(auth.actions.startResetFromLink).not.toHaveBeenCalled();
    expect(screen.getByText('We sent a code by email to d***@e***.')).toBeInTheDocument();
  });
});

describe('ResetPasswordRoute form', () => {
  it('has a one-time-code field for digits and new-password fields with the checklist', () => {
    renderReset();
    const code = screen.getByLabelText('Code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('list', { name: 'Your password must have:' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show New password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Confirm new password' })).toBeInTheDocument();
  });

  it('resets the password and goes to sign-in with the notice and the username', async () => {
    const { user, auth } = renderReset();
    await fillForm(user, ' 123 456 ');
    await user.click(submitButton());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'passwordResetDone', username: 'demo.user' });
    expect(auth.actions.confirmPasswordReset).toHaveBeenCalledExactlyOnceWith('123456', STRONG);
  });

  it('checks the code and the confirmation before sending', async () => {
    const { user, auth } = renderReset();
    await user.type(screen.getByLabelText('Code'), '12ab');
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), `${STRONG}x`);
    await user.click(submitButton());
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAccessibleDescription('A code has 6 digits: check what you entered. The 6 digits from the message.');
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(auth.actions.confirmPasswordReset).not.toHaveBeenCalled();
  });

  it('puts a wrong code on the code field, clears the passwords and keeps the code', async () => {
    const auth = createFakeAuth({ status: 'resetPending', reset: pendingReset });
    auth.actions.confirmPasswordReset.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'field', field: 'code', messageKey: 'errors.codeMismatch' },
    });
    const { user } = renderScreen(<ResetPasswordRoute />, { path: paths.resetPassword, auth });
    await fillForm(user);
    await user.click(submitButton());
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('That code is not correct.')));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveFocus();
    expect(code).toHaveValue('123456');
    expect(screen.getByLabelText('New password')).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
  });

  it('puts a weak password on the new-password field', async () => {
    const auth = createFakeAuth({ status: 'resetPending', reset: pendingReset });
    auth.actions.confirmPasswordReset.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.symbol' },
    });
    const { user } = renderScreen(<ResetPasswordRoute />, { path: paths.resetPassword, auth });
    await fillForm(user);
    await user.click(submitButton());
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('The password needs a symbol')));
    expect(newPassword).toHaveFocus();
  });

  it('explains an expired code in the alert, next to the way to get a new one', async () => {
    const auth = createFakeAuth({ status: 'resetPending', reset: pendingReset });
    auth.actions.confirmPasswordReset.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.codeExpired', offerResend: true },
    });
    const { user } = renderScreen(<ResetPasswordRoute />, { path: paths.resetPassword, auth });
    await fillForm(user);
    await user.click(submitButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('That code has expired. Request a new one.'));
    await user.click(resendButton());
    expect(await screen.findByText('A new code was sent by email to d***@e***.')).toBeInTheDocument();
    expect(formAlert()).toBeEmptyDOMElement();
  });
});

describe('ResetPasswordRoute resend', () => {
  it('confirms where the new code went and waits 60 seconds before allowing another', async () => {
    const clock = installFakeClock(new Date('2030-01-01T10:00:00Z').getTime());
    const { user, auth } = renderReset({ clock, reset: { username: 'reset.user', reason: 'adminReset', delivery: null } });
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('A new code was sent by email to d***@e***.'));
    expect(auth.actions.resendResetCode).toHaveBeenCalledTimes(1);
    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(screen.getByText('You can ask for another code in 1 second.')).toBeInTheDocument();
    expect(resendButton()).toBeDisabled();
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(resendButton()).toBeEnabled();
    expect(screen.queryByText(/You can ask for another code/)).not.toBeInTheDocument();
    await user.click(resendButton());
    await waitFor(() => expect(auth.actions.resendResetCode).toHaveBeenCalledTimes(2));
  });

  it('sends one request for a double click', async () => {
    const { user, auth } = renderReset();
    await user.dblClick(resendButton());
    await screen.findByText('A new code was sent by email to d***@e***.');
    expect(auth.actions.resendResetCode).toHaveBeenCalledTimes(1);
  });

  it('shows a refused resend in the alert and does not start the cooldown', async () => {
    const auth = createFakeAuth({ status: 'resetPending', reset: pendingReset });
    auth.actions.resendResetCode.mockResolvedValueOnce({ ok: false, error: { kind: 'form', messageKey: 'errors.limitExceeded' } });
    const { user } = renderScreen(<ResetPasswordRoute />, { path: paths.resetPassword, auth });
    await user.click(resendButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expect(resendButton()).toBeEnabled();
  });
});
