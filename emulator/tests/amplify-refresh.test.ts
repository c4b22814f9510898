import { fetchAuthSession, signIn } from 'aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { useAmplify } from './amplify-helpers';
import { APP_CLIENT, DEMO_PASSWORD, advanceClock, call, expectError, interceptCognitoRequests, useEmulator } from './helpers';

/**
 * Amplify JS v6 renews tokens with GetTokensFromRefreshToken only (docs/cognito-behaviour.md §4.21): an Amplify
 * app against the local pool must stay signed in past the access token's hour, with or without rotation.
 */

const emulator = useEmulator();
const url = () => emulator.current.url;
const { configure } = useAmplify(url);
const ROTATING_CLIENT = 'localdemorotatingclient001';

/** The refresh tokens Amplify sent, in order. */
function refreshTokensSent(requests: ReadonlyArray<{ operation: string; body: Record<string, unknown> }>): string[] {
  return requests.filter((request) => request.operation === 'GetTokensFromRefreshToken').map((request) => String(request.body.RefreshToken));
}

describe('Amplify JS v6 token refresh against the local pool', () => {
  it('without rotation: renews with GetTokensFromRefreshToken and keeps its refresh token', async () => {
    configure(APP_CLIENT);
    const recorded = interceptCognitoRequests();
    try {
      expect(await signIn({ username: 'demo.user', password: DEMO_PASSWORD })).toMatchObject({ isSignedIn: true });
      const first = await fetchAuthSession();
      await advanceClock(url(), 5);
      const second = await fetchAuthSession({ forceRefresh: true });
      const third = await fetchAuthSession({ forceRefresh: true });
      expect(second.tokens?.accessToken.toString()).not.toBe(first.tokens?.accessToken.toString());
      expect(third.tokens?.idToken?.payload['cognito:username']).toBe('demo.user');
      // The same refresh token both times: a client without rotation hands out none.
      const sent = refreshTokensSent(recorded.requests);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(sent[0]);
    } finally {
      recorded.restore();
    }
  });

  it('with rotation: each renewal stores the new refresh token, and the spent one is refused after the grace period', async () => {
    configure(ROTATING_CLIENT);
    const recorded = interceptCognitoRequests();
    try {
      expect(await signIn({ username: 'demo.user', password: DEMO_PASSWORD })).toMatchObject({ isSignedIn: true });
      await fetchAuthSession({ forceRefresh: true });
      // Past the 60-second grace period: only the rotated token Amplify stored can renew now.
      await advanceClock(url(), 61);
      const renewed = await fetchAuthSession({ forceRefresh: true });
      expect(renewed.tokens?.idToken?.payload['cognito:username']).toBe('demo.user');
      const [signInToken, rotated] = refreshTokensSent(recorded.requests);
      expect(rotated).not.toBe(signInToken);
      const reuse = await call(url(), 'GetTokensFromRefreshToken', { ClientId: ROTATING_CLIENT, RefreshToken: signInToken });
      expect(expectError(reuse)).toEqual({ type: 'RefreshTokenReuseException', message: 'Refresh Token has been rotated' });
    } finally {
      recorded.restore();
    }
  });
});
