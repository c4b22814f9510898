import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { AuthContextValue } from '../../auth/auth-context';
import { installFakeClock } from '../../test/fake-clock';
import {
  challengeResult,
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  fakeChallengeHandle,
  newPasswordRequired,
  signedInResult,
  type FakeAuthAdapter,
} from '../../test/fake-auth-adapter';
import { currentLocation, renderScreen } from '../../test/render-screen';
import { makeTestConfig } from '../../test/test-config';
import { SetUpAuthenticatorRoute } from './set-up-authenticator-route';

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ASSOCIATED = fakeChallengeHandle('new.user', 'AYABe-associated');

/** A pool that requires an authenticator at sign-in, hands out SECRET and accepts the first code. */
function setUpAdapter(): FakeAuthAdapter {
  return createFakeAuthAdapter({
    signIn: async () => challengeResult({ name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] }),
    associateAuthenticator: async () => ({ secret: SECRET, handle: ASSOCIATED }),
    verifyAuthenticator: async () => signedInResult(),
  });
}

const signIn = (auth: AuthContextValue) => auth.signIn('demo.user', 'Demo-Passw0rd!');

interface Options {
  adapter?: FakeAuthAdapter;
  arrange?: (auth: AuthContextValue) => Promise<unknown> | void;
  state?: unknown;
  clock?: ReturnType<typeof installFakeClock>;
  challengeStore?: ReturnType<typeof createMemoryChallengeStore>;
}

async function renderSetUp({ adapter = setUpAdapter(), arrange = signIn, ...options }: Options = {}) {
  // The screen asks for the key as it mounts. Held back until the screen is up, the pool's answer then
  // lands inside act() (as a user's click would), not while the test is still setting up.
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const gated: FakeAuthAdapter = {
    ...adapter,
    associateAuthenticator: vi.fn(async (handle) => {
      await gate;
      return adapter.associateAuthenticator(handle);
    }),
  };
  const rendered = await renderScreen(<SetUpAuthenticatorRoute />, {
    path: paths.setUpAuthenticator,
    adapter: gated,
    arrange,
    state: options.state,
    challengeStore: options.challengeStore,
    config: makeTestConfig({ productName: 'Example Corp' }),
    userOptions: options.clock,
  });
  await act(async () => {
    openGate();
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
  });
  return rendered;
}

