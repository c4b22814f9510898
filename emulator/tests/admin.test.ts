import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  adminClient,
  APP_CLIENT,
  call,
  confirmWithLatestCode,
  DEMO_PASSWORD,
  expectError,
  failure,
  NEW_USER_TEMP_PASSWORD,
  outbox,
  passwordSignIn,
  POOL_ID,
  SECRET_CLIENT,
  SIGNED,
  useEmulator,
} from './helpers';

const emulator = useEmulator();
const admin = () => adminClient(emulator.current.url);
const url = () => emulator.current.url;


const userStatus = async (username: string) =>
  (await admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }))).UserStatus;

describe('AdminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user and sends the temporary password to the outbox', async () => {
    const { User } = await admin().send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'created.user',
        UserAttributes: [
          { Name: 'email', Value: 'created.user@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    expect(User).toMatchObject({ Username: 'created.user', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(User?.UserCreateDate).toBeInstanceOf(Date);
    expect(User?.Attributes?.map((attribute) => attribute.Name)).toEqual(['sub', 'email', 'email_verified']);

    const invitation = (await outbox(url())).at(-1);
    expect(invitation).toMatchObject({ kind: 'AdminCreateUser', username: 'created.user', medium: 'EMAIL', destination: 'created.user@example.com', code: null });
    const challenge = await passwordSignIn(url(), 'created.user', invitation?.temporaryPassword ?? '');
    expect(challenge.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse((challenge.body.ChallengeParameters as Record<string, string>).requiredAttributes)).toEqual(['userAttributes.name']);
  });

  it('uses a given temporary password, checked against the policy', async () => {
    const weak = await failure(
      admin().send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'weak.user', TemporaryPassword: 'weakpassword' })),
    );
    expect(weak).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have uppercase characters' });
    await admin().send(
      new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'quiet.user', TemporaryPassword: 'Quiet-Passw0rd!', MessageAction: 'SUPPRESS' }),
    );
    expect((await outbox(url())).some((message) => message.username === 'quiet.user')).toBe(false);
    expect((await passwordSignIn(url(), 'quiet.user', 'Quiet-Passw0rd!')).body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('RESEND gives a FORCE_CHANGE_PASSWORD user a new temporary password and invitation', async () => {
    const { User } = await admin().send(
      new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'new.user', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }),
    );
    expect(User).toMatchObject({ Username: 'new.user', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const invitation = (await outbox(url())).at(-1);
    expect(invitation).toMatchObject({ kind: 'AdminCreateUser', username: 'new.user', destination: 'new.user@example.com', code: null });
    expect(invitation?.temporaryPassword).not.toBe(NEW_USER_TEMP_PASSWORD);
    expect(expectError(await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD)).message).toBe('Incorrect username or password.');
    expect((await passwordSignIn(url(), 'new.user', invitation?.temporaryPassword ?? '')).body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('RESEND names an unknown user', async () => {
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'ghost', MessageAction: 'RESEND' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('RESEND refuses a user who is past the temporary password, and leaves them as they were', async () => {
    const before = (await outbox(url())).length;
    expect(
      await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user', MessageAction: 'RESEND' }))),
    ).toEqual({
      name: 'UnsupportedUserStateException',
      message: 'Resend not possible. demo.user status is not FORCE_CHANGE_PASSWORD.',
    });
    expect(await userStatus('demo.user')).toBe('CONFIRMED');
    expect((await outbox(url())).length).toBe(before);
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a duplicate username', async () => {
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' })))).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    });
  });
});

describe('AdminGetUser and unknown users or pools', () => {
  it('returns the user with timestamps as epoch seconds on the wire', async () => {
    const response = await call(url(), 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(response.body).toMatchObject({ Username: 'demo.user', Enabled: true, UserStatus: 'CONFIRMED' });
    expect(typeof response.body.UserCreateDate).toBe('number');
    expect(Math.abs(Number(response.body.UserCreateDate) * 1000 - emulator.current.clock.now())).toBeLessThan(60_000);
  });

  it('names an unknown user', async () => {
    expect(await failure(admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'ghost' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('names an unknown pool', async () => {
    expect(await failure(admin().send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Nope', Username: 'demo.user' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope does not exist.',
    });
  });
});

describe('AdminSetUserPassword', () => {
  it('--permanent confirms the user with the new password', async () => {
    await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'new.user', Password: 'Perm-Passw0rd!', Permanent: true }));
    expect(await userStatus('new.user')).toBe('CONFIRMED');
    expect((await passwordSignIn(url(), 'new.user', 'Perm-Passw0rd!')).body.AuthenticationResult).toBeDefined();
  });

  it('--no-permanent makes it a temporary password', async () => {
    await admin().send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'demo.user', Password: 'Temp-Passw0rd9!', Permanent: false }));
    expect(await userStatus('demo.user')).toBe('FORCE_CHANGE_PASSWORD');
    expect((await passwordSignIn(url(), 'demo.user', 'Temp-Passw0rd9!')).body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('applies the password policy', async () => {
    const weak = await failure(
      admin().send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'demo.user', Password: 'Short1!', Permanent: true })),
    );
    expect(weak).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password not long enough' });
  });
});

describe('AdminResetUserPassword', () => {
  it('sets RESET_REQUIRED, sends a code, and the user resets with it', async () => {
    await admin().send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }));
    expect(await userStatus('demo.user')).toBe('RESET_REQUIRED');
    expect((await outbox(url())).at(-1)).toMatchObject({ kind: 'AdminResetUserPassword', username: 'demo.user', destination: 'demo.user@example.com' });
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).type).toBe('PasswordResetRequiredException');
    expect((await confirmWithLatestCode(url(), 'demo.user', 'After-Reset-Passw0rd!')).status).toBe(200);
    expect(await userStatus('demo.user')).toBe('CONFIRMED');
  });

  it('refuses a user with no verified contact until the email is marked verified', async () => {
    const refused = await failure(admin().send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'no.contact' })));
    expect(refused).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
    expect(await userStatus('no.contact')).toBe('CONFIRMED');
    await admin().send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'no.contact', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }),
    );
    await admin().send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'no.contact' }));
    expect(await userStatus('no.contact')).toBe('RESET_REQUIRED');
  });

  it('refuses a FORCE_CHANGE_PASSWORD user and a disabled user', async () => {
    expect(await failure(admin().send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'new.user' })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User password cannot be reset in the current state.',
    });
    expect(await failure(admin().send(new AdminResetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'disabled.user' })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled',
    });
  });
});

