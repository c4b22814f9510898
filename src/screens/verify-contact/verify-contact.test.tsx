import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { CodeDelivery, SignedInUser } from '../../auth/auth-types';
import { installFakeClock } from '../../test/fake-clock';
import { cognitoFailure, createFakeAuthAdapter, sentByEmail } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { VerifyContactRoute } from './verify-contact-route';

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const sentBySms: CodeDelivery = { destination: '+*******0123', medium: 'SMS', attributeName: 'phone_number' };

/** Jane has an email and a phone number, neither verified yet. */
const jane: SignedInUser = {
  username: 'jane',
  attributes: { email: 'jane@example.com', email_verified: 'false', phone_number: '+15555550123' },
};

function renderVerify(url: string, options: { user?: SignedInUser; clock?: ReturnType<typeof installFakeClock> } = {}) {
  const adapter = createFakeAuthAdapter({
    currentSession: async () => options.user ?? jane,
    sendAttributeVerificationCode: async (attribute) => (attribute === 'email' ? sentByEmail : sentBySms),
    verifyAttribute: async () => undefined,
  });
  return renderScreen(<VerifyContactRoute />, { path: paths.verifyContact, url, adapter, userOptions: options.clock });
}

const sendButton = () => screen.getByRole('button', { name: 'Send code' });
const resendButton = () => screen.getByRole('button', { name: 'Send a new code' });
const codeField = () => screen.getByLabelText('Code');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('VerifyContactRoute', () => {
  it('sends a code only when asked, then asks for it', async () => {
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=email`);
    expect(screen.getByRole('heading', { level: 1, name: 'Verify your email address' })).toHaveFocus();
    expect(screen.getByText(/We will send a code to jane@example.com\./)).toBeInTheDocument();
    expect(adapter.sendAttributeVerificationCode).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Code')).not.toBeInTheDocument();

    await user.click(sendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We sent a code by email to d***@e***.'));
    expect(adapter.sendAttributeVerificationCode).toHaveBeenCalledExactlyOnceWith('email');
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code');
  });

  it('verifies the email and goes back to the account, which now reads it as verified', async () => {
    const { user, adapter, auth } = await renderVerify(`${paths.verifyContact}?attribute=email`);
    await user.click(sendButton());
    await user.type(await screen.findByLabelText('Code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(currentLocation().state).toEqual({ notice: 'emailVerified' });
    expect(adapter.verifyAttribute).toHaveBeenCalledExactlyOnceWith('email', '123456');
    const state = auth().state;
    expect(state.status === 'signedIn' && state.user.attributes.email_verified).toBe('true');
  });

  it('verifies a phone number by text message', async () => {
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=phone_number`);
    expect(screen.getByRole('heading', { level: 1, name: 'Verify your phone number' })).toBeInTheDocument();
    await user.click(sendButton());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We sent a code by text message to +*******0123.'));
    await user.type(codeField(), '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(currentLocation().state).toEqual({ notice: 'phoneVerified' }));
    expect(adapter.verifyAttribute).toHaveBeenCalledExactlyOnceWith('phone_number', '654321');
  });

  it.each([
    ['wrong', 'CodeMismatchException', 'Invalid verification code provided, please try again.', 'That code is not correct.'],
    ['expired', 'ExpiredCodeException', 'Invalid code provided, please request a code again.', 'That code has expired.'],
  ])('puts a %s code on its field and keeps what was typed', async (_case, code, message, shown) => {
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=email`);
    adapter.verifyAttribute.mockRejectedValueOnce(cognitoFailure(code, message));
    await user.click(sendButton());
    await user.type(await screen.findByLabelText('Code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(codeField()).toHaveAccessibleDescription(expect.stringContaining(shown)));
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveValue('123456');
    expect(currentLocation().path).toBe(`${paths.verifyContact}?attribute=email`);
  });

  it('waits 60 seconds before sending a new code, then says where it went, in the same one line', async () => {
    const clock = installFakeClock(NOW);
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=email`, { clock });
    await user.click(sendButton());
    // "Send code" gives way to a link-style "Didn't get it? Send a new code (1:00)", held while it waits.
    await waitFor(() => expect(resendButton()).toHaveAttribute('aria-disabled', 'true'));
    expect(screen.getByText('Didn’t get it?')).toContainElement(resendButton());
    expect(resendButton()).toHaveTextContent('Send a new code(1:00)');
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 60 seconds.');
    await act(async () => vi.advanceTimersByTimeAsync(59_000));
    expect(resendButton()).toHaveAccessibleDescription('You can ask for another code in 1 second.');
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(resendButton()).not.toHaveAttribute('aria-disabled');
    await user.click(resendButton());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'We sent a new code by email to d***@e***. Only the newest code works. It can take a minute to arrive: check your spam folder too.',
      ),
    );
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(adapter.sendAttributeVerificationCode).toHaveBeenCalledTimes(2);
    expect(resendButton()).toHaveAttribute('aria-disabled', 'true');
    // Held back, a press sends nothing.
    await user.click(resendButton());
    expect(adapter.sendAttributeVerificationCode).toHaveBeenCalledTimes(2);
  });

  it('shows a refused request in the alert, and lets the user try again', async () => {
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=email`);
    adapter.sendAttributeVerificationCode.mockRejectedValueOnce(
      cognitoFailure('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
    );
    await user.click(sendButton());
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expect(sendButton()).toBeEnabled();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('sends the user to sign in, saying why, when the session is over', async () => {
    const { user, adapter } = await renderVerify(`${paths.verifyContact}?attribute=email`);
    adapter.sendAttributeVerificationCode.mockRejectedValueOnce(cognitoFailure('NotAuthorizedException', 'Access Token has expired'));
    await user.click(sendButton());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded', from: `${paths.verifyContact}?attribute=email` });
  });

  it('says so when there is nothing to verify', async () => {
    await renderVerify(`${paths.verifyContact}?attribute=phone_number`, { user: { username: 'no.phone', attributes: {} } });
    expect(screen.getByText('Your account has no phone number to verify.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send code' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your account' })).toHaveAttribute('href', paths.account);
  });

  it('says so when the contact is already verified', async () => {
    await renderVerify(`${paths.verifyContact}?attribute=email`, {
      user: { username: 'jane', attributes: { email: 'jane@example.com', email_verified: 'true' } },
    });
    expect(screen.getByText('Your email address jane@example.com is already verified.')).toBeInTheDocument();
  });

  it.each(['', '?attribute=name', '?attribute=email_verified'])('goes back to the account for %j', async (search) => {
    await renderVerify(`${paths.verifyContact}${search}`);
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
  });
});
