import {
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  adminClient,
  call,
  DEMO_PASSWORD,
  expectError,
  failure,
  MFA_POOL_ID,
  passwordSignIn,
  POOL_ID,
  SIGNED,
  useEmulator,
} from './helpers';

/** SetUserPoolMfaConfig / GetUserPoolMfaConfig and DescribeUserPool's MfaConfiguration (docs/cognito-behaviour.md, MFA, M1–M3). */

const emulator = useEmulator();
const admin = () => adminClient(emulator.current.url);
const url = () => emulator.current.url;


const getConfig = async (poolId = POOL_ID) => {
  const { $metadata: _metadata, ...config } = await admin().send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  return config;
};
const setConfig = (input: Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>, poolId = POOL_ID) =>
  admin().send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...input }));
const describedMfa = async (poolId = POOL_ID) =>
  (await admin().send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.MfaConfiguration;

const ALL_OFF = "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.";
const OFF_WITH_FACTOR = "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.";

describe('the seeded MFA configuration', () => {
  it('offers SMS, authenticator and email codes in the demo pool, as OPTIONAL', async () => {
    expect(await getConfig()).toEqual({
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: {},
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: {},
    });
    expect(await describedMfa()).toBe('OPTIONAL');
  });

  it('requires an authenticator app in the MFA pool', async () => {
    expect(await getConfig(MFA_POOL_ID)).toEqual({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect(await describedMfa(MFA_POOL_ID)).toBe('ON');
  });
});

describe('SetUserPoolMfaConfig', () => {
  it('replaces the whole configuration and answers with it', async () => {
    const answer = await setConfig({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect(answer).toMatchObject({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect(answer.SmsMfaConfiguration).toBeUndefined();
    expect(await getConfig()).toEqual({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect(await describedMfa()).toBe('ON');
  });

  it('keeps message templates, the SNS settings and WebAuthn as given', async () => {
    const config = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Your code is {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sns-caller', ExternalId: 'local', SnsRegion: 'us-east-1' },
      },
      EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Sign-in code' },
      WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' as const },
    };
    await setConfig(config);
    expect(await getConfig()).toEqual(config);
  });

  it('turns MFA off, and then nothing is asked at sign-in', async () => {
    await setConfig({ MfaConfiguration: 'OFF' });
    expect(await getConfig()).toEqual({ MfaConfiguration: 'OFF' });
    const signedIn = await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD);
    expect(signedIn.body.AuthenticationResult).toBeDefined();
  });

  it('accepts OFF with an authenticator block that is not enabled', async () => {
    await setConfig({ MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } });
    expect(await describedMfa()).toBe('OFF');
  });

  it.each<[string, Omit<SetUserPoolMfaConfigCommandInput, 'UserPoolId'>, string]>([
    ['ON with no factor', { MfaConfiguration: 'ON' }, ALL_OFF],
    ['OPTIONAL with the authenticator turned off', { MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: false } }, ALL_OFF],
    ['OFF with the authenticator on', { MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true } }, OFF_WITH_FACTOR],
    ['OFF with SMS', { MfaConfiguration: 'OFF', SmsMfaConfiguration: {} }, OFF_WITH_FACTOR],
    ['OFF with email', { MfaConfiguration: 'OFF', EmailMfaConfiguration: {} }, OFF_WITH_FACTOR],
    ['a factor without MfaConfiguration (OFF)', { SoftwareTokenMfaConfiguration: { Enabled: true } }, OFF_WITH_FACTOR],
  ])('refuses %s and keeps the configuration', async (_case, input, message) => {
    expect(await failure(setConfig(input))).toEqual({ name: 'InvalidParameterException', message });
    expect((await getConfig()).MfaConfiguration).toBe('OPTIONAL');
  });

  it('checks message templates against the model', async () => {
    const noPlaceholder = await failure(
      setConfig({ MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is here' } }),
    );
    expect(noPlaceholder).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'Your code is here' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*",
    });
    const tooShort = await failure(setConfig({ MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'code' } }));
    // §0.6: every constraint a member breaks is listed, its length before its pattern.
    expect(tooShort.message).toBe(
      "2 validation errors detected: Value 'code' at 'emailMfaConfiguration.message' failed to satisfy constraint: Member must have length greater than or equal to 6; " +
        "Value 'code' at 'emailMfaConfiguration.message' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*",
    );
  });

  it('refuses an unknown MfaConfiguration value over the wire', async () => {
    const response = await call(url(), 'SetUserPoolMfaConfig', { UserPoolId: POOL_ID, MfaConfiguration: 'REQUIRED' }, SIGNED);
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'REQUIRED' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]",
    });
  });

  it('leaves the users’ own MFA settings alone: they apply again when the pool offers the factor again', async () => {
    await setConfig({ MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {} });
    expect((await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
    await setConfig({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect((await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD)).body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('goes back to the seed on reset', async () => {
    await setConfig({ MfaConfiguration: 'OFF' });
    emulator.current.reset();
    expect((await getConfig()).MfaConfiguration).toBe('OPTIONAL');
  });
});

describe('both operations are admin operations', () => {
  it.each(['SetUserPoolMfaConfig', 'GetUserPoolMfaConfig'])('%s refuses an unsigned call', async (operation) => {
    const response = await call(url(), operation, { UserPoolId: POOL_ID, MfaConfiguration: 'OFF' });
    expect(expectError(response)).toEqual({ type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
  });

  it.each(['SetUserPoolMfaConfig', 'GetUserPoolMfaConfig'])('%s names an unknown pool', async (operation) => {
    const response = await call(url(), operation, { UserPoolId: 'us-east-1_Nope', MfaConfiguration: 'OFF' }, SIGNED);
    expect(expectError(response)).toEqual({ type: 'ResourceNotFoundException', message: 'User pool us-east-1_Nope does not exist.' });
  });
});
