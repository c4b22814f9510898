import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { CodeDelivery } from '../../auth/auth-types';
import { installFakeClock } from '../../test/fake-clock';
import { cognitoFailure, createFakeAuthAdapter, sentByEmail, type FakeAuthAdapter } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { ResetPasswordRoute } from './reset-password-route';

const STRONG = 'New-Passw0rd!';
const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const sentBySms: CodeDelivery = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' };

interface RenderResetOptions {
  /**
   * How the user got here: `forgotten` from the forgot-password screen (a code just went to `delivery`),
   * `adminReset` from sign-in after an administrator reset the password, `none` with no reset pending.
   */
  arrival?: 'forgotten' | 'adminReset' | 'none';
  delivery?: CodeDelivery;
  url?: string;
  adapter?: FakeAuthAdapter;
  clock?: ReturnType<typeof installFakeClock>;
}

async function renderReset({ arrival = 'forgotten', delivery = sentByEmail, url, adapter: given, clock }: RenderResetOptions = {}) {
  const adapter =
    given ??
    createFakeAuthAdapter({
      signIn: async () => ({ kind: 'passwordResetRequired' }),
      forgotPassword: async () => delivery,
      confirmForgotPassword: async () => undefined,
    });
  const rendered = await renderScreen(<ResetPasswordRoute />, {
    path: paths.resetPassword,
    url,
    adapter,
    userOptions: clock,
    arrange: (auth) => {
      if (arrival === 'forgotten') return auth.requestPasswordReset('demo.user');
      if (arrival === 'adminReset') return auth.signIn('reset.user', 'Old-Passw0rd1!');
    },
  });
  // From here on, count only the requests this screen makes.
  adapter.forgotPassword.mockClear();
  return rendered;
}

async function fillForm(user: Awaited<ReturnType<typeof renderReset>>['user'], code = '123456', password = STRONG) {
  if (code) await user.type(screen.getByLabelText('Code'), code);
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), password);
}

function adapterRejectingConfirmation(code: string, message: string) {
  return createFakeAuthAdapter({
    forgotPassword: async () => sentByEmail,
    confirmForgotPassword: () => Promise.reject(cognitoFailure(code, message)),
  });
}

const submitButton = () => screen.getByRole('button', { name: 'Reset password' });
const resendButton = () => screen.getByRole('button', { name: 'Send a new code' });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ResetPasswordRoute guard and arrival', () => {
  it('sends a user with no pending reset and no link to forgot-password', async () => {
    await renderReset({ arrival: 'none' });
    await waitFor(() => expect(currentLocation().path).toBe(paths.forgotPassword));
  });

  it('says where the code went, masked as Cognito returned it', async () => {
    await renderReset();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose a new password' })).toHaveFocus();
    expect(screen.getByText('Username: demo.user')).toBeInTheDocument();
    expect(screen.getByText('We sent a code by email to d***@e***.')).toBeInTheDocument();
  });

  it('names text messages as such', async () => {
    await renderReset({ delivery: sentBySms });
    expect(screen.getByText('We sent a code by text message to +*******0123.')).toBeInTheDocument();
  });

  it('explains an administrator reset, and lets the user ask for a code at once', async () => {
    await renderReset({ arrival: 'adminReset' });
    expect(screen.getByText(/An administrator reset your password\. A code was sent to your verified email address or phone number/)).toBeInTheDocument();
    expect(resendButton()).toBeEnabled();
    expect(screen.queryByText(/You can ask for another code/)).not.toBeInTheDocument();
  });

  it('fills the form from a link, starts the reset and takes the code out of the address', async () => {
    const { auth } = await renderReset({ arrival: 'none', url: `${paths.resetPassword}?username=link.user&code=654321` });
    expect(screen.getByLabelText('Code')).toHaveValue('654321');
    expect(screen.getByText('Username: link.user')).toBeInTheDocument();
    expect(screen.getByText('Enter the code from the message we sent you.')).toBeInTheDocument();
    await waitFor(() => expect(currentLocation().path).toBe(`${paths.resetPassword}?username=link.user`));
    expect(auth().state).toEqual({ status: 'resetPending', reset: { username: 'link.user', reason: 'forgotten', delivery: null } });
    expect(screen.getByLabelText('Code')).toHaveValue('654321');
    // The code came from elsewhere, at a time this page does not know: asking again is allowed.
    expect(resendButton()).toBeEnabled();
  });

  it('keeps the pending reset when the link is for the same user', async () => {
    const { auth } = await renderReset({ url: `${paths.resetPassword}?username=demo.user&code=654321` });
    await waitFor(() => expect(currentLocation().path).toBe(`${paths.resetPassword}?username=demo.user`));
    expect(auth().state).toEqual({ status: 'resetPending', reset: { username: 'demo.user', reason: 'forgotten', delivery: sentByEmail } });
    expect(screen.getByText('We sent a code by email to d***@e***.')).toBeInTheDocument();
  });
});

