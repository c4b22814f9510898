import {
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoUser } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import {
  adminClient,
  advanceClock,
  APP_CLIENT,
  call,
  cognitoUser,
  DEMO_PASSWORD,
  expectError,
  failure,
  outbox,
  passwordSignIn,
  POOL_ID,
  settle,
  SIGNED,
  signedIn,
  type CognitoClientError,
  useEmulator,
  otherCode,
} from './helpers';

/** §4.19 GetUserAttributeVerificationCode and §4.20 VerifyUserAttribute, with the real clients. */

const emulator = useEmulator();
const url = () => emulator.current.url;
const KIND = 'GetUserAttributeVerificationCode';

async function accessTokenOf(username: string): Promise<string> {
  const response = await passwordSignIn(url(), username, DEMO_PASSWORD);
  return String((response.body.AuthenticationResult as Record<string, unknown>).AccessToken);
}

const requestCode = (accessToken: string, attributeName: string) =>
  call(url(), 'GetUserAttributeVerificationCode', { AccessToken: accessToken, AttributeName: attributeName });
const verify = (accessToken: string, attributeName: string, code: string) =>
  call(url(), 'VerifyUserAttribute', { AccessToken: accessToken, AttributeName: attributeName, Code: code });

/** The newest attribute verification code the outbox holds for the user. */
async function latestAttributeCode(username: string): Promise<string> {
  const message = (await outbox(url())).filter((entry) => entry.username === username && entry.kind === KIND).at(-1);
  if (!message?.code) throw new Error(`no attribute verification code for ${username}`);
  return message.code;
}

/** A 6-digit code that is not `code`. */
async function attributesOf(accessToken: string): Promise<Record<string, string>> {
  const response = await call(url(), 'GetUser', { AccessToken: accessToken });
  const list = response.body.UserAttributes as Array<{ Name: string; Value: string }>;
  return Object.fromEntries(list.map(({ Name, Value }) => [Name, Value]));
}

function getAttributeVerificationCode(user: CognitoUser, attributeName: string): Promise<{ data?: unknown; error?: CognitoClientError }> {
  return new Promise((resolve) => {
    user.getAttributeVerificationCode(attributeName, {
      onSuccess: () => resolve({}),
      onFailure: (error) => resolve({ error: error as unknown as CognitoClientError }),
      inputVerificationCode: (data: unknown) => resolve({ data }),
    });
  });
}

function verifyAttribute(user: CognitoUser, attributeName: string, code: string): Promise<{ result?: unknown; error?: CognitoClientError }> {
  return new Promise((resolve) => {
    user.verifyAttribute(attributeName, code, {
      onSuccess: (result) => resolve({ result }),
      onFailure: (error) => resolve({ error: error as unknown as CognitoClientError }),
    });
  });
}

