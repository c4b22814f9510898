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
/** The resend waits (aria-disabled: a disabled button would drop the focus of the user who pressed it). */
const expectResendWaiting = () => expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
const expectResendReady = () => expect(resendButton()).not.toHaveAttribute('aria-disabled');

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
    expect(screen.getByRole('status')).toHaveTextContent(
      'We sent a code by email to d***@e***. It can take a minute to arrive: check your spam folder too.',
    );
  });

  it('names text messages as such', async () => {
    await renderReset({ delivery: sentBySms });
    expect(screen.getByRole('status')).toHaveTextContent('We sent a code by text message to +*******0123. It can take a minute to arrive.');
  });

  it('explains an administrator reset, and lets the user ask for a code at once', async () => {
    await renderReset({ arrival: 'adminReset' });
    expect(screen.getByText(/An administrator reset your password\. A code was sent to your verified email address or phone number/)).toBeInTheDocument();
    expectResendReady();
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
    expectResendReady();
  });

  it('keeps the pending reset when the link is for the same user', async () => {
    const { auth } = await renderReset({ url: `${paths.resetPassword}?username=demo.user&code=654321` });
    await waitFor(() => expect(currentLocation().path).toBe(`${paths.resetPassword}?username=demo.user`));
    expect(auth().state).toEqual({ status: 'resetPending', reset: { username: 'demo.user', reason: 'forgotten', delivery: sentByEmail } });
    expect(screen.getByRole('status')).toHaveTextContent(/^We sent a code by email to d\*\*\*@e\*\*\*\./);
  });
});

describe('ResetPasswordRoute form', () => {
  it('has a one-time-code field for digits and new-password fields with the checklist', async () => {
    await renderReset();
    const code = screen.getByLabelText('Code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('pattern', '[0-9]*');
    expect(code).toHaveAttribute('maxlength', '6');
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

  it('gives the account to password managers: a hidden username field before the new passwords', async () => {
    const { container } = await renderReset();
    // Hidden from people and assistive technology alike, so only a DOM query finds it.
    const username = container.querySelector('form input[autocomplete="username"]');
    expect(username).toHaveValue('demo.user');
    expect(username).toHaveAttribute('readonly');
    expect(username).toHaveAttribute('tabindex', '-1');
    expect(username).toHaveAttribute('aria-hidden', 'true');
    expect(username).toHaveClass('visually-hidden');
    const fields = [...(username?.closest('form')?.querySelectorAll('input') ?? [])];
    expect(fields.map((field) => field.getAttribute('autocomplete'))).toEqual(['username', 'one-time-code', 'new-password', 'new-password']);
  });

  it('puts a wrong code on the code field and keeps everything typed: the code to correct, both passwords', async () => {
    const adapter = adapterRejectingConfirmation('CodeMismatchException', 'Invalid verification code provided, please try again.');
    const { user } = await renderReset({ adapter });
    await fillForm(user);
    await user.click(submitButton());
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('That code is not correct.')));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveFocus();
    expect(code).toHaveValue('123456');
    expect(screen.getByLabelText('New password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(STRONG);
    // Corrected in place, the same passwords go out with the right code.
    await user.clear(code);
    await user.type(code, '654321');
    adapter.confirmForgotPassword.mockResolvedValueOnce(undefined);
    await user.click(submitButton());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(adapter.confirmForgotPassword).toHaveBeenLastCalledWith('demo.user', '654321', STRONG);
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
    // The refused password (and its confirmation) is typed afresh; the code was not the problem.
    expect(newPassword).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
  });

  it('explains an expired code in the alert; a new code clears it', async () => {
    const clock = installFakeClock(NOW);
    const adapter = adapterRejectingConfirmation('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    const { user } = await renderReset({ adapter, clock });
    await act(async () => vi.advanceTimersByTimeAsync(3600_000)); // the code has had its hour
    await fillForm(user);
    await user.click(submitButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('That code has expired. Request a new one.'));
    expect(screen.getByLabelText('New password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(STRONG);
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^We sent a new code by email to d\*\*\*@e\*\*\*\./));
    expect(formAlert()).toBeEmptyDOMElement();
  });
});

describe('ResetPasswordRoute resend', () => {
  it('holds the resend back for 60 seconds after the code this app just had sent, showing the wait', async () => {
    const clock = installFakeClock(NOW);
    const { user, adapter } = await renderReset({ clock });
    expect(screen.getByText('Didn’t get it?')).toContainElement(resendButton());
    expectResendWaiting();
    // The ticking time is for the eye; a screen reader hears the wait in words instead of a changing name.
    expect(resendButton()).toHaveTextContent('Send a new code(1:00)');
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await user.click(resendButton());
    expect(adapter.forgotPassword).not.toHaveBeenCalled();
    expect(resendButton()).toHaveFocus();
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(resendButton()).toHaveTextContent('Send a new code(0:01)');
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 1 second.');
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expectResendReady();
    expect(resendButton()).toHaveTextContent(/^Send a new code$/);
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^We sent a new code by email to d\*\*\*@e\*\*\*\./));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('demo.user');
    expectResendWaiting();
    expect(resendButton()).toHaveFocus();
  });

  it('replaces the line that says where the code went, in place, and says only the newest code works', async () => {
    const clock = installFakeClock(NOW);
    const { user } = await renderReset({ clock, arrival: 'adminReset' });
    await user.click(resendButton());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'We sent a new code by email to d***@e***. Only the newest code works. It can take a minute to arrive: check your spam folder too.',
      ),
    );
    // One line: the administrator's explanation gave way to it, nothing says "we sent a code" beside it.
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.queryByText(/An administrator reset your password/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^We sent a code/)).not.toBeInTheDocument();
  });

  it('confirms where the new code went and waits 60 seconds before allowing another', async () => {
    const clock = installFakeClock(NOW);
    const { user, adapter } = await renderReset({ clock, arrival: 'adminReset' });
    await user.click(resendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^We sent a new code by email to d\*\*\*@e\*\*\*\./));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('reset.user');
    expectResendWaiting();
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 1 second.');
    expectResendWaiting();
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expectResendReady();
    expect(screen.queryByText(/You can ask for another code/)).not.toBeInTheDocument();
    await user.click(resendButton());
    await waitFor(() => expect(adapter.forgotPassword).toHaveBeenCalledTimes(2));
  });

  it('sends one request for a double click', async () => {
    const { user, adapter } = await renderReset({ arrival: 'adminReset' });
    await user.dblClick(resendButton());
    await screen.findByText(/^We sent a new code by email to d\*\*\*@e\*\*\*\./);
    expect(adapter.forgotPassword).toHaveBeenCalledTimes(1);
  });

  it('shows a refused resend in the alert and does not start the cooldown', async () => {
    const { user, adapter } = await renderReset({ arrival: 'adminReset' });
    adapter.forgotPassword.mockRejectedValueOnce(cognitoFailure('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
    await user.click(resendButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expectResendReady();
  });
});
