import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeedInput } from '../seed-schema';
import { DEFAULT_SEED_PATH } from '../server';
import { awsCli, cliJson, expectCliError } from './aws-cli-helpers';
import {
  APP_CLIENT,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  MFA_APP_CLIENT,
  MFA_POOL_ID,
  NEW_USER_TEMP_PASSWORD,
  POOL_ID,
  authenticatorCode,
  frozenClockBase,
  latestCode,
  passwordSignIn,
  useEmulator,
} from './helpers';

/**
 * MFA with the AWS CLI, command for command (docs/cognito-behaviour.md, MFA): the pool's configuration, each
 * challenge answered with `respond-to-auth-challenge`, and an authenticator set up both during sign-in
 * (`--session`) and by a signed-in user (`--access-token`).
 */

/** A pool of its own for the configuration commands, so they do not change what the sign-in scenarios meet. */
const CONFIG_POOL_ID = 'us-east-1_LocalCliMfa';

function seedWithConfigPool(): SeedInput {
  const seed = JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedInput;
  const mfaPool = seed.UserPools.find((pool) => pool.Id === MFA_POOL_ID);
  if (!mfaPool) throw new Error('no MFA pool in the seed');
  seed.UserPools.push({
    ...mfaPool,
    Id: CONFIG_POOL_ID,
    Name: 'LocalCliMfa',
    Clients: [{ ClientId: 'localclimfaclient000000001', ClientName: 'cli-mfa' }],
    Users: [],
  });
  return seed;
}

// The scenarios run concurrently (each CLI call starts a Python process) and each keeps to its own user.
const emulator = useEmulator({ seed: seedWithConfigPool(), resetBeforeEach: false, clockBase: frozenClockBase() });
const aws = (...args: string[]) => awsCli(emulator.current.url, ...args);
const code = (secret: string, offsetSeconds = 0) => authenticatorCode(emulator.current, secret, offsetSeconds);

