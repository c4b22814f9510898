import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { AuthContextValue } from '../../auth/auth-context';
import type { AdapterChallenge } from '../../auth/adapter';
import { installFakeClock } from '../../test/fake-clock';
import {
  challengeResult,
  cognitoFailure,
  createFakeAuthAdapter,
  fakeChallengeHandle,
  newPasswordRequired,
  signedInResult,
  type FakeAuthAdapter,
} from '../../test/fake-auth-adapter';
import { currentLocation, renderScreen } from '../../test/render-screen';
import { MfaCodeRoute } from './mfa-code-route';

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const SMS: AdapterChallenge = { name: 'SMS_MFA', destination: '+*******4567' };
const EMAIL: AdapterChallenge = { name: 'EMAIL_OTP', destination: 'd***@e***' };
const TOTP: AdapterChallenge = { name: 'SOFTWARE_TOKEN_MFA' };

/** A pool that asks for `challenge` after the password and signs in with the right code. */
function mfaAdapter(challenge: AdapterChallenge = SMS): FakeAuthAdapter {
  return createFakeAuthAdapter({
    signIn: async () => challengeResult(challenge),
    answerMfaCode: async () => signedInResult(),
  });
}

const signIn = (auth: AuthContextValue) => auth.signIn('demo.user', 'Demo-Passw0rd!');

interface Options {
  adapter?: FakeAuthAdapter;
  arrange?: (auth: AuthContextValue) => Promise<unknown> | void;
  state?: unknown;
  clock?: ReturnType<typeof installFakeClock>;
}

function renderMfaCode({ adapter = mfaAdapter(), arrange = signIn, state, clock }: Options = {}) {
  return renderScreen(<MfaCodeRoute />, { path: paths.mfaCode, adapter, arrange, state, userOptions: clock });
}

const codeField = () => screen.getByLabelText('Verification code');
const verify = () => screen.getByRole('button', { name: 'Verify' });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('MfaCodeRoute guard', () => {
  it('sends a user without a pending code challenge to sign-in', async () => {
    await renderMfaCode({ arrange: () => undefined });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
  });

  it('sends a user whose challenge is another one to its screen', async () => {
    await renderMfaCode({ adapter: mfaAdapter({ name: 'SELECT_MFA_TYPE', methods: ['SMS_MFA', 'EMAIL_OTP'] }) });
    await waitFor(() => expect(currentLocation().path).toBe(paths.chooseMfa));
  });
});

describe('MfaCodeRoute: where the code is', () => {
  it('SMS_MFA: names the masked phone number, and how to get a new code', async () => {
    await renderMfaCode({ adapter: mfaAdapter(SMS) });
    expect(screen.getByRole('heading', { level: 1, name: 'Enter your verification code' })).toHaveFocus();
    expect(screen.getByText('We sent a code by text message to +*******4567. It can take a minute to arrive.')).toBeInTheDocument();
    expect(codeField()).toHaveAccessibleDescription('The 6 digits from the message.');
    expect(screen.getByText(/^Didn’t get it, or has it expired\? A code cannot be sent again here/)).toBeInTheDocument();
    // A quiet, link-style way out under the main action.
    expect(screen.getByRole('button', { name: 'Sign in again to get a new code' })).toHaveClass('link-button');
  });

  it('EMAIL_OTP: names the masked email address', async () => {
    await renderMfaCode({ adapter: mfaAdapter(EMAIL) });
    expect(
      screen.getByText('We sent a code by email to d***@e***. It can take a minute to arrive: check your spam folder too.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in again to get a new code' })).toBeInTheDocument();
  });

  it('SOFTWARE_TOKEN_MFA: points to the authenticator app, with no "new code" way out', async () => {
    await renderMfaCode({ adapter: mfaAdapter(TOTP) });
    expect(screen.getByText('Enter the 6-digit code from your authenticator app.')).toBeInTheDocument();
    expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('new code every 30 seconds'));
    expect(screen.queryByRole('button', { name: 'Sign in again to get a new code' })).not.toBeInTheDocument();
  });

  it('offers a one-time-code field with the numeric keypad, six digits long', async () => {
    await renderMfaCode();
    const field = codeField();
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(field).toHaveAttribute('pattern', '[0-9]*');
    expect(field).toHaveAttribute('maxlength', '6');
  });

  it('straight after a new password, says that password is saved already', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: async () => newPasswordRequired([]),
      completeNewPassword: async () => challengeResult(SMS),
    });
    await renderMfaCode({
      adapter,
      arrange: async (auth) => {
        await auth.signIn('new.user', 'Temp-Passw0rd1!');
        await auth.completeNewPassword('New-Passw0rd!', {});
      },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Your new password is saved. Finish this step to sign in.');
  });

  it('says nothing about a password in an ordinary sign-in', async () => {
    await renderMfaCode();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});

