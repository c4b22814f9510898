import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { AuthContextValue } from '../../auth/auth-context';
import { installFakeClock } from '../../test/fake-clock';
import {
  cognitoFailure,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  fakeChallengeHandle,
  newPasswordRequired,
  type FakeAuthAdapter,
} from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { NewPasswordRoute } from './new-password-route';

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const STRONG = 'New-Passw0rd!';

function challengeAdapter(completeNewPassword?: FakeAuthAdapter['completeNewPassword']) {
  const adapter = createFakeAuthAdapter({
    signIn: async () => newPasswordRequired(['name', 'custom:department']),
    completeNewPassword: async () => ({ kind: 'signedIn', user: { username: 'new.user', attributes: {} } }),
  });
  if (completeNewPassword) adapter.completeNewPassword.mockImplementation(completeNewPassword);
  return adapter;
}

function rejectingAdapter(code: string, message: string) {
  return challengeAdapter(vi.fn(() => Promise.reject(cognitoFailure(code, message))));
}

interface RenderNewPasswordOptions {
  adapter?: FakeAuthAdapter;
  /** What happened before the screen: by default, a sign-in with a temporary password. */
  arrange?: (auth: AuthContextValue) => Promise<unknown> | void;
  state?: unknown;
  clock?: ReturnType<typeof installFakeClock>;
  challengeStore?: ReturnType<typeof createMemoryChallengeStore>;
}

const signInWithTemporaryPassword = (auth: AuthContextValue) => auth.signIn('new.user', 'Temp-Passw0rd1!');

function renderNewPassword({ adapter = challengeAdapter(), arrange = signInWithTemporaryPassword, ...options }: RenderNewPasswordOptions = {}) {
  return renderScreen(<NewPasswordRoute />, {
    path: paths.newPassword,
    adapter,
    arrange,
    state: options.state,
    challengeStore: options.challengeStore,
    userOptions: options.clock,
  });
}

async function fillForm(user: Awaited<ReturnType<typeof renderNewPassword>>['user'], password = STRONG, confirmation = password) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), confirmation);
  await user.type(screen.getByLabelText('Full name'), 'New User');
  await user.type(screen.getByLabelText('Department'), 'Sales');
}

const save = () => screen.getByRole('button', { name: 'Save password' });
const timeLeft = () => document.querySelector('.challenge-clock time')?.textContent;
const announcement = () => document.querySelector('[aria-live="assertive"]');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('NewPasswordRoute guard', () => {
  it('sends a user without a pending challenge to sign-in', async () => {
    await renderNewPassword({ arrange: () => undefined });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toBeNull();
  });

  it('says the challenge expired, with the username, when one just ran out', async () => {
    await renderNewPassword({
      arrange: async (auth) => {
        await signInWithTemporaryPassword(auth);
        auth.expireChallenge();
      },
    });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
  });
});