const signIn = (username: string, password = DEMO_PASSWORD, clientId = APP_CLIENT) =>
  aws('initiate-auth', '--client-id', clientId, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=${username},PASSWORD=${password}`);

const respond = (challengeName: string, session: unknown, responses: string, clientId = APP_CLIENT) =>
  aws(
    'respond-to-auth-challenge',
    '--client-id', clientId,
    '--challenge-name', challengeName,
    '--session', String(session),
    '--challenge-responses', responses,
  );

const accessTokenOf = (answer: Record<string, unknown>) => String((answer.AuthenticationResult as Record<string, unknown>).AccessToken);

describe.concurrent('MFA with the AWS CLI', { timeout: 180_000 }, () => {
  it('set-user-pool-mfa-config replaces the configuration; get-user-pool-mfa-config shows it', async () => {
    const pool = ['--user-pool-id', CONFIG_POOL_ID];
    const set = cliJson(
      await aws(
        'set-user-pool-mfa-config', ...pool,
        '--mfa-configuration', 'OPTIONAL',
        '--software-token-mfa-configuration', 'Enabled=true',
        '--sms-mfa-configuration', '{"SmsAuthenticationMessage":"Your code is {####}"}',
      ),
    );
    const expected = {
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}' },
    };
    expect(set).toEqual(expected);
    expect(cliJson(await aws('get-user-pool-mfa-config', ...pool))).toEqual(expected);
    expectCliError(
      await aws('set-user-pool-mfa-config', ...pool, '--mfa-configuration', 'OFF', '--software-token-mfa-configuration', 'Enabled=true'),
      'InvalidParameterException',
      'SetUserPoolMfaConfig',
      "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
    );
    expectCliError(
      await aws('set-user-pool-mfa-config', ...pool, '--mfa-configuration', 'ON'),
      'InvalidParameterException',
      'SetUserPoolMfaConfig',
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    );
    cliJson(await aws('set-user-pool-mfa-config', ...pool, '--mfa-configuration', 'OFF'));
    expect(cliJson(await aws('get-user-pool-mfa-config', ...pool))).toEqual({ MfaConfiguration: 'OFF' });
    const described = cliJson(await aws('describe-user-pool', ...pool));
    expect((described.UserPool as Record<string, unknown>).MfaConfiguration).toBe('OFF');
  });

  it('MFA_SETUP after a new password: associate-software-token --session → verify-software-token → respond-to-auth-challenge', async () => {
    const first = cliJson(await signIn('mfa.new.user', NEW_USER_TEMP_PASSWORD, MFA_APP_CLIENT));
    const setup = cliJson(
      await respond('NEW_PASSWORD_REQUIRED', first.Session, 'USERNAME=mfa.new.user,NEW_PASSWORD=Cli-Mfa-Passw0rd!', MFA_APP_CLIENT),
    );
    expect(setup).toMatchObject({ ChallengeName: 'MFA_SETUP', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } });
    const associated = cliJson(await aws('associate-software-token', '--session', String(setup.Session)));
    const secret = String(associated.SecretCode);
    expectCliError(
      await aws('verify-software-token', '--session', String(associated.Session), '--user-code', '000000'),
      'EnableSoftwareTokenMFAException',
      'VerifySoftwareToken',
      'Code mismatch and fail enable Software Token MFA',
    );
    const verified = cliJson(
      await aws('verify-software-token', '--session', String(associated.Session), '--user-code', code(secret), '--friendly-device-name', 'CLI phone'),
    );
    expect(verified).toMatchObject({ Status: 'SUCCESS', Session: expect.any(String) });
    const done = cliJson(await respond('MFA_SETUP', verified.Session, 'USERNAME=mfa.new.user', MFA_APP_CLIENT));
    expect(done.AuthenticationResult).toMatchObject({ TokenType: 'Bearer' });

    const next = cliJson(await signIn('mfa.new.user', 'Cli-Mfa-Passw0rd!', MFA_APP_CLIENT));
    expect(next).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: { FRIENDLY_DEVICE_NAME: 'CLI phone' } });
    // The code used for verify-software-token is spent; the authenticator's next one is accepted early.
    const answered = cliJson(await respond('SOFTWARE_TOKEN_MFA', next.Session, `USERNAME=mfa.new.user,SOFTWARE_TOKEN_MFA_CODE=${code(secret, 30)}`, MFA_APP_CLIENT));
    expect(answered.AuthenticationResult).toBeDefined();
  });

  it('SOFTWARE_TOKEN_MFA: totp.user answers with the authenticator code', async () => {
    const challenge = cliJson(await signIn('totp.user'));
    expect(challenge).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ChallengeParameters: { FRIENDLY_DEVICE_NAME: 'Demo authenticator', USER_ID_FOR_SRP: 'totp.user' },
    });
    expectCliError(
      await respond('SMS_MFA', challenge.Session, 'USERNAME=totp.user,SMS_MFA_CODE=123456'),
      'CodeMismatchException',
      'RespondToAuthChallenge',
      'Invalid code or auth state for the user.',
    );
    const answered = cliJson(await respond('SOFTWARE_TOKEN_MFA', challenge.Session, `USERNAME=totp.user,SOFTWARE_TOKEN_MFA_CODE=${code(DEMO_TOTP_SECRET)}`));
    expect(answered.AuthenticationResult).toMatchObject({ TokenType: 'Bearer' });
  });

  it('SMS_MFA: sms.user, a wrong code first, then the texted one', async () => {
    const challenge = cliJson(await signIn('sms.user'));
    expect(challenge).toMatchObject({
      ChallengeName: 'SMS_MFA',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0144', USER_ID_FOR_SRP: 'sms.user' },
    });
    const texted = await latestCode(emulator.current.url, 'sms.user');
    const wrong = String((Number(texted) + 1) % 1_000_000).padStart(6, '0');
    expectCliError(
      await respond('SMS_MFA', challenge.Session, `USERNAME=sms.user,SMS_MFA_CODE=${wrong}`),
      'CodeMismatchException',
      'RespondToAuthChallenge',
      'Invalid code or auth state for the user.',
    );
    expect(cliJson(await respond('SMS_MFA', challenge.Session, `USERNAME=sms.user,SMS_MFA_CODE=${texted}`)).AuthenticationResult).toBeDefined();
  });

  it('EMAIL_OTP: email.user answers with the emailed code', async () => {
    const challenge = cliJson(await signIn('email.user'));
    expect(challenge).toMatchObject({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'e***@e***' } });
    const emailed = await latestCode(emulator.current.url, 'email.user');
    expect(cliJson(await respond('EMAIL_OTP', challenge.Session, `USERNAME=email.user,EMAIL_OTP_CODE=${emailed}`)).AuthenticationResult).toBeDefined();
  });

  it('SELECT_MFA_TYPE: choose.user picks SMS_MFA, then answers it', async () => {
    const challenge = cliJson(await signIn('choose.user'));
    expect(challenge).toMatchObject({ ChallengeName: 'SELECT_MFA_TYPE', ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' } });
    const selected = cliJson(await respond('SELECT_MFA_TYPE', challenge.Session, 'USERNAME=choose.user,ANSWER=SMS_MFA'));
    expect(selected).toMatchObject({ ChallengeName: 'SMS_MFA', ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******0155' } });
    const texted = await latestCode(emulator.current.url, 'choose.user');
    expect(cliJson(await respond('SMS_MFA', selected.Session, `USERNAME=choose.user,SMS_MFA_CODE=${texted}`)).AuthenticationResult).toBeDefined();
  });

  it('a signed-in user: associate-software-token --access-token → verify-software-token → set-user-mfa-preference', async () => {
    const signedIn = await passwordSignIn(emulator.current.url, 'demo.user', DEMO_PASSWORD);
    const accessToken = accessTokenOf(signedIn.body);
    const associated = cliJson(await aws('associate-software-token', '--access-token', accessToken));
    expect(Object.keys(associated)).toEqual(['SecretCode']);
    const secret = String(associated.SecretCode);
    expectCliError(
      await aws('set-user-mfa-preference', '--access-token', accessToken, '--software-token-mfa-settings', 'Enabled=true,PreferredMfa=true'),
      'InvalidParameterException',
      'SetUserMFAPreference',
      'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    );
    expect(cliJson(await aws('verify-software-token', '--access-token', accessToken, '--user-code', code(secret)))).toEqual({ Status: 'SUCCESS' });
    cliJson(await aws('set-user-mfa-preference', '--access-token', accessToken, '--software-token-mfa-settings', 'Enabled=true,PreferredMfa=true'));
    const user = cliJson(await aws('get-user', '--access-token', accessToken));
    expect(user).toMatchObject({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    expect(cliJson(await signIn('demo.user')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('an administrator turns SMS MFA on: admin-set-user-mfa-preference → admin-get-user → SMS_MFA at sign-in', async () => {
    const pool = ['--user-pool-id', POOL_ID, '--username', 'phone.user'];
    cliJson(await aws('admin-set-user-mfa-preference', ...pool, '--sms-mfa-settings', 'Enabled=true,PreferredMfa=true'));
    expect(cliJson(await aws('admin-get-user', ...pool))).toMatchObject({
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
      PreferredMfaSetting: 'SMS_MFA',
      UserMFASettingList: ['SMS_MFA'],
    });
    const challenge = cliJson(await signIn('phone.user'));
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    const texted = await latestCode(emulator.current.url, 'phone.user');
    expect(cliJson(await respond('SMS_MFA', challenge.Session, `USERNAME=phone.user,SMS_MFA_CODE=${texted}`)).AuthenticationResult).toBeDefined();
  });
});
