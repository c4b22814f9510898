import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  adminClient,
  APP_CLIENT,
  call,
  expectError,
  extendedSeed,
  failure,
  NEW_USER_TEMP_PASSWORD,
  passwordSignIn,
  POOL_ID,
  SIGNED,
  useEmulator,
} from './helpers';

/**
 * docs/cognito-behaviour.md §4.12: attributes outside the pool schema are all named in one answer, each on its
 * own line; §4.16: ListUsers refuses AttributesToGet naming an attribute the pool does not have.
 */

const emulator = useEmulator();
const url = () => emulator.current.url;
const admin = () => adminClient(url());

const attributes = (pairs: Record<string, string>) => Object.entries(pairs).map(([Name, Value]) => ({ Name, Value }));

describe('attributes outside the schema, every one named', () => {
  it('AdminCreateUser answers in the form SignUp does, and creates nobody', async () => {
    const response = await call(
      url(),
      'AdminCreateUser',
      {
        UserPoolId: POOL_ID,
        Username: 'schema.user',
        UserAttributes: attributes({ 'custom:shoe_size': '44', email: 'schema.user@example.com', favourite_colour: 'blue' }),
        MessageAction: 'SUPPRESS',
      },
      SIGNED,
    );
    expect(response.status).toBe(400);
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: custom:shoe_size: Attribute does not exist in the schema.\n' +
        'favourite_colour: Attribute does not exist in the schema.\n',
    });
    expect(await failure(admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'schema.user' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('AdminUpdateUserAttributes answers in the form UpdateUserAttributes does, names each once, and changes nothing', async () => {
    const response = await call(
      url(),
      'AdminUpdateUserAttributes',
      {
        UserPoolId: POOL_ID,
        Username: 'demo.user',
        UserAttributes: attributes({ name: 'Changed', 'custom:a': '1', nickname_2: 'x' }).concat({ Name: 'custom:a', Value: '2' }),
      },
      SIGNED,
    );
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message: 'user.custom:a: Attribute does not exist in the schema.\nuser.nickname_2: Attribute does not exist in the schema.\n',
    });
    const { UserAttributes } = await admin().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }));
    expect(UserAttributes?.find((attribute) => attribute.Name === 'name')?.Value).not.toBe('Changed');
  });

  it('an unknown attribute is reported before an immutable one sent in the same call', async () => {
    const response = await call(
      url(),
      'AdminUpdateUserAttributes',
      { UserPoolId: POOL_ID, Username: 'demo.user', UserAttributes: attributes({ sub: 'x', 'custom:nope': 'y' }) },
      SIGNED,
    );
    expect(expectError(response).message).toBe('user.custom:nope: Attribute does not exist in the schema.\n');
  });

  it('the NEW_PASSWORD_REQUIRED answer names every unknown attribute, and the challenge can be answered again', async () => {
    const challenge = await passwordSignIn(url(), 'new.user', NEW_USER_TEMP_PASSWORD);
    expect(challenge.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answer = (extra: Record<string, string>) =>
      call(url(), 'RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: APP_CLIENT,
        Session: challenge.body.Session,
        ChallengeResponses: { USERNAME: 'new.user', NEW_PASSWORD: 'Brand-New-Passw0rd!', 'userAttributes.name': 'New User', ...extra },
      });
    const refused = await answer({ 'userAttributes.shoe_size': '44', 'userAttributes.email_verified': 'true', 'userAttributes.custom:x': '1' });
    expect(expectError(refused)).toEqual({
      type: 'InvalidParameterException',
      message: 'user.shoe_size: Attribute does not exist in the schema.\nuser.custom:x: Attribute does not exist in the schema.\n',
    });
    // The error header carries the message on one line: the newlines become '?'.
    expect(refused.headers.get('x-amzn-errormessage')).toBe(
      'user.shoe_size: Attribute does not exist in the schema.?user.custom:x: Attribute does not exist in the schema.?',
    );
    expect((await answer({})).body.AuthenticationResult).toBeDefined();
  });
});

describe('ListUsers AttributesToGet', () => {
  it('refuses an attribute the pool does not have', async () => {
    expect(
      await failure(admin().send(new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['email', 'custom:shoe_size'] }))),
    ).toEqual({ name: 'InvalidParameterException', message: 'One or more requested attributes do not exist.' });
  });

  it('lists the attributes asked for when the pool has them', async () => {
    const { Users } = await admin().send(
      new ListUsersCommand({ UserPoolId: POOL_ID, AttributesToGet: ['email'], Filter: 'username = "demo.user"' }),
    );
    expect(Users?.[0].Attributes).toEqual([{ Name: 'email', Value: 'demo.user@example.com' }]);
  });
});

describe('an immutable custom attribute (§4.12)', () => {
  const seed = extendedSeed();
  seed.UserPools[0].CustomAttributes = [{ Name: 'employee_id', AttributeDataType: 'String', Mutable: false }];
  const withImmutable = useEmulator({ seed });
  const adminOf = () => adminClient(withImmutable.current.url);

  it('takes its value when AdminCreateUser makes the user, and refuses any later change', async () => {
    await adminOf().send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: 'badge.user',
        UserAttributes: attributes({ email: 'badge.user@example.com', name: 'Badge', 'custom:employee_id': 'E-1024' }),
        MessageAction: 'SUPPRESS',
      }),
    );
    const made = await adminOf().send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'badge.user' }));
    expect(made.UserAttributes).toContainEqual({ Name: 'custom:employee_id', Value: 'E-1024' });

    expect(
      await failure(
        adminOf().send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: POOL_ID,
            Username: 'badge.user',
            UserAttributes: attributes({ 'custom:employee_id': 'E-2048' }),
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Cannot modify the non-mutable attribute custom:employee_id' });
  });

  it('still refuses sub when the user is made', async () => {
    expect(
      await failure(
        adminOf().send(
          new AdminCreateUserCommand({
            UserPoolId: POOL_ID,
            Username: 'sub.user',
            UserAttributes: attributes({ email: 'sub.user@example.com', name: 'Sub', sub: '00000000-0000-4000-8000-000000000000' }),
            MessageAction: 'SUPPRESS',
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Cannot modify the non-mutable attribute sub' });
  });
});
