import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppProviders } from '../app/app-providers';
import { paths } from '../app/paths';
import { AppRoutes } from '../app/router';
import type { AuthAdapter } from '../auth/adapter';
import {
  challengeResult,
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  demoUser,
  newPasswordRequired,
  signedInResult,
  type FakeAuthAdapter,
} from '../test/fake-auth-adapter';
import { testConfig } from '../test/test-config';

/**
 * Sign-in with a second factor across its screens, on the real provider and route table with only the
 * pool faked, under StrictMode as main.tsx renders the app (effects run twice; nothing may be sent twice).
 */

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function poolAdapter(overrides: Partial<AuthAdapter>): FakeAuthAdapter {
  return createFakeAuthAdapter({
    answerMfaCode: async () => signedInResult(),
    getAccountDetails: async () => ({ attributes: demoUser.attributes, mfa: { enabled: [], preferred: null } }),
    ...overrides,
  });
}

// Load the lazily routed screens once up front: compiling them on first use can outlast a findBy wait.
beforeAll(async () => {
  await Promise.all([
    import('./new-password/new-password-route'),
    import('./mfa-code/mfa-code-route'),
    import('./choose-mfa/choose-mfa-route'),
    import('./set-up-authenticator/set-up-authenticator-route'),
    import('./account/account-route'),
  ]);
});

function renderApp(adapter: AuthAdapter) {
  const user = userEvent.setup();
  render(
    <StrictMode>
      <AppProviders config={testConfig} adapter={adapter} challengeStore={createMemoryChallengeStore()}>
        <MemoryRouter initialEntries={[paths.signIn]}>
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

describe('sign-in with a second factor', () => {
  it('method choice → text message code → account', async () => {
    const adapter = poolAdapter({
      signIn: async () => challengeResult({ name: 'SELECT_MFA_TYPE', methods: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'] }),
      chooseMfaMethod: async () => challengeResult({ name: 'SMS_MFA', destination: '+*******4567' }),
    });
    const { user } = renderApp(adapter);
    await signIn(user, 'demo.user', 'Demo-Passw0rd!');
    await user.click(await screen.findByRole('radio', { name: 'Text message (SMS)' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/^We sent a code by text message to \+\*{7}4567\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Enter your verification code' })).toHaveFocus();
    await user.type(screen.getByLabelText('Verification code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { name: 'Your account' });
    expect(adapter.chooseMfaMethod).toHaveBeenCalledExactlyOnceWith(expect.anything(), 'SMS_MFA');
    expect(adapter.answerMfaCode).toHaveBeenCalledExactlyOnceWith(expect.anything(), 'SMS_MFA', '123456');
  });

  it('authenticator code: a wrong one stays on the field, the right one signs in', async () => {
    const adapter = poolAdapter({ signIn: async () => challengeResult({ name: 'SOFTWARE_TOKEN_MFA' }) });
    adapter.answerMfaCode.mockRejectedValueOnce(cognitoFailure('CodeMismatchException', 'Invalid code received for user'));
    const { user } = renderApp(adapter);
    await signIn(user, 'demo.user', 'Demo-Passw0rd!');
    const code = await screen.findByLabelText('Verification code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('That code is not correct. Check it and try again.')).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { name: 'Your account' });
  });

  it('temporary password → new password → authenticator set-up (one key, even under StrictMode) → account', async () => {
    const adapter = poolAdapter({
      signIn: async () => newPasswordRequired([]),
      completeNewPassword: async () => challengeResult({ name: 'MFA_SETUP', methods: ['SOFTWARE_TOKEN_MFA'] }),
      associateAuthenticator: async (handle) => ({ secret: SECRET, handle }),
      verifyAuthenticator: async () => signedInResult(),
    });
    const { user } = renderApp(adapter);
    await signIn(user, 'new.user', 'Temp-Passw0rd1!');
    await user.type(await screen.findByLabelText('New password'), 'New-Passw0rd!');
    await user.type(screen.getByLabelText('Confirm new password'), 'New-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await screen.findByRole('heading', { name: 'Set up an authenticator app' });
    expect(screen.getByText('Your new password is saved. Finish this step to sign in.')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /^QR code that adds your Account account \(new\.user\)/ })).toBeInTheDocument();
    expect(adapter.associateAuthenticator).toHaveBeenCalledTimes(1);
    await user.type(screen.getByLabelText('Verification code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await screen.findByRole('heading', { name: 'Your account' });
    // Both things this first sign-in set up, said once on arrival.
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your password is set and your authenticator app is ready. Signing in now asks for a code from it.',
    );
    expect(adapter.verifyAuthenticator).toHaveBeenCalledExactlyOnceWith(expect.anything(), '123456', 'Authenticator app');
  });
});
