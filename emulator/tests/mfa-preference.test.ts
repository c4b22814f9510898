import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  GetUserCommand,
  SetUserMFAPreferenceCommand,
  type AdminSetUserMFAPreferenceCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  adminClient,
  APP_CLIENT,
  authenticatorCode,
  call,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  expectError,
  failure,
  frozenClockBase,
  passwordSignIn,
  POOL_ID,
  SIGNED,
  useEmulator,
} from './helpers';

/** SetUserMFAPreference, AdminSetUserMFAPreference and the MFA members of GetUser / AdminGetUser (docs/cognito-behaviour.md, MFA, M13–M14). */

const emulator = useEmulator({ clockBase: frozenClockBase() });
const url = () => emulator.current.url;
const admin = () => adminClient(emulator.current.url);

type Settings = Omit<AdminSetUserMFAPreferenceCommandInput, 'UserPoolId' | 'Username'>;
const setPreference = (username: string, settings: Settings) =>
  admin().send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: POOL_ID, Username: username, ...settings }));


/** What AdminGetUser says about the user's MFA: the three members, absent ones left out. */
async function mfaOf(username: string) {
  const user = await admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }));
  const { MFAOptions, PreferredMfaSetting, UserMFASettingList } = user;
  return Object.fromEntries(Object.entries({ MFAOptions, PreferredMfaSetting, UserMFASettingList }).filter(([, value]) => value !== undefined));
}

