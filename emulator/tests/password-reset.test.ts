import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import {
  APP_CLIENT,
  LEGACY_CLIENT,
  POOL_ID,
  SIGNED,
  advanceClock,
  call,
  cognitoUser,
  expectError,
  latestCode,
  outbox,
  passwordSignIn,
  useEmulator,
  type CognitoClientError,
  otherCode,
} from './helpers';

const emulator = useEmulator();
const url = () => emulator.current.url;
const NEW_PASSWORD = 'Reset-Passw0rd!';

function forgotPassword(username: string, clientId = APP_CLIENT) {
  return call(url(), 'ForgotPassword', { ClientId: clientId, Username: username });
}

function confirmForgotPassword(username: string, code: string, password = NEW_PASSWORD, clientId = APP_CLIENT) {
  return call(url(), 'ConfirmForgotPassword', { ClientId: clientId, Username: username, ConfirmationCode: code, Password: password });
}

/** A 6-digit code that is not `code`. */
describe('forgot password with amazon-cognito-identity-js', () => {
  it('delivers a code to the verified email, masked, and resets the password with it', async () => {
    const user = cognitoUser(url(), 'demo.user');
    const delivery = await new Promise<unknown>((resolve, reject) =>
      user.forgotPassword({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve }),
    );
    expect(delivery).toEqual({ CodeDeliveryDetails: { Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });

    const [message] = (await outbox(url())).filter((entry) => entry.kind === 'ForgotPassword');
    expect(message).toMatchObject({
      poolId: POOL_ID,
      username: 'demo.user',
      kind: 'ForgotPassword',
      medium: 'EMAIL',
      destination: 'demo.user@example.com',
      temporaryPassword: null,
    });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(Number.isNaN(Date.parse(message.sentAt))).toBe(false);

    const confirmed = await new Promise<string | CognitoClientError>((resolve) =>
      user.confirmPassword(message.code ?? '', NEW_PASSWORD, { onSuccess: resolve, onFailure: (error: unknown) => resolve(error as CognitoClientError) }),
    );
    expect(confirmed).toBe('SUCCESS');
    expect((await passwordSignIn(url(), 'demo.user', NEW_PASSWORD)).status).toBe(200);
  });

  it('prefers a verified phone number and masks it', async () => {
    const response = await forgotPassword('phone.user');
    expect(response.body).toEqual({
      CodeDeliveryDetails: { Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' },
    });
    expect((await outbox(url())).at(-1)).toMatchObject({ medium: 'SMS', destination: '+15555550123' });
  });
});

describe('ForgotPassword refusals', () => {
  it.each([APP_CLIENT, LEGACY_CLIENT])('refuses a user with no verified email or phone (%s)', async (clientId) => {
    const response = await forgotPassword('no.contact', clientId);
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('refuses a FORCE_CHANGE_PASSWORD user', async () => {
    const response = await forgotPassword('new.user');
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' });
  });

  it('simulates a delivery for an unknown user under ENABLED, and sends nothing', async () => {
    const before = (await outbox(url())).length;
    const response = await forgotPassword('ghost.user');
    expect(response.status).toBe(200);
    expect(response.body.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(String((response.body.CodeDeliveryDetails as Record<string, string>).Destination)).toMatch(/^[a-z]\*\*\*@[a-z]\*\*\*$/);
    expect((await outbox(url())).length).toBe(before);
  });

  it('names an unknown user under LEGACY', async () => {
    const response = await forgotPassword('ghost.user', LEGACY_CLIENT);
    expect(expectError(response)).toEqual({ type: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('names a disabled user under LEGACY and hides it under ENABLED', async () => {
    expect(expectError(await forgotPassword('disabled.user', LEGACY_CLIENT))).toEqual({
      type: 'NotAuthorizedException',
      message: 'User is disabled',
    });
    expect((await forgotPassword('disabled.user')).status).toBe(200);
  });

  it(`answers LimitExceededException after ${LIMITS.forgotPasswordRequestsPerWindow} codes in an hour`, async () => {
    for (let request = 0; request < LIMITS.forgotPasswordRequestsPerWindow; request += 1) {
      expect((await forgotPassword('demo.user')).status).toBe(200);
    }
    const refused = await forgotPassword('demo.user');
    expect(expectError(refused)).toEqual({ type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    await advanceClock(url(), LIMITS.rateWindowSeconds);
    expect((await forgotPassword('demo.user')).status).toBe(200);
  });
});

describe('ConfirmForgotPassword codes', () => {
  it('refuses a wrong code', async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    const response = await confirmForgotPassword('demo.user', otherCode(code));
    expect(expectError(response)).toEqual({ type: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
  });

  it('expires a code after one hour', async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    await advanceClock(url(), 3600 + 1);
    const response = await confirmForgotPassword('demo.user', code);
    expect(expectError(response)).toEqual({ type: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
  });

  it('accepts a code just before the hour is up', async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    await advanceClock(url(), 3600 - 5);
    expect((await confirmForgotPassword('demo.user', code)).status).toBe(200);
  });

  it('accepts only the latest code', async () => {
    await forgotPassword('demo.user');
    const first = await latestCode(url(), 'demo.user');
    // Codes are random, so a new one may (one time in a million) repeat the old; ask again until it differs,
    // staying under the request limit.
    let second = first;
    for (let request = 1; request < LIMITS.forgotPasswordRequestsPerWindow && second === first; request += 1) {
      expect((await forgotPassword('demo.user')).status).toBe(200);
      second = await latestCode(url(), 'demo.user');
    }
    expect(second).not.toBe(first);
    expect(expectError(await confirmForgotPassword('demo.user', first)).type).toBe('CodeMismatchException');
    expect((await confirmForgotPassword('demo.user', second)).status).toBe(200);
  });

  it('accepts a code once', async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    expect((await confirmForgotPassword('demo.user', code)).status).toBe(200);
    expect(expectError(await confirmForgotPassword('demo.user', code, 'Another-Passw0rd!')).type).toBe('ExpiredCodeException');
  });

  it('answers ExpiredCodeException when no code was ever requested', async () => {
    const response = await confirmForgotPassword('demo.user', '123456');
    expect(expectError(response).type).toBe('ExpiredCodeException');
  });

  it(`answers LimitExceededException after ${LIMITS.wrongCodesPerWindow} wrong codes, even for the right one`, async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    for (let attempt = 0; attempt < LIMITS.wrongCodesPerWindow; attempt += 1) {
      expect(expectError(await confirmForgotPassword('demo.user', otherCode(code))).type).toBe('CodeMismatchException');
    }
    expect(expectError(await confirmForgotPassword('demo.user', code))).toEqual({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });

  it('refuses a weak new password with the policy reason and keeps the code usable', async () => {
    await forgotPassword('demo.user');
    const code = await latestCode(url(), 'demo.user');
    const weak = await confirmForgotPassword('demo.user', code, 'alllowercase1!');
    expect(expectError(weak)).toEqual({
      type: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    expect((await confirmForgotPassword('demo.user', code)).status).toBe(200);
  });

  it('hides an unknown user under ENABLED: expired before any request, mismatch after a simulated one', async () => {
    expect(expectError(await confirmForgotPassword('ghost.user', '123456')).type).toBe('ExpiredCodeException');
    await forgotPassword('ghost.user');
    expect(expectError(await confirmForgotPassword('ghost.user', '123456')).type).toBe('CodeMismatchException');
  });

  it('names an unknown user under LEGACY', async () => {
    const response = await confirmForgotPassword('ghost.user', '123456', NEW_PASSWORD, LEGACY_CLIENT);
    expect(expectError(response)).toEqual({ type: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('answers a disabled user under LEGACY as an unknown one (§6)', async () => {
    const response = await confirmForgotPassword('disabled.user', '123456', NEW_PASSWORD, LEGACY_CLIENT);
    expect(expectError(response)).toEqual({ type: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('hides a disabled user under ENABLED: expired before any request, mismatch after a simulated one', async () => {
    expect(expectError(await confirmForgotPassword('disabled.user', '123456'))).toEqual({
      type: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    expect((await forgotPassword('disabled.user')).status).toBe(200);
    expect(expectError(await confirmForgotPassword('disabled.user', '123456'))).toEqual({
      type: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });
});

describe('under ENABLED an unknown name runs into the same limits as a real user', () => {
  /** `__type: message` of each answer, or "200" for a success. */
  const outcome = (response: Awaited<ReturnType<typeof call>>) =>
    response.status === 200 ? '200' : `${String(response.body.__type)}: ${String(response.body.message)}`;

  it(`ForgotPassword: ${LIMITS.forgotPasswordRequestsPerWindow} deliveries, then LimitExceededException`, async () => {
    const answers = async (username: string) => {
      const seen: string[] = [];
      for (let request = 0; request <= LIMITS.forgotPasswordRequestsPerWindow; request += 1) seen.push(outcome(await forgotPassword(username)));
      return seen;
    };
    const real = await answers('demo.user');
    expect(real.at(-1)).toBe('LimitExceededException: Attempt limit exceeded, please try after some time.');
    expect(await answers('ghost.user')).toEqual(real);
    expect(await answers('Disabled.User')).toEqual(real);
  });

  it('ConfirmForgotPassword: the policy first, then wrong codes up to the limit', async () => {
    const answers = async (username: string) => {
      expect((await forgotPassword(username)).status).toBe(200);
      const sent = (await outbox(url())).filter((message) => message.username === username && message.code).at(-1)?.code;
      const wrongCode = sent ? otherCode(sent) : '123456';
      const seen = [outcome(await confirmForgotPassword(username, wrongCode, 'weak'))];
      for (let attempt = 0; attempt <= LIMITS.wrongCodesPerWindow; attempt += 1) {
        seen.push(outcome(await confirmForgotPassword(username, wrongCode)));
      }
      return seen;
    };
    const real = await answers('demo.user');
    expect(real[0]).toBe('InvalidPasswordException: Password does not conform to policy: Password not long enough');
    expect(real.at(-1)).toBe('LimitExceededException: Attempt limit exceeded, please try after some time.');
    expect(await answers('ghost.user')).toEqual(real);
  });
});

describe('the seeded RESET_REQUIRED user', () => {
  it('has a pending code in the outbox that resets the password and confirms the user', async () => {
    const [seeded] = await outbox(url());
    expect(seeded).toMatchObject({ username: 'reset.user', kind: 'AdminResetUserPassword', medium: 'EMAIL' });
    expect((await confirmForgotPassword('reset.user', seeded.code ?? '')).status).toBe(200);
    const status = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'reset.user' }, SIGNED);
    expect(status.body.UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(url(), 'reset.user', NEW_PASSWORD)).status).toBe(200);
  });
});
