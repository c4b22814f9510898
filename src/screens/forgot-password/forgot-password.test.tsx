import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import { createFakeAuth } from '../fake-auth';
import { currentLocation, formAlert, renderScreen } from '../test-utils';
import { ForgotPasswordRoute } from './forgot-password-route';

vi.mock('../../auth/auth-context', () => import('../fake-auth'));

function renderForgotPassword(options: Partial<Parameters<typeof renderScreen>[1]> = {}) {
  return renderScreen(<ForgotPasswordRoute />, { path: paths.forgotPassword, ...options });
}

describe('ForgotPasswordRoute', () => {
  it('asks for the username, prefilled from sign-in', () => {
    renderForgotPassword({ state: { username: 'demo.user' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Reset your password' })).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('demo.user');
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', paths.signIn);
  });

  it('requests a code and moves on to the reset screen', async () => {
    const { user, auth } = renderForgotPassword();
    await user.type(screen.getByLabelText('Username'), '  demo.user ');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.resetPassword));
    expect(auth.actions.requestPasswordReset).toHaveBeenCalledExactlyOnceWith('demo.user');
  });

  it('requires a username', async () => {
    const { user, auth } = renderForgotPassword();
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAccessibleDescription('Enter your username.'));
    expect(username).toHaveFocus();
    expect(auth.actions.requestPasswordReset).not.toHaveBeenCalled();
  });

  it('explains that an account without a verified contact needs its administrator, keeping the username', async () => {
    const auth = createFakeAuth();
    auth.actions.requestPasswordReset.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'form', messageKey: 'errors.noVerifiedContact' },
    });
    const { user } = renderForgotPassword({ auth });
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
    const auth = createFakeAuth();
    let finish: () => void = () => {};
    auth.actions.requestPasswordReset.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ ok: false, error: { kind: 'form', messageKey: 'errors.limitExceeded' } });
        }),
    );
    const { user } = renderForgotPassword({ auth });
    await user.type(screen.getByLabelText('Username'), 'demo.user');
    await user.dblClick(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByRole('button', { name: 'Sending…' })).toBeDisabled();
    finish();
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts.'));
    expect(screen.getByRole('button', { name: 'Send code' })).toBeEnabled();
    expect(auth.actions.requestPasswordReset).toHaveBeenCalledTimes(1);
  });
});
