import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../app/app-providers';
import { paths } from '../app/paths';
import { AppRoutes } from '../app/router';
import type { AuthAdapter } from '../auth/adapter';
import { installFakeClock } from '../test/fake-clock';
import {
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  demoUser,
  newPasswordRequired,
  sentByEmail,
  type FakeAuthAdapter,
} from '../test/fake-auth-adapter';
import { testConfig } from '../test/test-config';

/**
 * The screens on the real auth provider and route table, with only the user pool faked: checks that
 * each screen's navigation and the provider's state changes land together as intended.
 */

const STRONG = 'New-Passw0rd!';

/** A user pool that accepts everything; a test overrides the answers its flow is about. */
function poolAdapter(overrides: Partial<AuthAdapter> = {}): FakeAuthAdapter {
  return createFakeAuthAdapter({
    signIn: async () => ({ kind: 'signedIn', user: demoUser }),
    completeNewPassword: async () => ({ kind: 'signedIn', user: { username: 'new.user', attributes: {} } }),
    forgotPassword: async () => sentByEmail,
    confirmForgotPassword: async () => undefined,
    changePassword: async () => undefined,
    globalSignOut: async () => undefined,
    ...overrides,
  });
}

// The route table loads every screen but sign-in lazily. Compiling those modules on first use can outlast a
// findBy wait on a busy machine; load them once up front (the routes still go through their lazy imports).
beforeAll(async () => {
  await Promise.all([
    import('./new-password/new-password-route'),
    import('./forgot-password/forgot-password-route'),
    import('./reset-password/reset-password-route'),
    import('./account/account-route'),
    import('./change-password/change-password-route'),
  ]);
});

function renderApp(
  adapter: AuthAdapter,
  url: string,
  options: { useTransitions: boolean; userOptions?: Parameters<typeof userEvent.setup>[0] },
) {
  const user = userEvent.setup(options.userOptions);
  // StrictMode as in main.tsx: effects run twice, and the screens must not act twice.
  render(
    <StrictMode>
      <AppProviders config={testConfig} adapter={adapter} challengeStore={createMemoryChallengeStore()}>
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
    const adapter = poolAdapter({ signIn: async () => newPasswordRequired() });
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
    expect(screen.getByRole('status')).toHaveTextContent('Your password is set.');
    expect(adapter.completeNewPassword).toHaveBeenCalledWith(expect.anything(), STRONG, { name: 'New User' });
  });

  it('forgot password → code and new password → sign-in with the notice and the username', async () => {
    const adapter = poolAdapter();
    const { user } = renderApp(adapter, paths.forgotPassword, { useTransitions });
    await user.type(await screen.findByLabelText('Username'), 'demo.user');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/^We sent a code by email to d\*\*\*@e\*\*\*\./)).toBeInTheDocument();
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
    const adapter = poolAdapter({ signIn: async () => ({ kind: 'passwordResetRequired' }) });
    const { user } = renderApp(adapter, paths.signIn, { useTransitions });
    await signIn(user, 'reset.user', 'Old-Passw0rd1!');
    expect(await screen.findByText(/An administrator reset your password/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText(/^We sent a new code by email to d\*\*\*@e\*\*\*\./)).toBeInTheDocument();
    expect(adapter.forgotPassword).toHaveBeenCalledWith('reset.user');
  });

  it('change password → account with the notice', async () => {
    const adapter = poolAdapter({ currentSession: async () => demoUser });
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
    const adapter = poolAdapter({ signIn: async () => newPasswordRequired() });
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
    const adapter = poolAdapter();
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
    const adapter = poolAdapter({
      signIn: async () => newPasswordRequired(),
      completeNewPassword: () =>
        Promise.reject(cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.')),
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
    const { user } = renderApp(poolAdapter({ currentSession: async () => demoUser }), paths.account, { useTransitions: false });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('You have signed out.'));
  });

  it('sign out everywhere: sign-in says why', async () => {
    const adapter = poolAdapter({ currentSession: async () => demoUser });
    const { user } = renderApp(adapter, paths.account, { useTransitions: false });
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('You have been signed out on all your devices.');
    expect(adapter.globalSignOut).toHaveBeenCalledTimes(1);
  });
});
