import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import {
  cognitoFailure,
  createFakeAuthAdapter,
  noVerifiedContactFailure,
  sentByEmail,
  type FakeAuthAdapter,
} from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { ForgotPasswordRoute } from './forgot-password-route';

function renderForgotPassword(options: { state?: unknown; adapter?: FakeAuthAdapter } = {}) {
  const adapter = options.adapter ?? createFakeAuthAdapter({ forgotPassword: async () => sentByEmail });
  return renderScreen(<ForgotPasswordRoute />, { path: paths.forgotPassword, state: options.state, adapter });
}

describe('ForgotPasswordRoute', () => {
  it('asks for the username, prefilled from sign-in', async () => {
    await renderForgotPassword({ state: { username: 'demo.user' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Reset your password' })).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', paths.signIn);
  });

  it('requests a code and moves on to the reset screen', async () => {
    const { user, adapter, auth } = await renderForgotPassword();
    await user.type(screen.getByLabelText('Username'), '  demo.user ');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.resetPassword));
    expect(adapter.forgotPassword).toHaveBeenCalledExactlyOnceWith('demo.user');
    expect(auth().state).toEqual({ status: 'resetPending', reset: { username: 'demo.user', reason: 'forgotten', delivery: sentByEmail } });
  });

  it('requires a username', async () => {
    const { user, adapter } = await renderForgotPassword();
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAccessibleDescription('Enter your username.'));
    expect(username).toHaveFocus();
    expect(adapter.forgotPassword).not.toHaveBeenCalled();
  });

  it('explains that an account without a verified contact needs its administrator, keeping the username', async () => {
    const adapter = createFakeAuthAdapter({
      forgotPassword: () => Promise.reject(noVerifiedContactFailure()),
    });
    const { user } = await renderForgotPassword({ adapter });
    await user.type(screen.getByLabelText('Username'), 'no.contact');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() =>
      expect(formAlert()).toHaveTextContent(
        'This account has no verified email address or phone number to send a code to. Ask your administrator to reset your password.',
      ),
    );
    expect(screen.getByLabelText('Username')).toHaveValue('no.contact');
    expect(currentLocation().path).toBe(paths.forgotPassword);
  });

  it('sends one request for a double click and shows the pending state', async () => {
    const adapter = createFakeAuthAdapter();
    let refuse: () => void = () => {};
    adapter.forgotPassword.mockImplementationOnce(
      () =>
        new Promise((_resolve, reject) => {
          refuse = () => reject(cognitoFailure('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
        }),
    );
    const { user } = await renderForgotPassword({ adapter });
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.dblClick(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByRole('button', { name: 'Sending…' })).toBeDisabled();
    refuse();
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expect(screen.getByRole('button', { name: 'Send code' })).toBeEnabled();
    expect(adapter.forgotPassword).toHaveBeenCalledTimes(1);
  });
});
