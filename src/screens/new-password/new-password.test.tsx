import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { PendingChallengeView } from '../../auth/auth-types';
import { createFakeAuth } from '../fake-auth';
import { currentLocation, formAlert, renderScreen, installFakeClock } from '../test-utils';
import { NewPasswordRoute } from './new-password-route';

vi.mock('../../auth/auth-context', () => import('../fake-auth'));

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const STRONG = 'New-Passw0rd!';

function challenge(overrides: Partial<PendingChallengeView> = {}): PendingChallengeView {
  return { username: 'new.user', expiresAt: Date.now() + 180_000, requiredAttributes: ['name', 'custom:department'], ...overrides };
}

function renderNewPassword(
  options: { challenge?: PendingChallengeView | null; state?: unknown; expiredChallengeUsername?: string; clock?: ReturnType<typeof installFakeClock> } = {},
) {
  const auth = createFakeAuth({
    status: options.challenge === null ? 'signedOut' : 'challenge',
    challenge: options.challenge === null ? null : (options.challenge ?? challenge()),
    expiredChallengeUsername: options.expiredChallengeUsername ?? null,
  });
  return renderScreen(<NewPasswordRoute />, {
    path: paths.newPassword,
    auth,
    state: options.state,
    userOptions: options.clock,
  });
}

async function fillForm(user: ReturnType<typeof renderNewPassword>['user'], password = STRONG, confirmation = password) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), confirmation);
  await user.type(screen.getByLabelText('Full name'), 'New User');
  await user.type(screen.getByLabelText('Department'), 'Sales');
}

const timeLeft = () => screen.getByText('Time left to finish:').querySelector('time')?.textContent;
const announcement = () => document.querySelector('[aria-live="assertive"]');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('NewPasswordRoute guard', () => {
  it('sends a user without a pending challenge to sign-in', async () => {
    renderNewPassword({ challenge: null });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toBeNull();
  });

  it('says the challenge expired, with the username, when one just ran out', async () => {
    renderNewPassword({ challenge: null, expiredChallengeUsername: 'new.user' });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
  });
});

