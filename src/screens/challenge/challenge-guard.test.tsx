import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../app/paths';
import {
  challengeResult,
  createFakeAuthAdapter,
  createMemoryChallengeStore,
  newPasswordRequired,
} from '../../test/fake-auth-adapter';
import { currentLocation, renderScreen } from '../../test/render-screen';
import { ChallengeGuard } from './challenge-guard';

const CODE_CHALLENGES = ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] as const;

function CodeScreenProbe() {
  return <ChallengeGuard names={CODE_CHALLENGES}>{(challenge) => <p>Code screen for {challenge.name}</p>}</ChallengeGuard>;
}

describe('ChallengeGuard', () => {
  it('shows its screen for its own challenge', async () => {
    const adapter = createFakeAuthAdapter({ signIn: async () => challengeResult({ name: 'SMS_MFA', destination: '+*******4567' }) });
    await renderScreen(<CodeScreenProbe />, { path: paths.mfaCode, adapter, arrange: (auth) => auth.signIn('sms.user', 'pw') });
    expect(screen.getByText('Code screen for SMS_MFA')).toBeInTheDocument();
  });

  it("sends the user to the pending challenge's own screen, keeping where they were going", async () => {
    const adapter = createFakeAuthAdapter({ signIn: async () => newPasswordRequired() });
    await renderScreen(<CodeScreenProbe />, {
      path: paths.mfaCode,
      adapter,
      state: { from: paths.changePassword },
      arrange: (auth) => auth.signIn('new.user', 'pw'),
    });
    await waitFor(() => expect(currentLocation().path).toBe(paths.newPassword));
    expect(currentLocation().state).toEqual({ from: paths.changePassword });
  });

  it('sends the user to sign-in when no challenge is pending', async () => {
    await renderScreen(<CodeScreenProbe />, { path: paths.mfaCode });
    await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
    expect(currentLocation().state).toBeNull();
  });

  it.each([
    [false, 'mfaChallengeExpired'],
    [true, 'mfaChallengeExpiredAfterNewPassword'],
  ] as const)(
    'after a reload that finds the challenge ran out (password changed: %s), says which password to sign in with',
    async (passwordChanged, notice) => {
      const challengeStore = createMemoryChallengeStore();
      challengeStore.save({
        username: 'mfa.user',
        session: 'AYABe-session',
        expiresAt: Date.now() - 1_000,
        passwordChanged,
        challenge: { name: 'SOFTWARE_TOKEN_MFA' },
      });
      await renderScreen(<CodeScreenProbe />, { path: paths.mfaCode, challengeStore });
      await waitFor(() => expect(currentLocation().path).toBe(paths.signIn));
      expect(currentLocation().state).toEqual({ notice, username: 'mfa.user' });
    },
  );
});