describe('attribute verification with amazon-cognito-identity-js', () => {
  it('sends a masked code to the email and verifies it', async () => {
    const { user } = await signedIn(url(), 'no.contact', DEMO_PASSWORD);
    const { data, error } = await getAttributeVerificationCode(user, 'email');
    expect(error).toBeUndefined();
    expect(data).toEqual({ CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });

    const [message] = (await outbox(url())).filter((entry) => entry.kind === KIND);
    expect(message).toMatchObject({
      poolId: POOL_ID,
      username: 'no.contact',
      medium: 'EMAIL',
      destination: 'no.contact@example.com',
      temporaryPassword: null,
    });
    expect(message.code).toMatch(/^\d{6}$/);

    expect(await verifyAttribute(user, 'email', message.code ?? '')).toEqual({ result: 'SUCCESS' });
    const { result } = await settle<Array<{ getName(): string; getValue(): string }>>((done) => user.getUserAttributes(done));
    const attributes = Object.fromEntries((result ?? []).map((attribute) => [attribute.getName(), attribute.getValue()]));
    expect(attributes).toMatchObject({ email: 'no.contact@example.com', email_verified: 'true' });
  });

  it('reports a wrong code through onFailure with Cognito\'s type and message', async () => {
    const { user } = await signedIn(url(), 'no.contact', DEMO_PASSWORD);
    await getAttributeVerificationCode(user, 'email');
    const { error } = await verifyAttribute(user, 'email', otherCode(await latestAttributeCode('no.contact')));
    expect(error).toMatchObject({ code: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
  });
});

describe('a user who verifies their own email can then reset their password', () => {
  it('ForgotPassword: refused before, delivered after, and the reset completes', async () => {
    const forgot = () => call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'no.contact' });
    expect(expectError(await forgot())).toEqual({
      type: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });

    const accessToken = await accessTokenOf('no.contact');
    expect((await requestCode(accessToken, 'email')).status).toBe(200);
    expect((await verify(accessToken, 'email', await latestAttributeCode('no.contact'))).body).toEqual({});

    const delivered = await forgot();
    expect(delivered.body).toEqual({ CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    const resetCode = (await outbox(url())).filter((entry) => entry.kind === 'ForgotPassword').at(-1)?.code ?? '';
    const user = cognitoUser(url(), 'no.contact');
    const confirmed = await new Promise<unknown>((resolve) =>
      user.confirmPassword(resetCode, 'Verified-Reset-Passw0rd!', { onSuccess: resolve, onFailure: resolve }),
    );
    expect(confirmed).toBe('SUCCESS');
    expect((await passwordSignIn(url(), 'no.contact', 'Verified-Reset-Passw0rd!')).status).toBe(200);
  });
});

describe('attribute verification with @aws-sdk/client-cognito-identity-provider', () => {
  const sdk = () => adminClient(url());


  it('sends an SMS code to the phone number, masked, and verifies it again (a verified value may be re-verified)', async () => {
    const AccessToken = await accessTokenOf('phone.user');
    const { CodeDeliveryDetails } = await sdk().send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }));
    expect(CodeDeliveryDetails).toEqual({ Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    expect((await outbox(url())).at(-1)).toMatchObject({ kind: KIND, medium: 'SMS', destination: '+15555550123' });

    const Code = await latestAttributeCode('phone.user');
    const output = await sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'phone_number', Code }));
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(await attributesOf(AccessToken)).toMatchObject({ phone_number_verified: 'true', email_verified: 'false' });
  });

  it('answers a code already used with ExpiredCodeException', async () => {
    const AccessToken = await accessTokenOf('phone.user');
    await sdk().send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    const Code = await latestAttributeCode('phone.user');
    await sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code }));
    expect(await failure(sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code })))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('refuses an attribute that cannot be verified', async () => {
    const AccessToken = await accessTokenOf('demo.user');
    const expected = { name: 'InvalidParameterException', message: 'Invalid attribute name. Only phone_number and email can be verified.' };
    expect(await failure(sdk().send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'name' })))).toEqual(expected);
    expect(await failure(sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'name', Code: '123456' })))).toEqual(expected);
  });
});

