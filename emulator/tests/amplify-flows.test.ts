import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  confirmResetPassword,
  confirmSignIn,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resetPassword,
  signIn,
  signOut,
  updatePassword,
} from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { describe, expect, it } from 'vitest';
import { useAmplify } from './amplify-helpers';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  POOL_ID,
  SIGNED,
  adminClient,
  call,
  expectError,
  failure,
  interceptCognitoRequests,
  latestCode,
  otherCode,
  passwordSignIn,
  useEmulator,
} from './helpers';

/**
 * Amplify JS v6 (`aws-amplify/auth`) against the local pool, in Node: the sign-in, new-password, reset, password
 * change and sign-out flows an Amplify app runs, with Cognito's answers as Amplify reports them.
 */

const emulator = useEmulator();
const url = () => emulator.current.url;
const { configure } = useAmplify(url);
const NEW_PASSWORD = 'Amplify-Passw0rd!';
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

describe('Amplify JS v6 sign-in against the local pool', () => {
  it('signs in with SRP by default, and the session holds tokens with the right claims', async () => {
    configure();
    const recorded = interceptCognitoRequests();
    try {
      expect(await signIn({ username: 'demo.user', password: DEMO_PASSWORD })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    } finally {
      recorded.restore();
    }
    // USER_SRP_AUTH answered with PASSWORD_VERIFIER (docs/cognito-behaviour.md §3.2, §3.4).
    expect(recorded.requests.map((request) => request.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(recorded.requests[0].body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', ClientId: APP_CLIENT });
    expect(recorded.requests[1].body).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });

    const { tokens } = await fetchAuthSession();
    const access = tokens?.accessToken.payload;
    const id = tokens?.idToken?.payload;
    // §2: the access token's and the ID token's claims.
    expect(access).toMatchObject({
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      client_id: APP_CLIENT,
      username: 'demo.user',
      iss: ISSUER,
    });
    expect(id).toMatchObject({
      token_use: 'id',
      aud: APP_CLIENT,
      'cognito:username': 'demo.user',
      email: 'demo.user@example.com',
      email_verified: true,
      name: 'Demo User',
      iss: ISSUER,
      sub: access?.sub,
      origin_jti: access?.origin_jti,
      auth_time: access?.auth_time,
    });
    expect(access?.origin_jti).toEqual(expect.any(String));
    expect(access?.exp).toBe(Number(access?.iat) + 3600);

    expect(await getCurrentUser()).toEqual({
      username: 'demo.user',
      userId: access?.sub,
      signInDetails: { loginId: 'demo.user', authFlowType: 'USER_SRP_AUTH' },
    });
  });

  it('reports a wrong password as Cognito does', async () => {
    configure();
    expect(await failure(signIn({ username: 'demo.user', password: 'Wrong-Passw0rd!' }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('Amplify JS v6 new password with a required attribute', () => {
  it('asks for the missing attribute with the new password, and stores it', async () => {
    // An invited user with an email only, in a pool that requires email and name.
    await adminClient(url()).send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'invited.user',
        TemporaryPassword: 'Invite-Passw0rd1!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'invited.user@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    configure();
    // §4.2: only the required attributes without a value are listed.
    expect(await signIn({ username: 'invited.user', password: 'Invite-Passw0rd1!' })).toEqual({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: ['name'] },
    });

    const done = await confirmSignIn({ challengeResponse: NEW_PASSWORD, options: { userAttributes: { name: 'Invited User' } } });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await fetchAuthSession()).tokens?.idToken?.payload.name).toBe('Invited User');
    expect(await fetchUserAttributes()).toMatchObject({ name: 'Invited User', email: 'invited.user@example.com' });

    const stored = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'invited.user' }, SIGNED);
    expect(stored.body.UserStatus).toBe('CONFIRMED');
    expect(stored.body.UserAttributes).toContainEqual({ Name: 'name', Value: 'Invited User' });
    await signOut();
    expect(await signIn({ username: 'invited.user', password: NEW_PASSWORD })).toMatchObject({ isSignedIn: true });
  });
});

describe('Amplify JS v6 password reset', () => {
  it('sends a code to the masked email, and the new password signs in', async () => {
    configure();
    expect(await resetPassword({ username: 'demo.user' })).toEqual({
      isPasswordReset: false,
      nextStep: {
        resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
        // §4.3: the destination masked.
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'd***@e***', attributeName: 'email' },
      },
    });
    const code = await latestCode(url(), 'demo.user');

    // §4.4: a wrong code is refused and does not spend the right one.
    expect(await failure(confirmResetPassword({ username: 'demo.user', confirmationCode: otherCode(code), newPassword: NEW_PASSWORD }))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    await confirmResetPassword({ username: 'demo.user', confirmationCode: code, newPassword: NEW_PASSWORD });

    expect(await signIn({ username: 'demo.user', password: NEW_PASSWORD })).toMatchObject({ isSignedIn: true });
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).message).toBe('Incorrect username or password.');
  });
});

describe('Amplify JS v6 password change', () => {
  it('changes the password of the signed-in user: the new one signs in, the old one does not', async () => {
    configure();
    await signIn({ username: 'demo.user', password: DEMO_PASSWORD });
    // §4.5: a wrong previous password.
    expect(await failure(updatePassword({ oldPassword: 'Wrong-Passw0rd!', newPassword: NEW_PASSWORD }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await updatePassword({ oldPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    await signOut();

    expect(await signIn({ username: 'demo.user', password: NEW_PASSWORD })).toMatchObject({ isSignedIn: true });
    await signOut();
    expect(await failure(signIn({ username: 'demo.user', password: DEMO_PASSWORD }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('Amplify JS v6 global sign-out', () => {
  it('revokes the refresh tokens and access tokens of every sign-in of the user', async () => {
    const storage = configure();
    await signIn({ username: 'demo.user', password: DEMO_PASSWORD });
    // The user signed in elsewhere too.
    const elsewhere = (await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).body.AuthenticationResult as Record<string, string>;
    const kept = new Map(storage.items);

    const recorded = interceptCognitoRequests();
    try {
      await signOut({ global: true });
    } finally {
      recorded.restore();
    }
    // Amplify swallows a failed GlobalSignOut, so the request is checked as well as its effect.
    expect(recorded.requests.map((request) => request.operation)).toEqual(['GlobalSignOut']);
    expect(storage.items.size).toBe(0);
    expect((await fetchAuthSession()).tokens).toBeUndefined();

    // §4.7: every refresh token of the user is revoked, with the access tokens issued from them.
    const refreshToken = kept.get([...kept.keys()].find((key) => key.endsWith('.refreshToken')) ?? '') ?? '';
    for (const token of [refreshToken, elsewhere.RefreshToken]) {
      const refresh = await call(url(), 'GetTokensFromRefreshToken', { ClientId: APP_CLIENT, RefreshToken: token });
      expect(expectError(refresh)).toEqual({ type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    }
    const accessToken = kept.get([...kept.keys()].find((key) => key.endsWith('.accessToken')) ?? '') ?? '';
    for (const token of [accessToken, elsewhere.AccessToken]) {
      const user = await call(url(), 'GetUser', { AccessToken: token });
      expect(expectError(user)).toEqual({ type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    }

    // An Amplify app still holding those tokens (another tab) is refused as well, and Amplify drops them.
    for (const [key, value] of kept) await storage.setItem(key, value);
    expect(await failure(fetchUserAttributes())).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    const failures: unknown[] = [];
    const stopListening = Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'tokenRefresh_failure') failures.push(payload.data?.error);
    });
    try {
      expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined();
    } finally {
      stopListening();
    }
    expect(failures).toEqual([expect.objectContaining({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' })]);
    expect(storage.items.size).toBe(0);
  });
});