describe('NewPasswordRoute form', () => {
  it('asks for the password, its confirmation and every missing attribute, custom ones included', async () => {
    await renderNewPassword();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Full name')).toHaveAttribute('autocomplete', 'name');
    expect(screen.getByLabelText('Department')).toHaveAttribute('type', 'text');
    // Cognito listed email too, but the user has one already.
    expect(screen.queryByLabelText('Email address')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show New password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Confirm new password' })).toBeInTheDocument();
  });

  it('gives the account to password managers: a hidden username field before the new passwords', async () => {
    const { container } = await renderNewPassword();
    // Hidden from people and assistive technology alike, so only a DOM query finds it.
    const username = container.querySelector('form input[autocomplete="username"]');
    expect(username).toHaveValue('new.user');
    expect(username).toHaveAttribute('readonly');
    expect(username).toHaveAttribute('tabindex', '-1');
    expect(username).toHaveAttribute('aria-hidden', 'true');
    const fields = [...(username?.closest('form')?.querySelectorAll('input') ?? [])];
    expect(fields.map((field) => field.getAttribute('autocomplete'))).toEqual(['username', 'new-password', 'new-password', 'name', null]);
  });

  it('shows the policy before typing and ticks rules off while the user types', async () => {
    const { user } = await renderNewPassword();
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

  it('sends the password with the attributes and goes to the account, which says the password is set', async () => {
    const { user, adapter, auth } = await renderNewPassword();
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
    expect(currentLocation().state).toEqual({ notice: 'passwordSet' });
    expect(adapter.completeNewPassword).toHaveBeenCalledExactlyOnceWith(fakeChallengeHandle(), STRONG, {
      name: 'New User',
      'custom:department': 'Sales',
    });
    expect(auth().status).toBe('signedIn');
  });

  it('goes to where the user was going before sign-in', async () => {
    const { user } = await renderNewPassword({ state: { from: paths.changePassword } });
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(currentLocation().path).toBe(paths.changePassword));
  });

  it('checks the form before sending: policy, confirmation, attributes; focus on the first invalid field', async () => {
    const { user, adapter } = await renderNewPassword();
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'other');
    await user.click(save());
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveFocus());
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('The password is too short.'));
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The two passwords are not the same.');
    // Each empty detail's message names it: the catalog's own for a standard attribute, the label otherwise.
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Enter your full name.');
    expect(screen.getByLabelText('Department')).toHaveAccessibleDescription('Enter a value for “Department”.');
    expect(adapter.completeNewPassword).not.toHaveBeenCalled();
  });

  it('puts a weak-password answer on the new password, clears both passwords and keeps the attributes', async () => {
    const adapter = rejectingAdapter('PasswordHistoryPolicyViolationException', 'The password history policy was violated.');
    const { user } = await renderNewPassword({ adapter });
    await fillForm(user);
    await user.click(save());
    const newPassword = screen.getByLabelText('New password');
    await waitFor(() => expect(newPassword).toHaveAccessibleDescription(expect.stringContaining('You have used this password before.')));
    expect(newPassword).toHaveFocus();
    expect(newPassword).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
    expect(screen.getByLabelText('Full name')).toHaveValue('New User');
    expect(screen.getByLabelText('Department')).toHaveValue('Sales');
  });

  it('puts a missing-attribute answer on that attribute field', async () => {
    const adapter = rejectingAdapter('InvalidParameterException', 'Invalid attributes given, custom:department is missing');
    const { user } = await renderNewPassword({ adapter });
    await fillForm(user);
    await user.click(save());
    const department = screen.getByLabelText('Department');
    await waitFor(() => expect(department).toHaveAccessibleDescription('Enter a value for “Department”.'));
    expect(department).toHaveFocus();
    // Nothing wrong with the passwords: they stay.
    expect(screen.getByLabelText('New password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(STRONG);
  });

  it('shows other answers in the alert region', async () => {
    const adapter = rejectingAdapter('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
    const { user } = await renderNewPassword({ adapter });
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(formAlert()).toHaveTextContent('the app client may not write a required attribute'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it("treats Cognito's session-expired answer like the countdown running out", async () => {
    const adapter = rejectingAdapter('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    const { user, auth } = await renderNewPassword({ adapter });
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
    expect(auth().status).toBe('signedOut');
  });

  it('keeps both passwords and the attributes after a dropped connection, and the retry succeeds', async () => {
    const adapter = rejectingAdapter('NetworkError', 'Network error');
    const { user } = await renderNewPassword({ adapter });
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(formAlert()).toHaveTextContent(/connection/i));
    expect(screen.getByLabelText('New password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(STRONG);
    expect(screen.getByLabelText('Full name')).toHaveValue('New User');
    adapter.completeNewPassword.mockResolvedValue({ kind: 'signedIn', user: { username: 'new.user', attributes: {} } });
    await user.click(save());
    await waitFor(() => expect(currentLocation().path).toBe(paths.account));
  });

  it('when Cognito wants a step this app cannot take after the password is set: says so, locks the form, stops the clock', async () => {
    const clock = installFakeClock(NOW);
    const adapter = challengeAdapter(vi.fn(async () => ({ kind: 'unsupportedChallenge' as const, name: 'CUSTOM_CHALLENGE' })));
    const { user, auth } = await renderNewPassword({ adapter, clock });
    await fillForm(user);
    await user.click(save());
    await waitFor(() => expect(formAlert()).toHaveTextContent('(CUSTOM_CHALLENGE) that this page does not support'));
    expect(screen.getByRole('group')).toBeDisabled();
    expect(screen.queryByText('Time left:')).not.toBeInTheDocument();
    expect(auth().status).toBe('signedOut');

    // The old challenge's time running out means nothing now: the user stays with the explanation.
    await act(async () => vi.advanceTimersByTimeAsync(180_000));
    expect(currentLocation().path).toBe(paths.newPassword);

    await user.click(screen.getByRole('link', { name: 'Back to sign in' }));
    expect(currentLocation().path).toBe(paths.signIn);
    expect(currentLocation().state).toEqual({ username: 'new.user' });
  });

  it('lets the user give up and go back to sign-in', async () => {
    const { user, auth } = await renderNewPassword();
    await user.click(screen.getByRole('button', { name: 'Cancel and go back to sign in' }));
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toEqual({ username: 'new.user' });
    expect(auth().state).toEqual({ status: 'signedOut', expiredChallenge: null });
  });
});

describe('NewPasswordRoute countdown', () => {
  it('says the time limit and shows the time left from the start, and counts down', async () => {
    await renderNewPassword({ clock: installFakeClock(NOW) });
    expect(
      screen.getByText('Save your password before the time runs out, or you will need to sign in again with your temporary password.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Time left:')).toBeInTheDocument();
    expect(timeLeft()).toBe('3:00');
    await act(async () => vi.advanceTimersByTimeAsync(61_000));
    expect(timeLeft()).toBe('1:59');
  });

  it('announces the warning once when it starts and keeps the announcement stable between ticks', async () => {
    await renderNewPassword({ clock: installFakeClock(NOW) });
    expect(announcement()).toBeEmptyDOMElement();
    await act(async () => vi.advanceTimersByTimeAsync(119_000)); // 61 s left
    expect(announcement()).toBeEmptyDOMElement();
    await act(async () => vi.advanceTimersByTimeAsync(1_000)); // 60 s left: the configured warning
    // No number of seconds in the words, which would contradict the clock a second later.
    const warning =
      'Your time is almost up. Save your password before the time runs out, or you will need to sign in again with your temporary password.';
    expect(announcement()).toHaveTextContent(warning);
    expect(screen.getByText('Almost out of time:')).toBeInTheDocument();
    const textNode = announcement()?.firstChild;
    await act(async () => vi.advanceTimersByTimeAsync(5_000));
    expect(timeLeft()).toBe('0:55');
    expect(announcement()).toHaveTextContent(warning);
    // Same node, same text: nothing for a screen reader to repeat.
    expect(announcement()?.firstChild).toBe(textNode);
  });

  it('adds nothing to the page when the warning starts, so the field being typed in stays where it is', async () => {
    await renderNewPassword({ clock: installFakeClock(NOW) });
    const form = screen.getByRole('group').closest('form') as HTMLFormElement;
    // What is laid out before the fields (the live region is visually hidden: it takes no room).
    const shownBeforeFields = () =>
      [...form.querySelectorAll('.challenge-timer > *:not(.visually-hidden)')].map((element) => element.className);
    const before = shownBeforeFields();
    await act(async () => vi.advanceTimersByTimeAsync(125_000));
    expect(screen.getByText('Almost out of time:')).toBeInTheDocument();
    expect(shownBeforeFields()).toEqual(before);
  });

  it('at zero stops accepting input and returns to sign-in with the username and the notice', async () => {
    const clock = installFakeClock(NOW);
    const challengeStore = createMemoryChallengeStore();
    const { user, auth } = await renderNewPassword({ clock, challengeStore });
    // The provider forgets the saved challenge when the challenge ends: by then the inputs must be locked.
    const inputLockedAtExpiry: boolean[] = [];
    const forget = challengeStore.clear;
    vi.spyOn(challengeStore, 'clear').mockImplementation(() => {
      inputLockedAtExpiry.push((screen.getByRole('group') as HTMLFieldSetElement).disabled);
      forget();
    });
    await user.type(screen.getByLabelText('Full name'), 'New User');
    await act(async () => vi.advanceTimersByTimeAsync(180_000));
    expect(inputLockedAtExpiry).toEqual([true]);
    expect(auth().status).toBe('signedOut');
    expect(currentLocation().path).toBe(paths.signIn);
    expect(currentLocation().state).toEqual({ notice: 'challengeExpired', username: 'new.user' });
  });
});
