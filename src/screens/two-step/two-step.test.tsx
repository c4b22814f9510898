import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import type { AccountDetails, MfaSettings } from '../../auth/adapter';
import type { AppConfigInput } from '../../config/schema';
import { cognitoFailure, createFakeAuthAdapter, demoUser } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { later, settlePoolAnswers } from '../../test/pool-answers';
import { makeTestConfig } from '../../test/test-config';
import { TwoStepRoute } from './two-step-route';

const ALL_METHODS: Partial<AppConfigInput> = { mfaConfiguration: 'OPTIONAL', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'] };

/** demo.user with a verified email and phone, and `mfa` as Cognito has it. */
function details(mfa: MfaSettings, attributes: Record<string, string> = {}): AccountDetails {
  return {
    attributes: { ...demoUser.attributes, phone_number: '+15555550123', phone_number_verified: 'true', ...attributes },
    mfa,
  };
}

/** Signed in; the page has read `account` (GetUser) by the time this resolves. */
async function renderTwoStep(account: AccountDetails, options: { config?: Partial<AppConfigInput>; state?: unknown } = {}) {
  const adapter = createFakeAuthAdapter({
    currentSession: async () => demoUser,
    getAccountDetails: () => later(account),
    setMfaPreference: async () => undefined,
  });
  const rendered = await renderScreen(<TwoStepRoute />, {
    path: paths.twoStepVerification,
    adapter,
    config: makeTestConfig(options.config ?? ALL_METHODS),
    state: options.state,
  });
  await settlePoolAnswers(adapter.getAccountDetails);
  return rendered;
}


const method = (name: string) => screen.getByRole('checkbox', { name });
const rowOf = (name: string) => method(name).closest('li') as HTMLElement;

describe('TwoStepRoute', () => {
  it('loads the settings, then shows each method the pool offers with its switch', async () => {
    let answer: (details: AccountDetails) => void = () => {};
    const adapter = createFakeAuthAdapter({ currentSession: async () => demoUser });
    adapter.getAccountDetails.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await renderScreen(<TwoStepRoute />, { path: paths.twoStepVerification, adapter, config: makeTestConfig(ALL_METHODS) });
    expect(screen.getByRole('heading', { level: 1, name: 'Two-step verification' })).toHaveFocus();
    expect(screen.getByText('Loading your settings…')).toBeInTheDocument();

    await act(async () => answer(details({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' })));
    const authenticator = await screen.findByRole('checkbox', { name: 'Authenticator app' });
    expect(authenticator).toBeChecked();
    expect(authenticator).toHaveAccessibleDescription(expect.stringContaining('Preferred'));
    expect(method('Text message (SMS)')).not.toBeChecked();
    expect(method('Email')).not.toBeChecked();
    expect(within(rowOf('Authenticator app')).getByRole('link', { name: 'Replace authenticator app' })).toHaveAttribute(
      'href',
      paths.addAuthenticator,
    );
    expect(screen.getByRole('link', { name: 'Back to your account' })).toHaveAttribute('href', paths.account);
  });

  it('offers only the methods the pool has turned on', async () => {
    await renderTwoStep(details({ enabled: [], preferred: null }), {
      config: { mfaConfiguration: 'OPTIONAL', mfaMethods: ['SOFTWARE_TOKEN_MFA'] },
    });
    const authenticator = await screen.findByRole('checkbox', { name: 'Authenticator app' });
    // Turned on by setting one up: the link is the way.
    expect(authenticator).toHaveAttribute('aria-disabled', 'true');
    expect(authenticator).toHaveAccessibleDescription(expect.stringContaining('Set up an authenticator app to turn this on.'));
    expect(screen.getByRole('link', { name: 'Set up an authenticator app' })).toHaveAttribute('href', paths.addAuthenticator);
    expect(screen.queryByRole('checkbox', { name: 'Text message (SMS)' })).not.toBeInTheDocument();
  });

  it('turns on text-message codes and says so', async () => {
    const { user, adapter } = await renderTwoStep(details({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Text message (SMS)' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Codes by text message are on.'));
    expect(adapter.setMfaPreference).toHaveBeenCalledExactlyOnceWith({ SMS_MFA: { enabled: true } });
    expect(method('Text message (SMS)')).toBeChecked();
    // Still the authenticator first: turning a second method on leaves the preference alone.
    expect(method('Authenticator app')).toHaveAccessibleDescription(expect.stringContaining('Preferred'));
  });

  it('makes another method the preferred one', async () => {
    const { user, adapter } = await renderTwoStep(
      details({ enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Make text messages your preferred method' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Text messages are now your preferred method.'));
    expect(adapter.setMfaPreference).toHaveBeenCalledExactlyOnceWith({ SMS_MFA: { enabled: true, preferred: true } });
    expect(method('Text message (SMS)')).toHaveAccessibleDescription(expect.stringContaining('Preferred'));
    expect(method('Authenticator app')).not.toHaveAccessibleDescription(expect.stringContaining('Preferred'));
    expect(screen.getByRole('button', { name: 'Make the authenticator app your preferred method' })).toBeInTheDocument();
  });

  it('explains why a method cannot be turned on without a verified contact, with the way to verify it', async () => {
    await renderTwoStep(details({ enabled: [], preferred: null }, { phone_number_verified: 'false' }));
    const sms = await screen.findByRole('checkbox', { name: 'Text message (SMS)' });
    expect(sms).toHaveAttribute('aria-disabled', 'true');
    expect(sms).toHaveAccessibleDescription(expect.stringContaining('Verify your phone number to turn this on.'));
    expect(within(rowOf('Text message (SMS)')).getByRole('link', { name: 'Verify phone number' })).toHaveAttribute(
      'href',
      `${paths.verifyContact}?attribute=phone_number`,
    );
    expect(method('Email')).not.toHaveAttribute('aria-disabled');
  });

  it('does not offer turning off the last method of a pool that requires MFA', async () => {
    await renderTwoStep(details({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }), {
      config: { mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
    });
    const authenticator = await screen.findByRole('checkbox', { name: 'Authenticator app' });
    expect(authenticator).toBeChecked();
    expect(authenticator).toHaveAttribute('aria-disabled', 'true');
    expect(authenticator).toHaveAccessibleDescription(expect.stringContaining('turn on another method before turning this one off'));
    expect(screen.getByText(/requires two-step verification/)).toBeInTheDocument();
    expect(method('Email')).not.toHaveAttribute('aria-disabled');
  });

  it('changes nothing when a fixed switch is pressed', async () => {
    const { user, adapter } = await renderTwoStep(details({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }), {
      config: { mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA'] },
    });
    await user.click(await screen.findByRole('checkbox', { name: 'Authenticator app' }));
    expect(method('Authenticator app')).toBeChecked();
    expect(adapter.setMfaPreference).not.toHaveBeenCalled();
  });

  it('turns off a method that is not the last one on a pool that requires MFA', async () => {
    const { user, adapter } = await renderTwoStep(
      details({ enabled: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'], preferred: 'SOFTWARE_TOKEN_MFA' }),
      { config: { mfaConfiguration: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] } },
    );
    // With the keyboard: the switch keeps focus, although it cannot be turned back on here (that takes a set-up).
    (await screen.findByRole('checkbox', { name: 'Authenticator app' })).focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The authenticator app is off.'));
    expect(method('Authenticator app')).toHaveFocus();
    expect(method('Authenticator app')).toHaveAttribute('aria-disabled', 'true');
    expect(adapter.setMfaPreference).toHaveBeenCalledExactlyOnceWith({
      SOFTWARE_TOKEN_MFA: { enabled: false, preferred: false },
      EMAIL_OTP: { enabled: true, preferred: true },
    });
    // Now the last one: it stays on.
    expect(method('Email')).toHaveAttribute('aria-disabled', 'true');
    expect(method('Email')).toBeChecked();
  });

  it("shows Cognito's refusal in the alert and leaves the switch as it was", async () => {
    const { user, adapter } = await renderTwoStep(details({ enabled: [], preferred: null }));
    adapter.setMfaPreference.mockRejectedValueOnce(
      cognitoFailure('InvalidParameterException', 'User does not have delivery config set to turn on EMAIL_OTP'),
    );
    await user.click(await screen.findByRole('checkbox', { name: 'Email' }));
    await waitFor(() => expect(formAlert()).toHaveTextContent('Email codes need a verified email address on your account.'));
    expect(method('Email')).not.toBeChecked();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers to try again after a failed load', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: async () => demoUser });
    adapter.getAccountDetails
      .mockRejectedValueOnce(cognitoFailure('NetworkError', 'Network error'))
      .mockResolvedValueOnce(details({ enabled: ['EMAIL_OTP'], preferred: 'EMAIL_OTP' }));
    const { user } = await renderScreen(<TwoStepRoute />, {
      path: paths.twoStepVerification,
      adapter,
      config: makeTestConfig(ALL_METHODS),
    });
    await settlePoolAnswers(adapter.getAccountDetails);
    await waitFor(() => expect(formAlert()).toHaveTextContent('Could not reach the sign-in service.'));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'Email' })).toBeChecked();
    expect(formAlert()).toBeEmptyDOMElement();
  });

  it('sends the user to sign in, saying why, when the session is over', async () => {
    const adapter = createFakeAuthAdapter({ currentSession: async () => demoUser });
    adapter.getAccountDetails.mockRejectedValueOnce(cognitoFailure('NotAuthorizedException', 'Access Token has been revoked'));
    await renderScreen(<TwoStepRoute />, { path: paths.twoStepVerification, adapter, config: makeTestConfig(ALL_METHODS) });
    await settlePoolAnswers(adapter.getAccountDetails);
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded', from: paths.twoStepVerification });
  });

  it('shows the notice the authenticator set-up sent it with', async () => {
    await renderTwoStep(details({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }), {
      state: { notice: 'authenticatorSetUp' },
    });
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Your authenticator app is set up.');
  });

  it('is not there for a pool without MFA', async () => {
    await renderTwoStep(details({ enabled: [], preferred: null }), { config: {} });
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
  });
});