describe('NewPasswordRoute form', () => {
  it('asks for the password, its confirmation and every required attribute, custom ones included', () => {
    renderNewPassword();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Full name')).toHaveAttribute('autocomplete', 'name');
    expect(screen.getByLabelText('Department')).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Show New password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Confirm new password' })).toBeInTheDocument();
  });

  it('shows the policy before typing and ticks rules off while the user types', async () => {
    const { user } = renderNewPassword();
    const list = screen.getByRole('list', { name: 'Your password must have:' });
    const items = () => Array.from(list.querySelectorAll('li')).map((item) => item.textContent);
    expect(items()).toEqual([
      '○ At least 8 characters, not yet',
      '○ A lowercase letter (a–z), not yet',
      '○ An uppercase letter (A–Z), not yet',
      '○ A number (0–9), not yet',
      '○ A symbol, such as ! @ # $ % or a space, not yet',
    ]);
    await user.type(screen.getByLabelText('New password'), 'abc1');
    expect(items()).toEqual([
      '○ At least 8 characters, not yet',
      '✓ A lowercase letter (a–z), done',
      '○ An uppercase letter (A–Z), not yet',
      '✓ A number (0–9), done',
      '○ A symbol, such as ! @ # $ % or a space, not yet',
    ]);
    expect(list).not.toHaveAttribute('aria-live');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('Your password must have:'));
  });

  it('sends the password with the attributes and goes to the account', async () => {
    const { user, auth } = renderNewPassword();
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(auth.actions.completeNewPassword).toHaveBeenCalledExactlyOnceWith(STRONG, { name: 'New User', 'custom:department': 'Sales' });
  });

  it('goes to where the user was going before sign-in', async () => {
    const { user } = renderNewPassword({ state: { from: paths.changePassword } });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('checks the form before sending: policy, confirmation, attributes; focus on the first invalid field', async () => {
    const { user, auth } = renderNewPassword();
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveFocus());
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('The password is too short.'));
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Fill in this field.');
    expect(screen.getByLabelText('Department')).toHaveAccessibleDescription('Fill in this field.');
    expect(auth.actions.completeNewPassword).not.toHaveBeenCalled();
  });

  it('puts a weak-password answer on the new password, clears both passwords and keeps the attributes', async () => {
    const auth = createFakeAuth({ status: 'challenge', challenge: challenge() });
    auth.actions.completeNewPassword.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'field', field: 'newPassword', messageKey: 'errors.passwordPolicy.reused' },
    });
    const { user } = renderScreen(<NewPasswordRoute />, { path: paths.newPassword, auth });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('You have used this password before.')));
    expect(newPassword).toHaveFocus();
    expect(newPassword).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
    expect(screen.getByLabelText('Full name')).toHaveValue('New User');
    expect(screen.getByLabelText('Department')).toHaveValue('Sales');
  });

  it('puts a missing-attribute answer on that attribute field', async () => {
    const auth = createFakeAuth({ status: 'challenge', challenge: challenge() });
    auth.actions.completeNewPassword.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'field', field: 'attribute:custom:department', messageKey: 'errors.attributeRequired' },
    });
    const { user } = renderScreen(<NewPasswordRoute />, { path: paths.newPassword, auth });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    const department = screen.getByLabelText('Department');
    await waitFor(() => expect(department).toHaveAccessibleDescription('This field is required.'));
    expect(department).toHaveFocus();
  });

  it('shows other answers in the alert region', async () => {
    const auth = createFakeAuth({ status: 'challenge', challenge: challenge() });
    auth.actions.completeNewPassword.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'operator', messageKey: 'errors.operator.attributeNotWritable' },
    });
    const { user } = renderScreen(<NewPasswordRoute />, { path: paths.newPassword, auth });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(formAlert()).toHaveTextContent('the app client may not write a required attribute'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it("treats Cognito's session-expired answer like the countdown running out", async () => {
    const auth = createFakeAuth({ status: 'challenge', challenge: challenge() });
    auth.actions.completeNewPassword.mockImplementationOnce(async () => {
      auth.actions.expireChallenge(); // the provider ends the challenge itself
      return { ok: false, error: { kind: 'sessionExpired', messageKey: 'errors.challengeExpired' } };
    });
    const { user } = renderScreen(<NewPasswordRoute />, { path: paths.newPassword, auth });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
  });

  it('lets the user give up and go back to sign-in', async () => {
    const { user, auth } = renderNewPassword();
    await user.click(screen.getByRole('button', { name: 'Cancel and go back to sign in' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(auth.actions.abandonChallenge).toHaveBeenCalledTimes(1);
    expect(currentLocation().state).toEqual({ username: 'new.user' });
  });
});

describe('NewPasswordRoute countdown', () => {
  it('shows the time left from the start and counts down', async () => {
    renderNewPassword({ clock: installFakeClock(NOW) });
    expect(timeLeft()).toBe('3:00');
    await act(async () => vi.advanceTimersByTimeAsync(61_000));
    expect(timeLeft()).toBe('1:59');
  });

  it('announces the warning once when it starts and keeps the announcement stable between ticks', async () => {
    renderNewPassword({ clock: installFakeClock(NOW) });
    expect(announcement()).toBeEmptyDOMElement();
    await act(async () => vi.advanceTimersByTimeAsync(119_000)); // 61 s left
    expect(announcement()).toBeEmptyDOMElement();
    await act(async () => vi.advanceTimersByTimeAsync(1_000)); // 60 s left: the configured warning
    const warning = 'Your time is almost up: save your password within 60 seconds';
    expect(announcement()).toHaveTextContent(warning);
    const textNode = announcement()?.firstChild;
    await act(async () => vi.advanceTimersByTimeAsync(5_000));
    expect(timeLeft()).toBe('0:55');
    expect(announcement()).toHaveTextContent(warning);
    // Same node, same text: nothing for a screen reader to repeat.
    expect(announcement()?.firstChild).toBe(textNode);
  });

  it('at zero stops accepting input and returns to sign-in with the username and the notice', async () => {
    const clock = installFakeClock(NOW);
    const auth = createFakeAuth({ status: 'challenge', challenge: challenge() });
    let inputLockedAtExpiry: boolean | undefined;
    const expire = auth.actions.expireChallenge.getMockImplementation();
    auth.actions.expireChallenge.mockImplementation(() => {
      inputLockedAtExpiry = (screen.getByRole('group') as HTMLFieldSetElement).disabled;
      expire?.();
    });
    const { user } = renderScreen(<NewPasswordRoute />, {
      path: paths.newPassword,
      auth,
      userOptions: clock,
    });
    await user.type(screen.getByLabelText('Full name'), 'New User');
    await act(async () => vi.advanceTimersByTimeAsync(180_000));
    expect(auth.actions.expireChallenge).toHaveBeenCalledTimes(1);
    expect(inputLockedAtExpiry).toBe(true);
    expect(currentLocation().path).toBe(paths.signIn);
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
  });
});