describe('MfaCodeRoute: answering', () => {
  it.each([SMS, EMAIL, TOTP])('$name: sends a pasted "123 456" as 123456 and goes to the account', async (challenge) => {
    const adapter = mfaAdapter(challenge);
    const { user, auth } = await renderMfaCode({ adapter });
    await user.click(codeField());
    await user.paste('123 456');
    // The spaces go on paste, so the six-character field takes every digit.
    expect(codeField()).toHaveValue('123456');
    await user.click(verify());
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    // An ordinary sign-in: the account has nothing to announce.
    expect(currentLocation().state).toBeNull();
    expect(adapter.answerMfaCode).toHaveBeenCalledExactlyOnceWith(fakeChallengeHandle('new.user', 'AYABe-next-session'), challenge.name, '123456');
    expect(auth().status).toBe('signedIn');
  });

  it('goes to where the user was going before sign-in', async () => {
    const { user } = await renderMfaCode({ state: { from: paths.changePassword } });
    await user.type(codeField(), '123456');
    await user.click(verify());
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('checks the code before sending it; the message names the field', async () => {
    const adapter = mfaAdapter();
    const { user } = await renderMfaCode({ adapter });
    await user.click(verify());
    await waitFor(() => expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('Enter the verification code.')));
    expect(codeField()).toHaveFocus();
    await user.type(codeField(), '12345');
    await user.click(verify());
    await waitFor(() =>
      expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('The verification code has 6 digits')),
    );
    expect(adapter.answerMfaCode).not.toHaveBeenCalled();
  });

  it('puts a wrong code on the field, keeps it and focuses it; the next try succeeds', async () => {
    const adapter = mfaAdapter();
    adapter.answerMfaCode.mockRejectedValueOnce(cognitoFailure('CodeMismatchException', 'Invalid code or auth state for the user.'));
    const { user } = await renderMfaCode({ adapter });
    await user.type(codeField(), '111 111');
    await user.click(verify());
    await waitFor(() => expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('That code is not correct.')));
    expect(codeField()).toHaveAttribute('aria-invalid', 'true');
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveValue('111111');
    await user.clear(codeField());
    await user.type(codeField(), '123456');
    await user.click(verify());
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
  });

  it('asks to wait for the next authenticator code when this one was used already', async () => {
    const adapter = mfaAdapter(TOTP);
    adapter.answerMfaCode.mockRejectedValueOnce(cognitoFailure('ExpiredCodeException', 'Your software token has already been used once.'));
    const { user } = await renderMfaCode({ adapter });
    await user.type(codeField(), '123456');
    await user.click(verify());
    await waitFor(() =>
      expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('Wait for your authenticator app to show a new code')),
    );
    expect(codeField()).toHaveValue('123456');
  });

  it("treats Cognito's session-expired answer like the countdown running out", async () => {
    const adapter = mfaAdapter();
    adapter.answerMfaCode.mockRejectedValue(cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.'));
    const { user, auth } = await renderMfaCode({ adapter });
    await user.type(codeField(), '123456');
    await user.click(verify());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'mfaChallengeExpired', username: 'demo.user' });
    expect(auth().status).toBe('signedOut');
  });
});

describe('MfaCodeRoute: time and ways out', () => {
  it('warns about the time left, then at zero returns to sign-in with the username and the notice', async () => {
    const clock = installFakeClock(NOW);
    const { auth } = await renderMfaCode({ clock });
    expect(screen.getByText('Enter the code before the time runs out, or you will need to sign in again.')).toBeInTheDocument();
    expect(screen.getByText('Time left:').parentElement?.querySelector('time')).toHaveTextContent('3:00');
    await act(async () => vi.advanceTimersByTimeAsync(120_000));
    expect(screen.getByText('Almost out of time:').parentElement?.querySelector('time')).toHaveTextContent('1:00');
    expect(document.querySelector('[aria-live="assertive"]')).toHaveTextContent(
      'Your time is almost up. Enter the code before the time runs out, or you will need to sign in again.',
    );
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(currentLocation().path).toBe(paths.signIn);
    expect(currentLocation().state).toEqual({ notice: 'mfaChallengeExpired', username: 'demo.user' });
    expect(auth().status).toBe('signedOut');
  });

  it('after a new password, the account says the password is set once the code signs in', async () => {
    const adapter = createFakeAuthAdapter({
      signIn: async () => newPasswordRequired([]),
      completeNewPassword: async () => challengeResult(SMS),
      answerMfaCode: async () => signedInResult(),
    });
    const { user } = await renderMfaCode({
      adapter,
      arrange: async (auth) => {
        await auth.signIn('new.user', 'Temp-Passw0rd1!');
        await auth.completeNewPassword('New-Passw0rd!', {});
      },
    });
    await user.type(codeField(), '123456');
    await user.click(verify());
    await waitFor(() => expect(currentLocation()).toEqual({ path: paths.account, state: { notice: 'passwordSet' } }));
  });

  it('after a new password, says to sign in with the new one when the code step runs out', async () => {
    const clock = installFakeClock(NOW);
    const adapter = createFakeAuthAdapter({
      signIn: async () => newPasswordRequired([]),
      completeNewPassword: async () => challengeResult(SMS),
    });
    await renderMfaCode({
      adapter,
      clock,
      arrange: async (auth) => {
        await auth.signIn('new.user', 'Temp-Passw0rd1!');
        await auth.completeNewPassword('New-Passw0rd!', {});
      },
    });
    await act(async () => vi.advanceTimersByTimeAsync(180_000));
    expect(currentLocation().state).toEqual({ notice: 'mfaChallengeExpiredAfterNewPassword', username: 'new.user' });
  });

  it('"Sign in again to get a new code" gives up the challenge and keeps the username', async () => {
    const { user, auth } = await renderMfaCode();
    await user.click(screen.getByRole('button', { name: 'Sign in again to get a new code' }));
    expect(currentLocation().path).toBe(paths.signIn);
    expect(currentLocation().state).toEqual({ username: 'demo.user' });
    expect(auth().status).toBe('signedOut');
  });

  it('lets the user cancel and go back to sign-in', async () => {
    const { user, auth } = await renderMfaCode({ adapter: mfaAdapter(TOTP) });
    await user.click(screen.getByRole('button', { name: 'Cancel and go back to sign in' }));
    expect(currentLocation()).toEqual({ path: paths.signIn, state: { username: 'demo.user' } });
    expect(auth().status).toBe('signedOut');
  });
});
