import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  ConfirmForgotPasswordCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  adminClient,
  authenticatorCode,
  call,
  completeNewPassword,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  expectError,
  failure,
  frozenClockBase,
  interceptCognitoRequests,
  NEW_USER_TEMP_PASSWORD,
  outbox,
  passwordSignIn,
  POOL_ID,
  sendMfaCode,
  settle,
  signedIn,
  signIn,
  useEmulator,
} from './helpers';

/**
 * Pools whose users sign in with an email address (UsernameAttributes) or with an alias (AliasAttributes),
 * through the clients people use: the AWS SDK for administrators, amazon-cognito-identity-js (SRP included) for
 * users, raw calls for the wire details (docs/cognito-behaviour.md §10).
 */

const EMAIL_POOL = 'us-east-1_LocalEmail';
const EMAIL_CLIENT = 'localemailappclient0000001';
const ALIAS_POOL = 'us-east-1_LocalAlias';
const ALIAS_CLIENT = 'localaliasappclient0000001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// A frozen clock, so authenticator codes computed here stay the pool's current ones (helpers.frozenClockBase).
const emulator = useEmulator({ clockBase: frozenClockBase() });
const admin = () => adminClient(emulator.current.url);
const url = () => emulator.current.url;


const getUser = (pool: string, username: string) => admin().send(new AdminGetUserCommand({ UserPoolId: pool, Username: username }));
const attribute = (attributes: Array<{ Name?: string; Value?: string }> | undefined, name: string) =>
  attributes?.find((entry) => entry.Name === name)?.Value;
