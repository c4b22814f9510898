import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import type { SignedInUser } from '../../auth/auth-types';
import type { AppConfigInput } from '../../config/schema';
import { cognitoFailure, createFakeAuthAdapter, demoUser, type FakeAuthAdapter } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { later, settlePoolAnswers } from '../../test/pool-answers';
import { makeTestConfig } from '../../test/test-config';
import { AddAuthenticatorRoute } from './add-authenticator-route';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MFA_POOL: Partial<AppConfigInput> = {
  mfaConfiguration: 'OPTIONAL',
  mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
  productName: 'Example Corp',
};

async function renderAddAuthenticator(options: { user?: SignedInUser; adapter?: FakeAuthAdapter; config?: Partial<AppConfigInput> } = {}) {
  const adapter =
    options.adapter ??
    createFakeAuthAdapter({
      currentSession: async () => options.user ?? demoUser,
      startAuthenticatorSetup: () => later({ secret: SECRET }),
      confirmAuthenticatorSetup: async () => undefined,
      setMfaPreference: async () => undefined,
    });
  const rendered = await renderScreen(<AddAuthenticatorRoute />, {
    path: paths.addAuthenticator,
    adapter,
    config: makeTestConfig(options.config ?? MFA_POOL),
  });
  await settlePoolAnswers(adapter.startAuthenticatorSetup);
  return rendered;
}

/** The key arrived and its QR code is drawn (in a chunk of its own, loaded on demand). */
const qrImage = (account = 'demo.user@example.com') =>
  screen.findByRole('img', { name: new RegExp(`your Example Corp account \\(${account.replace(/\./g, '\\.')}\\)`) });

async function enterCode(user: Awaited<ReturnType<typeof renderAddAuthenticator>>['user'], code: string, deviceName = '') {
  await user.type(screen.getByLabelText('Code from the app'), code);
  if (deviceName) await user.type(screen.getByLabelText('Device name (optional)'), deviceName);
  await user.click(screen.getByRole('button', { name: 'Turn on' }));
}

describe('AddAuthenticatorRoute', () => {
  it('asks Cognito for a key once, and shows it as a QR code and as text', async () => {
    const { adapter } = await renderAddAuthenticator();
    expect(screen.getByRole('heading', { level: 1, name: 'Set up an authenticator app' })).toHaveFocus();
    await qrImage();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(adapter.startAuthenticatorSetup).toHaveBeenCalledTimes(1);
    const code = screen.getByLabelText('Code from the app');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByRole('link', { name: 'Back to two-step verification' })).toHaveAttribute('href', paths.twoStepVerification);
  });

  it('lists the account in the app by a name the user knows: the preferred username first', async () => {
    await renderAddAuthenticator({
      user: { username: '5f0c6a8e-uuid', attributes: { preferred_username: 'jane', email: 'jane@example.com' } },
    });
    await qrImage('jane');
  });

  it('turns the app on with its first code and goes back to the settings with a notice', async () => {
    const { user, adapter } = await renderAddAuthenticator();
    await qrImage();
    await enterCode(user, '123 456', 'Work phone');
    await waitFor(() => expect(currentLocation().path).toBe(paths.twoStepVerification));
    expect(currentLocation().state).toEqual({ notice: 'authenticatorSetUp' });
    expect(adapter.confirmAuthenticatorSetup).toHaveBeenCalledExactlyOnceWith('123456', 'Work phone');
    // Verifying the key alone would not make sign-in ask for it.
    expect(adapter.setMfaPreference).toHaveBeenCalledExactlyOnceWith({ SOFTWARE_TOKEN_MFA: { enabled: true, preferred: true } });
  });

  it('puts a wrong code on its field and keeps what was typed', async () => {
    const { user, adapter } = await renderAddAuthenticator();
    adapter.confirmAuthenticatorSetup.mockRejectedValueOnce(
      cognitoFailure('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
    );
    await qrImage();
    await enterCode(user, '123456');
    const code = screen.getByLabelText('Code from the app');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveFocus();
    expect(code).toHaveValue('123456');
    expect(code).toHaveAccessibleDescription(expect.not.stringMatching(/^errors\./));
    expect(adapter.setMfaPreference).not.toHaveBeenCalled();
    expect(currentLocation().path).toBe(paths.addAuthenticator);
    // The same key stays: the next code from the app is what to try.
    expect(adapter.startAuthenticatorSetup).toHaveBeenCalledTimes(1);
  });

  it('checks the code has six digits before sending it', async () => {
    const { user, adapter } = await renderAddAuthenticator();
    await qrImage();
    await enterCode(user, '12345');
    await waitFor(() => expect(screen.getByLabelText('Code from the app')).toHaveAttribute('aria-invalid', 'true'));
    expect(adapter.confirmAuthenticatorSetup).not.toHaveBeenCalled();
  });

  it('says when no key could be had, and asks again on request', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: async () => demoUser });
    adapter.startAuthenticatorSetup
      .mockImplementationOnce(() => later(null).then(() => Promise.reject(cognitoFailure('NetworkError', 'Network error'))))
      .mockImplementationOnce(() => later({ secret: SECRET }));
    const { user } = await renderAddAuthenticator({ adapter });
    expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await qrImage();
    expect(formAlert()).toBeEmptyDOMElement();
  });

  it('sends the user to sign in, saying why, when the session is over', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: async () => demoUser });
    adapter.startAuthenticatorSetup.mockImplementationOnce(() =>
      later(null).then(() => Promise.reject(cognitoFailure('NotAuthorizedException', 'Access Token has expired'))),
    );
    await renderAddAuthenticator({ adapter });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded', from: paths.addAuthenticator });
  });

  it('is not there for a pool without authenticator apps', async () => {
    const { adapter } = await renderAddAuthenticator({ config: { mfaConfiguration: 'ON', mfaMethods: ['EMAIL_OTP'] } });
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(adapter.startAuthenticatorSetup).not.toHaveBeenCalled();
  });
});