describe('ResetPasswordRoute form', () => {
  it('has a one-time-code field for digits and new-password fields with the checklist', async () => {
    await renderReset();
    const code = screen.getByLabelText('Code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('list', { name: 'Your password must have:' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show New password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Confirm new password' })).toBeInTheDocument();
  });

  it('resets the password and goes to sign-in with the notice and the username', async () => {
    const { user, adapter, auth } = await renderReset();
    await fillForm(user, ' 123 456 ');
    await user.click(submitButton());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'passwordResetDone', username: 'demo.user' });
    expect(adapter.confirmForgotPassword).toHaveBeenCalledExactlyOnceWith('demo.user', '123456', STRONG);
    expect(auth().status).toBe('signedOut');
  });

  it('checks the code and the confirmation before sending', async () => {
    const { user, adapter } = await renderReset();
    await user.type(screen.getByLabelText('Code'), '12ab');
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), `${STRONG}x`);
    await user.click(submitButton());
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAccessibleDescription('A code has 6 digits: check what you entered. The 6 digits from the message.');
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(adapter.confirmForgotPassword).not.toHaveBeenCalled();
  });

  it('puts a wrong code on the code field, clears the passwords and keeps the code', async () => {
    const adapter = adapterRejectingConfirmation('CodeMismatchException', 'Invalid verification code provided, please try again.');
    const { user } = await renderReset({ adapter });
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

  it('keeps the code and both passwords after a dropped connection', async () => {
    const adapter = adapterRejectingConfirmation('NetworkError', 'Network error');
    const { user } = await renderReset({ adapter });
    await fillForm(user);
    await user.click(submitButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent(/connection/i));
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
    expect(screen.getByLabelText('New password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(STRONG);
  });

  it('puts a weak password on the new-password field', async () => {
    const adapter = adapterRejectingConfirmation(
      'InvalidPasswordException',
      'Password does not conform to policy: Password must have symbol characters',
    );
    const { user } = await renderReset({ adapter });
    await fillForm(user);
    await user.click(submitButton());
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('The password needs a symbol')));
    expect(newPassword).toHaveFocus();
  });

  it('explains an expired code in the alert; a new code clears it', async () => {
    const clock = installFakeClock(NOW);
    const adapter = adapterRejectingConfirmation('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    const { user } = await renderReset({ adapter, clock });
    await act(async () => vi.advanceTimersByTimeAsync(3600_000)); // the code has had its hour
    await fillForm(user);
    await user.click(submitButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('That code has expired. Request a new one.'));
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('A new code was sent by email to d***@e***.'));
    expect(formAlert()).toBeEmptyDOMElement();
  });
});

describe('ResetPasswordRoute resend', () => {
  it('holds the resend back for 60 seconds after the code this app just had sent', async () => {
    const clock = installFakeClock(NOW);
    const { user, adapter } = await renderReset({ clock });
    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 1 second.');
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(resendButton()).toBeEnabled();
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('A new code was sent by email to d***@e***.'));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('demo.user');
    expect(resendButton()).toBeDisabled();
  });

  it('confirms where the new code went and waits 60 seconds before allowing another', async () => {
    const clock = installFakeClock(NOW);
    const { user, adapter } = await renderReset({ clock, arrival: 'adminReset' });
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('A new code was sent by email to d***@e***.'));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('reset.user');
    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(screen.getByText('You can ask for another code in 1 second.')).toBeInTheDocument();
    expect(resendButton()).toBeDisabled();
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(resendButton()).toBeEnabled();
    expect(screen.queryByText(/You can ask for another code/)).not.toBeInTheDocument();
    await user.click(resendButton());
    await waitFor(() => expect(adapter.forgotPassword).toHaveBeenCalledTimes(2));
  });

  it('sends one request for a double click', async () => {
    const { user, adapter } = await renderReset({ arrival: 'adminReset' });
    await user.dblClick(resendButton());
    await screen.findByText('A new code was sent by email to d***@e***.');
    expect(adapter.forgotPassword).toHaveBeenCalledTimes(1);
  });

  it('shows a refused resend in the alert and does not start the cooldown', async () => {
    const { user, adapter } = await renderReset({ arrival: 'adminReset' });
    adapter.forgotPassword.mockRejectedValueOnce(cognitoFailure('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
    await user.click(resendButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expect(resendButton()).toBeEnabled();
  });
});