const emailSignIn = (username: string, password: string, flow?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH') =>
  signIn(url(), username, password, { clientId: EMAIL_CLIENT, poolId: EMAIL_POOL, flow });
const aliasPasswordSignIn = (username: string, password = DEMO_PASSWORD) => passwordSignIn(url(), username, password, ALIAS_CLIENT);
/** The ID token's claims, read the way amazon-cognito-identity-js reads them (no signature check). */
const claimsOf = (idToken: string) => JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the pool settings', () => {
  it('DescribeUserPool shows UsernameAttributes, AliasAttributes and CaseSensitive only where set', async () => {
    const describe = async (id: string) => (await admin().send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool;
    expect(await describe(EMAIL_POOL)).toMatchObject({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
    expect((await describe(EMAIL_POOL))?.AliasAttributes).toBeUndefined();
    expect(await describe(ALIAS_POOL)).toMatchObject({ AliasAttributes: ['email', 'phone_number', 'preferred_username'] });
    expect((await describe(ALIAS_POOL))?.UsernameAttributes).toBeUndefined();
    const demo = await describe(POOL_ID);
    expect(demo?.UsernameAttributes).toBeUndefined();
    expect(demo?.AliasAttributes).toBeUndefined();
  });
});

describe('a pool that signs in with an email address', () => {
  it('AdminCreateUser takes the address and generates the username: the sub, found by address, username or sub', async () => {
    const { User } = await admin().send(
      new AdminCreateUserCommand({
        UserPoolId: EMAIL_POOL,
        Username: 'Jane@Example.com',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        TemporaryPassword: NEW_USER_TEMP_PASSWORD,
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(User?.Username).toMatch(UUID);
    expect(attribute(User?.Attributes, 'sub')).toBe(User?.Username);
    expect(attribute(User?.Attributes, 'email')).toBe('Jane@Example.com');
    // The pool is case-insensitive: any capitalisation finds her; so do the generated username and the sub.
    for (const name of ['jane@example.com', 'JANE@EXAMPLE.COM', String(User?.Username)]) {
      expect((await getUser(EMAIL_POOL, name)).Username).toBe(User?.Username);
    }
    // ListUsers: by the email attribute; `username` is the real (generated) one, never the address.
    const byEmail = await admin().send(new ListUsersCommand({ UserPoolId: EMAIL_POOL, Filter: 'email = "Jane@Example.com"' }));
    expect(byEmail.Users?.map((user) => user.Username)).toEqual([User?.Username]);
    const byAddressAsUsername = await admin().send(new ListUsersCommand({ UserPoolId: EMAIL_POOL, Filter: 'username = "Jane@Example.com"' }));
    expect(byAddressAsUsername.Users).toEqual([]);
  });

  it('refuses a username that is not an email address, and an address another user has, with Cognito’s words', async () => {
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL, Username: 'jane' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL, Username: '+15555550199' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: EMAIL_POOL, Username: 'DEMO@example.com' })))).toEqual({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    // Changing someone's address to another user's is refused too; to a free one, it is what they sign in with.
    expect(
      await failure(
        admin().send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: EMAIL_POOL,
            Username: 'phone@example.com',
            UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }],
          }),
        ),
      ),
    ).toEqual({ name: 'AliasExistsException', message: 'An account with the given email already exists.' });
    await admin().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: EMAIL_POOL,
        Username: 'phone@example.com',
        UserAttributes: [{ Name: 'email', Value: 'renamed@example.com' }],
      }),
    );
    expect((await passwordSignIn(url(), 'renamed@example.com', DEMO_PASSWORD, EMAIL_CLIENT)).status).toBe(200);
    expect(expectError(await passwordSignIn(url(), 'phone@example.com', DEMO_PASSWORD, EMAIL_CLIENT)).message).toBe(
      'Incorrect username or password.',
    );
  });

  it('amazon-cognito-identity-js signs in unchanged with the address typed: SRP continues as USER_ID_FOR_SRP, the generated id', async () => {
    const recorded = interceptCognitoRequests();
    try {
      const outcome = await emailSignIn('Demo@Example.com', DEMO_PASSWORD);
      if (outcome.kind !== 'signedIn') throw new Error(`expected a sign-in, got ${outcome.kind}`);
      const claims = claimsOf(outcome.session.getIdToken().getJwtToken());
      const generated = String(claims['cognito:username']);
      expect(generated).toMatch(UUID);
      expect(claims).toMatchObject({ sub: generated, email: 'demo@example.com', email_verified: true });
      const [initiate, verifier] = recorded.requests;
      expect(initiate.body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'Demo@Example.com' } });
      expect(verifier).toMatchObject({ operation: 'RespondToAuthChallenge', body: { ChallengeResponses: { USERNAME: generated } } });
      expect(outcome.user.getUsername()).toBe(generated);
    } finally {
      recorded.restore();
    }
  });

  it('first sign-in with the temporary password, by SRP and by USER_PASSWORD_AUTH (which answers with the address typed)', async () => {
    const bySrp = await emailSignIn('new@example.com', NEW_USER_TEMP_PASSWORD);
    if (bySrp.kind !== 'newPasswordRequired') throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${bySrp.kind}`);
    expect(bySrp.requiredAttributes).toEqual(['name']);
    expect(bySrp.userAttributes).toMatchObject({ email: 'new@example.com' });
    expect((await completeNewPassword(bySrp.user, 'First-Passw0rd!', { name: 'New User' })).kind).toBe('signedIn');

    await admin().send(
      new AdminSetUserPasswordCommand({ UserPoolId: EMAIL_POOL, Username: 'new@example.com', Password: NEW_USER_TEMP_PASSWORD, Permanent: false }),
    );
    const recorded = interceptCognitoRequests();
    try {
      const byPassword = await emailSignIn('new@example.com', NEW_USER_TEMP_PASSWORD, 'USER_PASSWORD_AUTH');
      if (byPassword.kind !== 'newPasswordRequired') throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${byPassword.kind}`);
      expect((await completeNewPassword(byPassword.user, 'Second-Passw0rd!', {})).kind).toBe('signedIn');
      const answer = recorded.requests.find((request) => request.operation === 'RespondToAuthChallenge');
      expect(answer?.body).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeResponses: { USERNAME: 'new@example.com' } });
    } finally {
      recorded.restore();
    }
    expect((await emailSignIn('NEW@example.com', 'Second-Passw0rd!')).kind).toBe('signedIn');
  });

  it('MFA challenges carry the generated id as USER_ID_FOR_SRP, and take the answer by either name', async () => {
    const generated = (await getUser(EMAIL_POOL, 'totp@example.com')).Username;
    const bySrp = await emailSignIn('totp@example.com', DEMO_PASSWORD);
    if (bySrp.kind !== 'totpRequired') throw new Error(`expected SOFTWARE_TOKEN_MFA, got ${bySrp.kind}`);
    expect(bySrp.parameters.USER_ID_FOR_SRP).toBe(generated);
    expect((await sendMfaCode(bySrp.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET), 'SOFTWARE_TOKEN_MFA')).kind).toBe('signedIn');

    const byPassword = await emailSignIn('totp@example.com', DEMO_PASSWORD, 'USER_PASSWORD_AUTH');
    if (byPassword.kind !== 'totpRequired') throw new Error(`expected SOFTWARE_TOKEN_MFA, got ${byPassword.kind}`);
    expect(byPassword.parameters.USER_ID_FOR_SRP).toBe(generated);
    // The library answers with USERNAME = the address typed; the next step's code (one code is accepted once).
    const answered = await sendMfaCode(byPassword.user, authenticatorCode(emulator.current, DEMO_TOTP_SECRET, 30), 'SOFTWARE_TOKEN_MFA');
    expect(answered.kind).toBe('signedIn');
  });

  it('a Session answers only for its own user, whatever name the answer uses', async () => {
    const challenge = await passwordSignIn(url(), 'new@example.com', NEW_USER_TEMP_PASSWORD, EMAIL_CLIENT);
    const answer = (username: string) =>
      call(url(), 'RespondToAuthChallenge', {
        ClientId: EMAIL_CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.body.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: 'Other-Passw0rd!', 'userAttributes.name': 'New' },
      });
    expect(expectError(await answer('demo@example.com'))).toEqual({ type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect((await answer('NEW@EXAMPLE.COM')).status).toBe(200);
  });

  it('forgot password and an administrator’s reset work with the address', async () => {
    const sent = await admin().send(new ForgotPasswordCommand({ ClientId: EMAIL_CLIENT, Username: 'Demo@example.com' }));
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const message = (await outbox(url())).filter((entry) => entry.destination === 'demo@example.com' && entry.code).at(-1);
    // The outbox names the user by their username: the generated id.
    expect(message).toMatchObject({ poolId: EMAIL_POOL, kind: 'ForgotPassword', username: expect.stringMatching(UUID) });
    await admin().send(
      new ConfirmForgotPasswordCommand({
        ClientId: EMAIL_CLIENT,
        Username: 'demo@example.com',
        ConfirmationCode: String(message?.code),
        Password: 'After-Reset-Passw0rd!',
      }),
    );
    expect((await signedIn(url(), 'demo@example.com', 'After-Reset-Passw0rd!', EMAIL_CLIENT)).kind).toBe('signedIn');

    await admin().send(new AdminResetUserPasswordCommand({ UserPoolId: EMAIL_POOL, Username: 'demo@example.com' }));
    const reset = await emailSignIn('demo@example.com', 'After-Reset-Passw0rd!', 'USER_PASSWORD_AUTH');
    expect(reset).toMatchObject({ kind: 'failed', error: { code: 'PasswordResetRequiredException' } });
  });

  it('change password with the signed-in user’s session, then sign in with the address', async () => {
    const { user } = await signedIn(url(), 'demo@example.com', DEMO_PASSWORD, EMAIL_CLIENT);
    const changed = await settle<string>((callback) => user.changePassword(DEMO_PASSWORD, 'Changed-Passw0rd!', callback));
    expect(changed).toEqual({ result: 'SUCCESS' });
    expect((await emailSignIn('demo@example.com', 'Changed-Passw0rd!')).kind).toBe('signedIn');
  });
});