describe('GetUserAttributeVerificationCode refusals', () => {
  it('names the missing attribute: no phone number', async () => {
    expect(expectError(await requestCode(await accessTokenOf('demo.user'), 'phone_number'))).toEqual({
      type: 'InvalidParameterException',
      message: 'User does not have a valid registered phone number',
    });
    expect((await outbox(url())).filter((entry) => entry.kind === KIND)).toEqual([]);
  });

  it('names the missing attribute: no email address', async () => {
    // A blank value deletes the attribute (AdminUpdateUserAttributes, §4.12).
    await call(url(), 'AdminUpdateUserAttributes', { UserPoolId: POOL_ID, Username: 'phone.user', UserAttributes: [{ Name: 'email', Value: '' }] }, SIGNED);
    expect(expectError(await requestCode(await accessTokenOf('phone.user'), 'email'))).toEqual({
      type: 'InvalidParameterException',
      message: 'User does not have a valid registered email address',
    });
  });

  it('needs a valid access token', async () => {
    expect(expectError(await requestCode('not-a-token', 'email'))).toEqual({ type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const accessToken = await accessTokenOf('no.contact');
    await call(url(), 'GlobalSignOut', { AccessToken: accessToken });
    expect(expectError(await requestCode(accessToken, 'email'))).toEqual({ type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('validates required members as AWS does', async () => {
    expect(expectError(await call(url(), 'GetUserAttributeVerificationCode', { AccessToken: await accessTokenOf('no.contact') }))).toEqual({
      type: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'attributeName' failed to satisfy constraint: Member must not be null",
    });
    expect(expectError(await call(url(), 'VerifyUserAttribute', { AccessToken: 'x', AttributeName: 'email' }))).toEqual({
      type: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'code' failed to satisfy constraint: Member must not be null",
    });
  });

  it(`answers LimitExceededException after ${LIMITS.attributeCodeRequestsPerWindow} codes in an hour, and again sends after it`, async () => {
    let accessToken = await accessTokenOf('no.contact');
    for (let sent = 0; sent < LIMITS.attributeCodeRequestsPerWindow; sent += 1) {
      expect((await requestCode(accessToken, 'email')).status).toBe(200);
    }
    expect(expectError(await requestCode(accessToken, 'email'))).toEqual({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    expect((await outbox(url())).filter((entry) => entry.kind === KIND)).toHaveLength(LIMITS.attributeCodeRequestsPerWindow);
    // The limit is per user: another user still gets a code.
    expect((await requestCode(await accessTokenOf('phone.user'), 'email')).status).toBe(200);

    await advanceClock(url(), LIMITS.rateWindowSeconds);
    accessToken = await accessTokenOf('no.contact');
    expect((await requestCode(accessToken, 'email')).status).toBe(200);
  });

  it('is counted apart from ForgotPassword: neither limit blocks the other', async () => {
    const accessToken = await accessTokenOf('demo.user');
    for (let sent = 0; sent < LIMITS.forgotPasswordRequestsPerWindow; sent += 1) {
      await call(url(), 'ForgotPassword', { ClientId: APP_CLIENT, Username: 'demo.user' });
    }
    expect((await requestCode(accessToken, 'email')).status).toBe(200);
  });
});

describe('VerifyUserAttribute codes', () => {
  it('accepts only the newest code', async () => {
    const accessToken = await accessTokenOf('no.contact');
    await requestCode(accessToken, 'email');
    const first = await latestAttributeCode('no.contact');
    await requestCode(accessToken, 'email');
    const second = await latestAttributeCode('no.contact');
    // Two random codes are equal once in a million; then the first one is the newest too.
    if (first !== second) {
      expect(expectError(await verify(accessToken, 'email', first)).type).toBe('CodeMismatchException');
    }
    expect((await verify(accessToken, 'email', second)).status).toBe(200);
  });

  it('answers ExpiredCodeException when no code was ever requested', async () => {
    expect(expectError(await verify(await accessTokenOf('no.contact'), 'email', '123456'))).toEqual({
      type: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('keeps a code for 24 hours and no longer', async () => {
    await requestCode(await accessTokenOf('no.contact'), 'email');
    const code = await latestAttributeCode('no.contact');
    // Access tokens live an hour (§1), so each check signs in again at the new time.
    await advanceClock(url(), LIMITS.attributeCodeLifetimeSeconds + 1);
    expect(expectError(await verify(await accessTokenOf('no.contact'), 'email', code)).type).toBe('ExpiredCodeException');

    emulator.current.reset();
    await requestCode(await accessTokenOf('no.contact'), 'email');
    const fresh = await latestAttributeCode('no.contact');
    await advanceClock(url(), LIMITS.attributeCodeLifetimeSeconds - 60);
    expect((await verify(await accessTokenOf('no.contact'), 'email', fresh)).status).toBe(200);
  });

  it('does not verify an address the code was not sent to', async () => {
    const accessToken = await accessTokenOf('no.contact');
    await requestCode(accessToken, 'email');
    const code = await latestAttributeCode('no.contact');
    await call(url(), 'AdminUpdateUserAttributes', { UserPoolId: POOL_ID, Username: 'no.contact', UserAttributes: [{ Name: 'email', Value: 'other@example.com' }] }, SIGNED);
    expect(expectError(await verify(accessToken, 'email', code)).type).toBe('ExpiredCodeException');
    expect(await attributesOf(accessToken)).toMatchObject({ email: 'other@example.com', email_verified: 'false' });
  });

  it(`answers LimitExceededException after ${LIMITS.wrongCodesPerWindow} wrong codes, even for the right one`, async () => {
    const accessToken = await accessTokenOf('no.contact');
    await requestCode(accessToken, 'email');
    const code = await latestAttributeCode('no.contact');
    for (let attempt = 0; attempt < LIMITS.wrongCodesPerWindow; attempt += 1) {
      expect(expectError(await verify(accessToken, 'email', otherCode(code))).type).toBe('CodeMismatchException');
    }
    expect(expectError(await verify(accessToken, 'email', code))).toEqual({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    expect((await attributesOf(accessToken)).email_verified).toBe('false');
  });
});
