import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import type { SignedInUser } from '../../auth/auth-types';
import { cognitoFailure, createFakeAuthAdapter, demoUser } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { ChangePasswordRoute } from './change-password-route';

const CURRENT = 'Demo-Passw0rd!';
const NEXT = 'Next-Passw0rd!';

/** Signed in (a stored session, `demoUser` unless given), with Cognito refusing the change with `failure` when given. */
function renderChangePassword(failure?: { code: string; message: string }, signedIn: SignedInUser = demoUser) {
  const adapter = createFakeAuthAdapter({
    currentSession: async () => signedIn,
    changePassword: () => (failure ? Promise.reject(cognitoFailure(failure.code, failure.message)) : Promise.resolve()),
  });
  return renderScreen(<ChangePasswordRoute />, { path: paths.changePassword, adapter });
}

async function fillForm(user: Awaited<ReturnType<typeof renderChangePassword>>['user'], confirmation = NEXT) {
  await user.type(screen.getByLabelText('Current password'), CURRENT);
  await user.type(screen.getByLabelText('New password'), NEXT);
  await user.type(screen.getByLabelText('Confirm new password'), confirmation);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePasswordRoute', () => {
  it('asks for the current password and a new one twice, each with a show/hide toggle', async () => {
    await renderChangePassword();
    expect(screen.getByRole('heading', { level: 1, name: 'Change password' })).toHaveFocus();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('autocomplete', 'new-password');
    for (const label of ['Current password', 'New password', 'Confirm new password']) {
      expect(screen.getByRole('button', { name: `Show ${label}` })).toHaveTextContent(/^Show$/);
    }
    expect(screen.getByRole('list', { name: 'Your password must have:' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your account' })).toHaveAttribute('href', paths.account);
  });

  it('changes the password and shows the notice on the account', async () => {
    const { user, adapter } = await renderChangePassword();
    await fillForm(user);
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(currentLocation().state).toEqual({ notice: 'passwordChanged' });
    expect(adapter.changePassword).toHaveBeenCalledExactlyOnceWith(CURRENT, NEXT);
  });

  it('gives the account to password managers: a hidden username field, then the current and new passwords', async () => {
    const { container } = await renderChangePassword();
    // Hidden from people and assistive technology alike, so only a DOM query finds it.
    const username = container.querySelector('form input[autocomplete="username"]');
    expect(username).toHaveValue('demo.user');
    expect(username).toHaveAttribute('readonly');
    expect(username).toHaveAttribute('tabindex', '-1');
    expect(username).toHaveAttribute('aria-hidden', 'true');
    const fields = [...(username?.closest('form')?.querySelectorAll('input') ?? [])];
    expect(fields.map((field) => field.getAttribute('autocomplete'))).toEqual(['username', 'current-password', 'new-password', 'new-password']);
  });

  it('names the account by its email address in a pool where the username is a generated id (the sub)', async () => {
    const sub = '7d5b3c1e-0000-4000-8000-123456789abc';
    const { container } = await renderChangePassword(undefined, {
      username: sub,
      attributes: { sub, email: 'jane@example.com', email_verified: 'true' },
    });
    expect(container.querySelector('input[autocomplete="username"]')).toHaveValue('jane@example.com');
  });

  it('puts a wrong current password on that field and clears only it: the new passwords stay', async () => {
    const { user } = await renderChangePassword({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await fillForm(user);
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription('Your current password is not correct.'));
    expect(current).toHaveFocus();
    expect(current).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue(NEXT);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(NEXT);
    expect(formAlert()).toBeEmptyDOMElement();
  });

  it('keeps every password after a dropped connection, so the same submit can be retried', async () => {
    const { user } = await renderChangePassword({ code: 'NetworkError', message: 'Network error' });
    await fillForm(user);
    await waitFor(() => expect(formAlert()).toHaveTextContent(/connection/i));
    expect(screen.getByLabelText('Current password')).toHaveValue(CURRENT);
    expect(screen.getByLabelText('New password')).toHaveValue(NEXT);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(NEXT);
  });

  it('puts a weak new password on the new-password field', async () => {
    const { user } = await renderChangePassword({
      code: 'PasswordHistoryPolicyViolationException',
      message: 'The password history policy was violated.',
    });
    await fillForm(user);
    const next = screen.getByLabelText('New password');
    await waitFor(() => expect(next).toHaveAccessibleDescription(expect.stringContaining('You have used this password before.')));
    expect(next).toHaveFocus();
    // The refused password and its confirmation are typed afresh; the current one was right.
    expect(next).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
    expect(screen.getByLabelText('Current password')).toHaveValue(CURRENT);
  });

  it('shows a form-level answer in the single alert region', async () => {
    const { user } = await renderChangePassword({
      code: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    await fillForm(user);
    await waitFor(() => expect(formAlert()).toHaveTextContent('Too many attempts. Wait a while before trying again.'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('checks the confirmation before sending', async () => {
    const { user, adapter } = await renderChangePassword();
    await fillForm(user, 'Something-else1!');
    const confirmation = screen.getByLabelText('Confirm new password');
    await waitFor(() => expect(confirmation).toHaveAccessibleDescription('The two passwords are not the same.'));
    expect(confirmation).toHaveFocus();
    expect(adapter.changePassword).not.toHaveBeenCalled();
  });

  it.each([
    ['revoked', { code: 'NotAuthorizedException', message: 'Access Token has been revoked' }],
    // The local pool's answer to the token of a user deleted since: not a wrong password.
    ['its user deleted', { code: 'UserNotFoundException', message: 'User does not exist.' }],
  ])('signs out and sends the user to sign-in, saying why, when the session is over (%s)', async (_why, failure) => {
    const { user, adapter, auth } = await renderChangePassword(failure);
    await fillForm(user);
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'sessionEnded', from: paths.changePassword });
    expect(auth().status).toBe('signedOut');
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
  });
});
