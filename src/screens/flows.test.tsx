import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../app/app-providers';
import { paths } from '../app/paths';
import { AppRoutes } from '../app/router';
import { AuthFailureError, type AuthAdapter } from '../auth/adapter';
import type { ChallengeStore, SavedChallenge } from '../auth/challenge-storage';
import { installFakeClock, testConfig } from './test-utils';

/**
 * The screens on the real auth provider and route table, with only the user pool faked: checks that
 * each screen's navigation and the provider's state changes land together as intended.
 */

const demoUser = { username: 'demo.user', attributes: { email: 'demo.user@example.com' } };
const STRONG = 'New-Passw0rd!';

function fakeAdapter(overrides: Partial<AuthAdapter> = {}): AuthAdapter {
  return {
    signIn: vi.fn(async () => ({ kind: 'signedIn' as const, user: demoUser })),
    completeNewPassword: vi.fn(async () => ({ kind: 'signedIn' as const, user: { username: 'new.user', attributes: {} } })),
    resumeChallenge: vi.fn((saved: { username: string; session: string }) => saved),
    forgotPassword: vi.fn(async () => ({ destination: 'd***@e***', medium: 'EMAIL' as const, attributeName: 'email' })),
    confirmForgotPassword: vi.fn(async () => undefined),
    currentSession: vi.fn(async () => null),
    changePassword: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
    globalSignOut: vi.fn(async () => undefined),
    ...overrides,
  };
}

const newPasswordRequired = async () => ({
  kind: 'newPasswordRequired' as const,
  handle: { username: 'new.user', session: 'session-token' },
  userAttributes: { email: 'new.user@example.com', email_verified: 'true' },
  requiredAttributes: ['name', 'email'],
});

function memoryStore(): ChallengeStore {
  let saved: SavedChallenge | null = null;
  return { read: () => saved, save: (challenge) => (saved = challenge), clear: () => (saved = null) };
}

function renderApp(
  adapter: AuthAdapter,
  url: string,
  options: { useTransitions: boolean; userOptions?: Parameters<typeof userEvent.setup>[0] },
) {
  const user = userEvent.setup(options.userOptions);
  // StrictMode as in main.tsx: effects run twice, and the screens must not act twice.
  render(
    <StrictMode>
      <AppProviders config={testConfig} adapter={adapter} challengeStore={memoryStore()}>
        <MemoryRouter initialEntries={[url]} useTransitions={options.useTransitions}>
          <AppRoutes />
        </MemoryRouter>
      </AppProviders>
    </StrictMode>,
  );
  return { user };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, username: string, password: string) {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

// The flows whose screens end the flow state in the provider before their own navigation lands: they must
// hold whether or not the router renders navigations as transitions.
describe.each([true, false])('flow screens (router transitions: %s)', (useTransitions) => {
  it('first sign-in: temporary password → new password with the missing attribute → account', async () => {
    const adapter = fakeAdapter({ signIn: vi.fn(newPasswordRequired) });
    const { user } = renderApp(adapter, paths.signIn, { useTransitions });
    await signIn(user, 'new.user', 'Temp-Passw0rd1!');
    await screen.findByRole('heading', { name: 'Choose your password' });
    // email is already set and email_verified is never sent back: only name is asked for.
    expect(screen.queryByLabelText('Email address')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), STRONG);
    await user.type(screen.getByLabelText('Full name'), 'New User');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await screen.findByRole('heading', { name: 'Your account' });
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(expect.anything(), STRONG, { name: 'New User' });
  });

  it('forgot password → code and new password → sign-in with the notice and the username', async () => {
    const adapter = fakeAdapter();
    const { user } = renderApp(adapter, paths.forgotPassword, { useTransitions });
    await user.type(await screen.findByLabelText('Username'), 'demo.user');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('We sent a code by email to d***@e***.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Code'), '123456');
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset.');
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    expect(adapter.confirmForgotPassword).toHaveBeenCalledWith('demo.user', '123456', STRONG);
  });

  it('an administrator reset found at sign-in leads to the reset screen, which explains it', async () => {
    const adapter = fakeAdapter({ signIn: vi.fn(async () => ({ kind: 'passwordResetRequired' as const })) });
    const { user } = renderApp(adapter, paths.signIn, { useTransitions });
    await signIn(user, 'reset.user', 'Old-Passw0rd1!');
    expect(await screen.findByText(/An administrator reset your password/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText('A new code was sent by email to d***@e***.')).toBeInTheDocument();
    expect(adapter.forgotPassword).toHaveBeenCalledWith('reset.user');
  });

  it('change password → account with the notice', async () => {
    const adapter = fakeAdapter({ currentSession: vi.fn(async () => demoUser) });
    const { user } = renderApp(adapter, paths.changePassword, { useTransitions });
    await user.type(await screen.findByLabelText('Current password'), 'Demo-Passw0rd!');
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByRole('heading', { name: 'Your account' });
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
  });

  it('the challenge runs out: sign-in with the username and the notice', async () => {
    const clock = installFakeClock(new Date('2030-01-01T10:00:00Z').getTime());
    const adapter = fakeAdapter({ signIn: vi.fn(newPasswordRequired) });
    const { user } = renderApp(adapter, paths.signIn, { useTransitions, userOptions: clock });
    await signIn(user, 'new.user', 'Temp-Passw0rd1!');
    await screen.findByRole('heading', { name: 'Choose your password' });
    await act(async () => vi.advanceTimersByTimeAsync(3 * 60_000));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
  });

  it('a reset link fills the code and completes the reset', async () => {
    const adapter = fakeAdapter();
    const { user } = renderApp(adapter, `${paths.resetPassword}?username=demo.user&code=123456`, { useTransitions });
    expect(await screen.findByLabelText('Code')).toHaveValue('123456');
    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(adapter.confirmForgotPassword).toHaveBeenCalledExactlyOnceWith('demo.user', '123456', STRONG);
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
  });

  it("Cognito's expired-session answer on the new password: sign-in with the username and the notice", async () => {
    const adapter = fakeAdapter({
      signIn: vi.fn(newPasswordRequired),
      completeNewPassword: vi.fn(async () => {
        throw new AuthFailureError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
      }),
    });
    const { user } = renderApp(adapter, paths.signIn, { useTransitions });
    await signIn(user, 'new.user', 'Temp-Passw0rd1!');
    await user.type(await screen.findByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Confirm new password'), STRONG);
    await user.type(screen.getByLabelText('Full name'), 'New User');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('Your time to choose a new password ran out.');
    expect(screen.getByLabelText('Username')).toHaveValue('new.user');
  });
});

// Signing out ends the session while the account screen is still inside RequireSignedIn. With router
// transitions the guard's own redirect (carrying only `from`) lands after, and replaces, the screen's
// navigation with its notice; the app's router therefore renders navigations without transitions.
describe('sign-out (router without transitions, as the app configures it)', () => {
  it('sign out: sign-in says the user signed out', async () => {
    const { user } = renderApp(fakeAdapter({ currentSession: vi.fn(async () => demoUser) }), paths.account, { useTransitions: false });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('You have signed out.'));
  });

  it('sign out everywhere: sign-in says why', async () => {
    const adapter = fakeAdapter({ currentSession: vi.fn(async () => demoUser) });
    const { user } = renderApp(adapter, paths.account, { useTransitions: false });
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out on all your devices.');
    expect(adapter.globalSignOut).toHaveBeenCalledTimes(1);
  });
});