describe('what GetUser and AdminGetUser report', () => {
  it('leaves the MFA members out for a user without factors (raw wire)', async () => {
    const response = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(Object.keys(response.body)).not.toContain('UserMFASettingList');
    expect(Object.keys(response.body)).not.toContain('PreferredMfaSetting');
    expect(Object.keys(response.body)).not.toContain('MFAOptions');
  });

  it('reports the seeded factors, with the legacy MFAOptions entry for SMS', async () => {
    expect(await mfaOf('totp.user')).toEqual({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    expect(await mfaOf('sms.user')).toEqual({
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
      UserMFASettingList: ['SMS_MFA'],
    });
    expect(await mfaOf('email.user')).toEqual({ UserMFASettingList: ['EMAIL_OTP'] });
    expect((await mfaOf('choose.user')).UserMFASettingList).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
  });

  it('reports the same in GetUser, with the user’s own AccessToken', async () => {
    const challenge = await passwordSignIn(url(), 'totp.user', DEMO_PASSWORD);
    const answered = await call(url(), 'RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: APP_CLIENT,
      Session: challenge.body.Session,
      ChallengeResponses: { USERNAME: 'totp.user', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(emulator.current, DEMO_TOTP_SECRET) },
    });
    const accessToken = String((answered.body.AuthenticationResult as Record<string, unknown>).AccessToken);
    const user = await admin().send(new GetUserCommand({ AccessToken: accessToken }));
    expect(user).toMatchObject({ Username: 'totp.user', PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
  });
});

describe('AdminSetUserMFAPreference', () => {
  it('turns SMS on for a user with a phone number, and the next sign-in asks for a code', async () => {
    await setPreference('phone.user', { SMSMfaSettings: { Enabled: true } });
    expect(await mfaOf('phone.user')).toEqual({
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
      UserMFASettingList: ['SMS_MFA'],
    });
    expect((await passwordSignIn(url(), 'phone.user', DEMO_PASSWORD)).body.ChallengeName).toBe('SMS_MFA');
  });

  it('moves, keeps and clears the preference as Cognito does', async () => {
    await setPreference('choose.user', { SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(await mfaOf('choose.user')).toMatchObject({ PreferredMfaSetting: 'SMS_MFA' });
    // Preferring another factor takes the preference away from the first.
    await setPreference('choose.user', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(await mfaOf('choose.user')).toMatchObject({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    // Enabled alone keeps the preference where it is.
    await setPreference('choose.user', { SoftwareTokenMfaSettings: { Enabled: true }, SMSMfaSettings: { Enabled: true } });
    expect(await mfaOf('choose.user')).toMatchObject({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    // PreferredMfa false clears it; the factor stays on.
    await setPreference('choose.user', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false } });
    expect(await mfaOf('choose.user')).toEqual({
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    });
    // Turning a preferred factor off takes its preference with it.
    await setPreference('choose.user', { SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    await setPreference('choose.user', { SMSMfaSettings: { Enabled: false } });
    expect(await mfaOf('choose.user')).toEqual({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    await setPreference('choose.user', { SoftwareTokenMfaSettings: { Enabled: false } });
    expect(await mfaOf('choose.user')).toEqual({});
    expect((await passwordSignIn(url(), 'choose.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
  });

  it('turns email MFA on and off', async () => {
    await setPreference('demo.user', { EmailMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(await mfaOf('demo.user')).toEqual({ PreferredMfaSetting: 'EMAIL_OTP', UserMFASettingList: ['EMAIL_OTP'] });
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).body.ChallengeName).toBe('EMAIL_OTP');
    await setPreference('demo.user', { EmailMfaSettings: { Enabled: false } });
    expect(await mfaOf('demo.user')).toEqual({});
  });

  it.each<[string, string, Settings, string]>([
    ['an authenticator that was never verified', 'demo.user', { SoftwareTokenMfaSettings: { Enabled: true } }, 'SOFTWARE_TOKEN_MFA'],
    ['SMS without a phone number', 'demo.user', { SMSMfaSettings: { Enabled: true } }, 'SMS_MFA'],
    ['email without an email address', 'no.email', { EmailMfaSettings: { Enabled: true } }, 'EMAIL_OTP'],
  ])('refuses %s', async (_case, username, settings, factor) => {
    if (username === 'no.email') {
      await call(url(), 'AdminCreateUser', { UserPoolId: POOL_ID, Username: 'no.email', MessageAction: 'SUPPRESS' }, SIGNED);
    }
    expect(await failure(setPreference(username, settings))).toEqual({
      name: 'InvalidParameterException',
      message: `User does not have delivery config set to turn on ${factor}`,
    });
  });

  it('refuses two preferred factors and changes nothing', async () => {
    const refused = await failure(
      setPreference('choose.user', { SMSMfaSettings: { Enabled: true, PreferredMfa: true }, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    expect(refused.name).toBe('InvalidParameterException');
    expect(await mfaOf('choose.user')).not.toHaveProperty('PreferredMfaSetting');
  });

  it('checks everything before changing anything', async () => {
    const refused = await failure(setPreference('demo.user', { EmailMfaSettings: { Enabled: true }, SMSMfaSettings: { Enabled: true } }));
    expect(refused.message).toBe('User does not have delivery config set to turn on SMS_MFA');
    expect(await mfaOf('demo.user')).toEqual({});
  });

  it('is an admin operation: unsigned calls and unknown users are refused', async () => {
    const unsigned = await call(url(), 'AdminSetUserMFAPreference', { UserPoolId: POOL_ID, Username: 'demo.user', SMSMfaSettings: { Enabled: false } });
    expect(expectError(unsigned)).toEqual({ type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
    expect(await failure(setPreference('nobody.here', { SMSMfaSettings: { Enabled: false } }))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('SetUserMFAPreference', () => {
  it('sets the signed-in user’s own preference (AWS SDK), answered with an empty body', async () => {
    const signedIn = await passwordSignIn(url(), 'phone.user', DEMO_PASSWORD);
    const accessToken = String((signedIn.body.AuthenticationResult as Record<string, unknown>).AccessToken);
    const raw = await call(url(), 'SetUserMFAPreference', { AccessToken: accessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(raw.body).toEqual({});
    await admin().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    expect(await mfaOf('phone.user')).toMatchObject({ PreferredMfaSetting: 'SMS_MFA', UserMFASettingList: ['SMS_MFA'] });
  });

  it('needs a valid AccessToken', async () => {
    const response = await call(url(), 'SetUserMFAPreference', { AccessToken: 'not-a-token', SMSMfaSettings: { Enabled: true } });
    expect(expectError(response)).toEqual({ type: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});