describe('a pool with aliases', () => {
  it('signs in with the username, a verified email, a verified phone number or the preferred_username (any case)', async () => {
    for (const name of ['alias.user', 'Alias.User@example.com', 'ALLY', '+15555550177']) {
      expect((await aliasPasswordSignIn(name)).status, name).toBe(200);
    }
    const outcome = await signIn(url(), 'ally', DEMO_PASSWORD, { clientId: ALIAS_CLIENT, poolId: ALIAS_POOL });
    if (outcome.kind !== 'signedIn') throw new Error(`expected a sign-in, got ${outcome.kind}`);
    expect(outcome.user.getUsername()).toBe('alias.user');
  });

  it('an email alias signs in only once verified', async () => {
    const refused = expectError(await aliasPasswordSignIn('unverified.alias@example.com'));
    expect(refused).toEqual({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect((await aliasPasswordSignIn('unverified.alias')).status).toBe(200);
    await admin().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ALIAS_POOL,
        Username: 'unverified.alias',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    expect((await aliasPasswordSignIn('unverified.alias@example.com')).status).toBe(200);
  });

  it('refuses usernames shaped like an alias', async () => {
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: ALIAS_POOL, Username: 'jo@example.com' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
    expect(await failure(admin().send(new AdminCreateUserCommand({ UserPoolId: ALIAS_POOL, Username: '+15555550100' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    });
  });

  it('a verified alias names one user: AliasExistsException, or ForceAliasCreation moves it', async () => {
    const claim = (username: string, force?: boolean) =>
      admin().send(
        new AdminCreateUserCommand({
          UserPoolId: ALIAS_POOL,
          Username: username,
          UserAttributes: [
            { Name: 'email', Value: 'alias.user@example.com' },
            { Name: 'email_verified', Value: 'true' },
          ],
          MessageAction: 'SUPPRESS',
          ForceAliasCreation: force,
        }),
      );
    expect(await failure(claim('second.user'))).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    // Unverified, the same address is no one's alias and may be shared.
    await admin().send(
      new AdminCreateUserCommand({
        UserPoolId: ALIAS_POOL,
        Username: 'shared.address',
        UserAttributes: [{ Name: 'email', Value: 'alias.user@example.com' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    await claim('second.user', true);
    expect((await getUser(ALIAS_POOL, 'alias.user@example.com')).Username).toBe('second.user');
    expect(attribute((await getUser(ALIAS_POOL, 'alias.user')).UserAttributes, 'email_verified')).toBe('false');
  });

  it('AdminUpdateUserAttributes moves a verified alias; a taken preferred_username is AliasExistsException', async () => {
    await admin().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ALIAS_POOL,
        Username: 'phone.alias',
        UserAttributes: [
          { Name: 'email', Value: 'ALIAS.USER@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    expect((await getUser(ALIAS_POOL, 'alias.user@example.com')).Username).toBe('phone.alias');
    expect(attribute((await getUser(ALIAS_POOL, 'alias.user')).UserAttributes, 'email_verified')).toBe('false');
    expect(
      await failure(
        admin().send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: ALIAS_POOL,
            Username: 'phone.alias',
            UserAttributes: [{ Name: 'preferred_username', Value: 'Ally' }],
          }),
        ),
      ),
    ).toEqual({ name: 'AliasExistsException', message: 'An account with the given preferred_username already exists.' });
  });

  it('VerifyUserAttribute with the right code for another user’s verified alias is AliasExistsException', async () => {
    await admin().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ALIAS_POOL,
        Username: 'unverified.alias',
        UserAttributes: [{ Name: 'email', Value: 'alias.user@example.com' }],
      }),
    );
    const { session } = await signedIn(url(), 'unverified.alias', DEMO_PASSWORD, ALIAS_CLIENT);
    const accessToken = session.getAccessToken().getJwtToken();
    expect((await call(url(), 'GetUserAttributeVerificationCode', { AccessToken: accessToken, AttributeName: 'email' })).status).toBe(200);
    const code = (await outbox(url())).filter((entry) => entry.username === 'unverified.alias' && entry.code).at(-1)?.code;
    const verify = await call(url(), 'VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: code });
    expect(expectError(verify)).toEqual({ type: 'AliasExistsException', message: 'An account with the given email already exists.' });
    expect((await getUser(ALIAS_POOL, 'alias.user@example.com')).Username).toBe('alias.user');
  });
});

describe('pools that sign in with a phone number, or with either', () => {
  const policy = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
  const client = (id: string) => ({ ClientId: id, ClientName: id, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH' as const], PreventUserExistenceErrors: 'LEGACY' as const });
  const phones = useEmulator({
    seed: {
      UserPools: [
        { Id: 'us-east-1_LocalPhone', Name: 'phone', UsernameAttributes: ['phone_number'], PasswordPolicy: policy, Clients: [client('phoneclient')] },
        {
          Id: 'us-east-1_LocalEither',
          Name: 'either',
          UsernameConfiguration: { CaseSensitive: true },
          UsernameAttributes: ['email', 'phone_number'],
          PasswordPolicy: policy,
          Clients: [client('eitherclient')],
          Users: [{ Username: 'Kim@example.com', Password: DEMO_PASSWORD, Attributes: { phone_number: '+15555550188' } }],
        },
      ],
    },
  });
  const phoneAdmin = () => adminClient(phones.current.url);

  it('a phone pool takes +-and-digits numbers as usernames and signs in with them; anything else is refused', async () => {
    const create = (username: string) =>
      phoneAdmin().send(
        new AdminCreateUserCommand({ UserPoolId: 'us-east-1_LocalPhone', Username: username, TemporaryPassword: NEW_USER_TEMP_PASSWORD, MessageAction: 'SUPPRESS' }),
      );
    expect(await failure(create('jane@example.com'))).toEqual({ name: 'InvalidParameterException', message: 'Username should be a phone number.' });
    expect(await failure(create('+1-555-555-0100'))).toEqual({ name: 'InvalidParameterException', message: 'Username should be a phone number.' });
    const { User } = await create('+15555550100');
    expect(User?.Username).toMatch(UUID);
    expect(attribute(User?.Attributes, 'phone_number')).toBe('+15555550100');
    expect(await failure(create('+15555550100'))).toEqual({
      name: 'UsernameExistsException',
      message: 'An account with the given phone_number already exists.',
    });
    const challenge = await passwordSignIn(phones.current.url, '+15555550100', NEW_USER_TEMP_PASSWORD, 'phoneclient');
    expect(challenge.body).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { USER_ID_FOR_SRP: User?.Username } });
  });

  it('a pool of both takes either, each unique, and a case-sensitive pool matches the address exactly', async () => {
    const signInAs = (name: string) => passwordSignIn(phones.current.url, name, DEMO_PASSWORD, 'eitherclient');
    expect((await signInAs('Kim@example.com')).status).toBe(200);
    expect((await signInAs('+15555550188')).status).toBe(200);
    // LEGACY client: an unknown name is named as such (§6).
    expect(expectError(await signInAs('kim@example.com'))).toEqual({ type: 'UserNotFoundException', message: 'User does not exist.' });
    expect(
      await failure(phoneAdmin().send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_LocalEither', Username: 'kim' }))),
    ).toEqual({ name: 'InvalidParameterException', message: 'Username should be either an email or a phone number.' });
    expect(
      await failure(
        phoneAdmin().send(
          new AdminCreateUserCommand({
            UserPoolId: 'us-east-1_LocalEither',
            Username: 'lee@example.com',
            UserAttributes: [{ Name: 'phone_number', Value: '+15555550188' }],
          }),
        ),
      ),
    ).toEqual({ name: 'UsernameExistsException', message: 'An account with the given phone_number already exists.' });
  });
});
