import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paths } from '../../app/paths';
import type { AuthContextValue } from '../../auth/auth-context';
import type { MfaMethod } from '../../auth/challenges';
import { installFakeClock } from '../../test/fake-clock';
import { challengeResult, cognitoFailure, createFakeAuthAdapter, type FakeAuthAdapter } from '../../test/fake-auth-adapter';
import { currentLocation, formAlert, renderScreen } from '../../test/render-screen';
import { ChooseMfaRoute } from './choose-mfa-route';

const NOW = new Date('2030-01-01T10:00:00Z').getTime();
const ALL: MfaMethod[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];

/** A pool that offers `methods`; choosing text messages sends a code. */
function choiceAdapter(methods: MfaMethod[] = ALL): FakeAuthAdapter {
  return createFakeAuthAdapter({
    signIn: async () => challengeResult({ name: 'SELECT_MFA_TYPE', methods }),
    chooseMfaMethod: async (_handle, method) =>
      method === 'SOFTWARE_TOKEN_MFA'
        ? challengeResult({ name: 'SOFTWARE_TOKEN_MFA' }, 'AYABe-chosen')
        : challengeResult({ name: method, destination: method === 'SMS_MFA' ? '+*******4567' : 'd***@e***' }, 'AYABe-chosen'),
  });
}

const signIn = (auth: AuthContextValue) => auth.signIn('demo.user', 'Demo-Passw0rd!');

function renderChooseMfa(options: { adapter?: FakeAuthAdapter; state?: unknown; clock?: ReturnType<typeof installFakeClock> } = {}) {
  return renderScreen(<ChooseMfaRoute />, {
    path: paths.chooseMfa,
    adapter: options.adapter ?? choiceAdapter(),
    arrange: signIn,
    state: options.state,
    userOptions: options.clock,
  });
}

const group = () => screen.getByRole('group', { name: 'Get a verification code by' });
const submit = () => screen.getByRole('button', { name: 'Continue' });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ChooseMfaRoute', () => {
  it('sends a user without a pending choice to sign-in', async () => {
    await renderScreen(<ChooseMfaRoute />, { path: paths.chooseMfa, adapter: choiceAdapter() });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
  });

  it('offers the methods Cognito lists, by clear names in a named group, none chosen', async () => {
    await renderChooseMfa();
    expect(screen.getByRole('heading', { level: 1, name: 'Choose how to verify it’s you' })).toHaveFocus();
    const radios = within(group()).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(ALL);
    expect(within(group()).getByRole('radio', { name: 'Authenticator app' })).toHaveAccessibleDescription(
      'Enter the code your authenticator app shows.',
    );
    expect(within(group()).getByRole('radio', { name: 'Text message (SMS)' })).toHaveAccessibleDescription('We send a code to your phone.');
    expect(within(group()).getByRole('radio', { name: 'Email' })).toHaveAccessibleDescription('We send a code to your email address.');
    expect(radios.every((radio) => !(radio as HTMLInputElement).checked)).toBe(true);
  });

  it('shows only the methods offered', async () => {
    await renderChooseMfa({ adapter: choiceAdapter(['SMS_MFA', 'EMAIL_OTP']) });
    expect(within(group()).getAllByRole('radio')).toHaveLength(2);
    expect(screen.queryByRole('radio', { name: 'Authenticator app' })).not.toBeInTheDocument();
  });

  it('asks for a choice before sending, on the group', async () => {
    const adapter = choiceAdapter();
    const { user } = await renderChooseMfa({ adapter });
    await user.click(submit());
    const first = screen.getByRole('radio', { name: 'Authenticator app' });
    await waitFor(() => expect(first).toHaveFocus());
    expect(group()).toHaveAccessibleDescription('Choose how to get your verification code.');
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(adapter.chooseMfaMethod).not.toHaveBeenCalled();
  });

  it.each([
    ['Text message (SMS)', 'SMS_MFA'],
    ['Email', 'EMAIL_OTP'],
    ['Authenticator app', 'SOFTWARE_TOKEN_MFA'],
  ] as const)('sends the choice (%s) and goes to the code screen', async (label, method) => {
    const adapter = choiceAdapter();
    const { user, auth } = await renderChooseMfa({ adapter, state: { from: paths.changePassword } });
    await user.click(screen.getByRole('radio', { name: label }));
    await user.click(submit());
    await waitFor(() => expect(currentLocation().path).toBe(paths.mfaCode));
    // Where the user was going still lies ahead, after the code.
    expect(currentLocation().state).toEqual({ from: paths.changePassword });
    expect(adapter.chooseMfaMethod).toHaveBeenCalledExactlyOnceWith(expect.anything(), method);
    const state = auth().state;
    expect(state.status === 'challenge' ? state.challenge.name : null).toBe(method);
  });

  it('shows a failure in the alert region and keeps the choice', async () => {
    const adapter = choiceAdapter();
    adapter.chooseMfaMethod.mockRejectedValueOnce(cognitoFailure('NetworkError', 'Network error'));
    const { user } = await renderChooseMfa({ adapter });
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.click(submit());
    await waitFor(() => expect(formAlert()).toHaveTextContent(/connection/i));
    expect(screen.getByRole('radio', { name: 'Email' })).toBeChecked();
  });

  it('at zero returns to sign-in with the username and the notice', async () => {
    const clock = installFakeClock(NOW);
    await renderChooseMfa({ clock });
    await act(async () => vi.advanceTimersByTimeAsync(120_000));
    expect(screen.getByText('Almost out of time:')).toBeInTheDocument();
    expect(document.querySelector('[aria-live="assertive"]')).toHaveTextContent(
      'Your time is almost up. Choose a method before the time runs out, or you will need to sign in again.',
    );
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(currentLocation()).toEqual({ path: paths.signIn, state: { notice: 'mfaChallengeExpired', username: 'demo.user' } });
  });

  it('lets the user cancel and go back to sign-in', async () => {
    const { user, auth } = await renderChooseMfa();
    await user.click(screen.getByRole('button', { name: 'Cancel and go back to sign in' }));
    expect(currentLocation()).toEqual({ path: paths.signIn, state: { username: 'demo.user' } });
    expect(auth().status).toBe('signedOut');
  });
});