const qrCode = () => screen.findByRole('img', { name: /^QR code that adds your Example Corp account \(demo\.user\)/ });
const codeField = () => screen.getByLabelText('Verification code');
const submit = () => screen.getByRole('button', { name: 'Verify and sign in' });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SetUpAuthenticatorRoute: the key', () => {
  it('sends a user without a pending set-up to sign-in', async () => {
    await renderSetUp({ arrange: () => undefined });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
  });

  it('asks for the key once on arrival, saying so, with the code form locked until it is there', async () => {
    const adapter = setUpAdapter();
    let answer: (value: { secret: string; handle: typeof ASSOCIATED }) => void = () => undefined;
    adapter.associateAuthenticator.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await renderSetUp({ adapter });
    expect(screen.getByRole('heading', { level: 1, name: 'Set up an authenticator app' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Getting your key…');
    expect(codeField()).toBeDisabled();
    await act(async () => answer({ secret: SECRET, handle: ASSOCIATED }));
    await qrCode();
    expect(codeField()).toBeEnabled();
    expect(adapter.associateAuthenticator).toHaveBeenCalledExactlyOnceWith(fakeChallengeHandle('new.user', 'AYABe-next-session'));
  });

  it('explains the three steps, with the QR code, the key in blocks of four and a copy button', async () => {
    const { user } = await renderSetUp();
    const steps = within(screen.getAllByRole('list')[0] as HTMLElement).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[0]).toHaveTextContent('install an authenticator app');
    expect(steps[1]).toHaveTextContent('scan the QR code, or type the key');
    expect(steps[2]).toHaveTextContent('Enter the 6-digit code the app then shows');
    expect(await qrCode()).toHaveAccessibleName(expect.stringContaining('type the key shown with it'));
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(screen.getByText('Key copied. Paste it into your authenticator app.')).toBeInTheDocument());
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);
  });

  it('says when the key cannot be had, and gets it on a retry', async () => {
    const adapter = setUpAdapter();
    adapter.associateAuthenticator.mockRejectedValueOnce(cognitoFailure('NetworkError', 'Network error'));
    const { user } = await renderSetUp({ adapter });
    expect(await screen.findByText(/Check your connection/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await qrCode();
    expect(adapter.associateAuthenticator).toHaveBeenCalledTimes(2);
  });

  it('tells the operator when the pool does not allow authenticator apps', async () => {
    const adapter = setUpAdapter();
    adapter.associateAuthenticator.mockRejectedValue(
      cognitoFailure('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool'),
    );
    await renderSetUp({ adapter });
    await waitFor(() => expect(screen.getByText(/authenticator apps \(TOTP\) are not enabled for the user pool/)).toBeInTheDocument());
  });

  it('after a reload (challenge restored without its key), asks for a new key with the saved Session', async () => {
    const challengeStore = createMemoryChallengeStore();
    challengeStore.save({
      username: 'demo.user',
      session: 'AYABe-saved',
      expiresAt: Date.now() + 120_000,
      passwordChanged: false,
      challenge: { name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'], secret: null },
    });
    const adapter = setUpAdapter();
    await renderSetUp({ adapter, challengeStore, arrange: () => undefined });
    await qrCode();
    expect(adapter.associateAuthenticator).toHaveBeenCalledExactlyOnceWith(fakeChallengeHandle('demo.user', 'AYABe-saved'));
    // The key itself never reaches storage; the new Session does.
    expect(JSON.stringify(challengeStore.read())).not.toContain(SECRET);
    expect(challengeStore.read()?.session).toBe('AYABe-associated');
  });
});

describe('SetUpAuthenticatorRoute: the first code', () => {
  it('verifies the code with the default app name and goes to the account', async () => {
    const adapter = setUpAdapter();
    const { user, auth } = await renderSetUp({ adapter });
    await qrCode();
    expect(screen.getByLabelText('Authenticator app name')).toHaveValue('Authenticator app');
    await user.type(codeField(), '123 456');
    await user.click(submit());
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    // Signing in will ask for the app's codes from now on: the account says so.
    expect(currentLocation().state).toEqual({ notice: 'authenticatorSetUp' });
    expect(adapter.verifyAuthenticator).toHaveBeenCalledExactlyOnceWith(ASSOCIATED, '123456', 'Authenticator app');
    expect(auth().status).toBe('signedIn');
  });

  it('sends the name the user gave, and goes where the user was going', async () => {
    const adapter = setUpAdapter();
    const { user } = await renderSetUp({ adapter, state: { from: paths.changePassword } });
    await qrCode();
    await user.clear(screen.getByLabelText('Authenticator app name'));
    await user.type(screen.getByLabelText('Authenticator app name'), 'Work phone');
    await user.type(codeField(), '123456');
    await user.click(submit());
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
    expect(adapter.verifyAuthenticator).toHaveBeenCalledWith(ASSOCIATED, '123456', 'Work phone');
  });

  it('puts a code that does not match the key on the field, keeping it', async () => {
    const adapter = setUpAdapter();
    adapter.verifyAuthenticator.mockRejectedValueOnce(
      cognitoFailure('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
    );
    const { user } = await renderSetUp({ adapter });
    await qrCode();
    await user.type(codeField(), '654321');
    await user.click(submit());
    await waitFor(() => expect(codeField()).toHaveAccessibleDescription(expect.stringContaining('That code does not match the key.')));
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveValue('654321');
    // The QR code and key stay for another look.
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
  });

  it('straight after a new password: at zero says to sign in with the new password', async () => {
    const clock = installFakeClock(NOW);
    const adapter = setUpAdapter();
    adapter.signIn.mockResolvedValue(newPasswordRequired([]));
    adapter.completeNewPassword.mockResolvedValue(challengeResult({ name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] }));
    await renderSetUp({
      adapter,
      clock,
      arrange: async (auth) => {
        await auth.signIn('new.user', 'Temp-Passw0rd1!');
        await auth.completeNewPassword('New-Passw0rd!', {});
      },
    });
    await act(async () => vi.advanceTimersByTimeAsync(120_000));
    // It said the password is saved, and the limit from the start; now the clock warns.
    expect(screen.getByText('Your new password is saved. Finish this step to sign in.')).toBeInTheDocument();
    expect(screen.getByText('Almost out of time:')).toBeInTheDocument();
    expect(document.querySelector('[aria-live="assertive"]')).toHaveTextContent(
      'Your time is almost up. Finish the set-up before the time runs out, or you will need to sign in again and start over.',
    );
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(currentLocation()).toEqual({
      path: paths.signIn,
      state: { notice: 'mfaChallengeExpiredAfterNewPassword', username: 'new.user' },
    });
  });

  it('straight after a new password, the account then says both the password and the app are set up', async () => {
    const adapter = setUpAdapter();
    adapter.signIn.mockResolvedValue(newPasswordRequired([]));
    adapter.completeNewPassword.mockResolvedValue(challengeResult({ name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] }));
    const { user } = await renderSetUp({
      adapter,
      arrange: async (auth) => {
        await auth.signIn('new.user', 'Temp-Passw0rd1!');
        await auth.completeNewPassword('New-Passw0rd!', {});
      },
    });
    await screen.findByRole('img', { name: /^QR code that adds your Example Corp account \(new\.user\)/ });
    await user.type(codeField(), '123456');
    await user.click(submit());
    await waitFor(() => expect(currentLocation()).toEqual({ path: paths.account, state: { notice: 'passwordAndAuthenticatorSet' } }));
  });

  it('lets the user cancel and go back to sign-in', async () => {
    const { user, auth } = await renderSetUp();
    await qrCode();
    await user.click(screen.getByRole('button', { name: 'Cancel and go back to sign in' }));
    expect(currentLocation()).toEqual({ path: paths.signIn, state: { username: 'demo.user' } });
    expect(auth().status).toBe('signedOut');
  });
});