describe('AdminUpdateUserAttributes', () => {
  it('updates, deletes with a blank value, and unverifies a changed email', async () => {
    await admin().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: POOL_ID,
        Username: 'demo.user',
        UserAttributes: [
          { Name: 'email', Value: 'changed@example.com' },
          { Name: 'name', Value: '' },
          { Name: 'custom:department', Value: 'Sales' },
        ],
      }),
    );
    const { UserAttributes } = await admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }));
    const attributes = Object.fromEntries((UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]));
    expect(attributes).toMatchObject({ email: 'changed@example.com', email_verified: 'false', 'custom:department': 'Sales' });
    expect(attributes).not.toHaveProperty('name');
  });

  it('refuses sub and attributes outside the schema', async () => {
    const update = (Name: string) =>
      admin().send(new AdminUpdateUserAttributesCommand({ UserPoolId: POOL_ID, Username: 'demo.user', UserAttributes: [{ Name, Value: 'x' }] }));
    expect(await failure(update('sub'))).toEqual({ name: 'InvalidParameterException', message: 'Cannot modify the non-mutable attribute sub' });
    expect((await failure(update('custom:unknown'))).name).toBe('InvalidParameterException');
  });
});

describe('AdminDisableUser, AdminEnableUser, AdminDeleteUser', () => {
  it('disables and enables sign-in', async () => {
    await admin().send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }));
    expect(expectError(await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).message).toBe('User is disabled.');
    await admin().send(new AdminEnableUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }));
    expect((await passwordSignIn(url(), 'demo.user', DEMO_PASSWORD)).status).toBe(200);
  });

  it('deletes a user, answering with an empty body', async () => {
    const raw = await call(url(), 'AdminDeleteUser', { UserPoolId: POOL_ID, Username: 'phone.user' }, SIGNED);
    expect(raw.status).toBe(200);
    expect(await failure(admin().send(new AdminDeleteUserCommand({ UserPoolId: POOL_ID, Username: 'phone.user' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('listing and describing', () => {
  it('lists users with a filter and pages through them', async () => {
    const filtered = await admin().send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'email ^= "demo"' }));
    expect(filtered.Users?.map((user) => user.Username)).toEqual(['demo.user']);
    const byStatus = await admin().send(new ListUsersCommand({ UserPoolId: POOL_ID, Filter: 'cognito:user_status = "force_change_password"' }));
    expect(byStatus.Users?.map((user) => user.Username)).toEqual(['new.user']);

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await admin().send(new ListUsersCommand({ UserPoolId: POOL_ID, Limit: 4, PaginationToken: token }));
      seen.push(...(page.Users ?? []).map((user) => user.Username ?? ''));
      token = page.PaginationToken;
    } while (token);
    expect(seen).toEqual([
      'demo.user',
      'new.user',
      'reset.user',
      'no.contact',
      'disabled.user',
      'phone.user',
      'totp.user',
      'sms.user',
      'email.user',
      'choose.user',
    ]);
  });

  it('lists pools and clients', async () => {
    const pools = await admin().send(new ListUserPoolsCommand({ MaxResults: 10 }));
    expect(pools.UserPools?.map((pool) => pool.Id)).toEqual([POOL_ID, 'us-east-1_LocalMfa', 'us-east-1_LocalEmail', 'us-east-1_LocalAlias']);
    const clients = await admin().send(new ListUserPoolClientsCommand({ UserPoolId: POOL_ID }));
    expect(clients.UserPoolClients?.map((client) => client.ClientId)).toContain(APP_CLIENT);
  });

  it('describes the pool', async () => {
    const { UserPool } = await admin().send(new DescribeUserPoolCommand({ UserPoolId: POOL_ID }));
    expect(UserPool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
    const required = UserPool?.SchemaAttributes?.filter((attribute) => attribute.Required).map((attribute) => attribute.Name);
    expect(required).toEqual(['sub', 'name', 'email']);
    expect(UserPool?.SchemaAttributes?.some((attribute) => attribute.Name === 'custom:department')).toBe(true);
  });

  it('describes clients, with the secret only where there is one', async () => {
    const { UserPoolClient: app } = await admin().send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: APP_CLIENT }));
    expect(app).toMatchObject({ PreventUserExistenceErrors: 'ENABLED', AuthSessionValidity: 3, EnableTokenRevocation: true, RefreshTokenValidity: 30 });
    expect(app?.ClientSecret).toBeUndefined();
    const { UserPoolClient: secret } = await admin().send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT }));
    expect(secret?.ClientSecret).toMatch(/.{24,}/);
    expect(await failure(admin().send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.',
    });
  });
});
