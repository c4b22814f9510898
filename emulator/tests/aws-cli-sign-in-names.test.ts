import { describe, expect, it } from 'vitest';
import { awsCli, cliJson, expectCliError } from './aws-cli-helpers';
import { DEMO_PASSWORD, NEW_USER_TEMP_PASSWORD, outbox, useEmulator } from './helpers';

/**
 * Pools that sign in with an email address, or with aliases, driven by the AWS CLI as an administrator and a
 * script would (docs/cognito-behaviour.md §10). Each scenario keeps to its own users, so they run concurrently.
 */

const emulator = useEmulator({ resetBeforeEach: false });
const aws = (...args: string[]) => awsCli(emulator.current.url, ...args);

const EMAIL_POOL = ['--user-pool-id', 'us-east-1_LocalEmail'];
const EMAIL_CLIENT = 'localemailappclient0000001';
const ALIAS_POOL = ['--user-pool-id', 'us-east-1_LocalAlias'];
const ALIAS_CLIENT = 'localaliasappclient0000001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const passwordSignIn = (clientId: string, username: string, password: string) =>
  aws('initiate-auth', '--client-id', clientId, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=${username},PASSWORD=${password}`);

describe.concurrent('the AWS CLI against pools that sign in with an email address or an alias', { timeout: 60_000 }, () => {
  it('describe-user-pool shows what users sign in with', async () => {
    const email = cliJson(await aws('describe-user-pool', ...EMAIL_POOL)).UserPool as Record<string, unknown>;
    expect(email).toMatchObject({ UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
    const alias = cliJson(await aws('describe-user-pool', ...ALIAS_POOL)).UserPool as Record<string, unknown>;
    expect(alias.AliasAttributes).toEqual(['email', 'phone_number', 'preferred_username']);
  });

  it('admin-create-user --username <email> → first sign-in with the email → list-users --filter email', async () => {
    const created = cliJson(
      await aws('admin-create-user', ...EMAIL_POOL, '--username', 'cli.jane@example.com', '--temporary-password', NEW_USER_TEMP_PASSWORD,
        '--user-attributes', 'Name=email_verified,Value=true', 'Name=name,Value=Jane', '--message-action', 'SUPPRESS'),
    ).User as { Username: string; Attributes: Array<{ Name: string; Value: string }> };
    expect(created.Username).toMatch(UUID);
    expect(created.Attributes).toContainEqual({ Name: 'email', Value: 'cli.jane@example.com' });

    const challenge = cliJson(await passwordSignIn(EMAIL_CLIENT, 'CLI.Jane@example.com', NEW_USER_TEMP_PASSWORD));
    expect(challenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { USER_ID_FOR_SRP: created.Username } });
    const answered = cliJson(
      await aws('respond-to-auth-challenge', '--client-id', EMAIL_CLIENT, '--challenge-name', 'NEW_PASSWORD_REQUIRED',
        '--session', String(challenge.Session), '--challenge-responses', 'USERNAME=cli.jane@example.com,NEW_PASSWORD=Cli-Jane-Passw0rd!'),
    );
    expect(answered.AuthenticationResult).toMatchObject({ TokenType: 'Bearer' });
    expect(cliJson(await passwordSignIn(EMAIL_CLIENT, 'cli.jane@example.com', 'Cli-Jane-Passw0rd!')).AuthenticationResult).toBeDefined();

    const listed = cliJson(await aws('list-users', ...EMAIL_POOL, '--filter', 'email = "cli.jane@example.com"')).Users as Array<{ Username: string }>;
    expect(listed.map((user) => user.Username)).toEqual([created.Username]);
    const got = cliJson(await aws('admin-get-user', ...EMAIL_POOL, '--username', 'cli.jane@example.com'));
    expect(got.Username).toBe(created.Username);
  });

  it('refuses a username that is not an email address, and an address in use', async () => {
    expectCliError(
      await aws('admin-create-user', ...EMAIL_POOL, '--username', 'jane'),
      'InvalidParameterException',
      'AdminCreateUser',
      'Username should be an email.',
    );
    expectCliError(
      await aws('admin-create-user', ...EMAIL_POOL, '--username', 'Demo@Example.com'),
      'UsernameExistsException',
      'AdminCreateUser',
      'An account with the given email already exists.',
    );
  });

  it('forgot-password by email → the code from the outbox → confirm-forgot-password → sign in', async () => {
    const sent = cliJson(await aws('forgot-password', '--client-id', EMAIL_CLIENT, '--username', 'phone@example.com'));
    // phone@example.com's email is not verified; the code goes to the verified phone (§4.3).
    expect(sent.CodeDeliveryDetails).toEqual({ Destination: '+*******0166', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    const code = (await outbox(emulator.current.url)).filter((message) => message.destination === '+15555550166' && message.code).at(-1)?.code;
    cliJson(
      await aws('confirm-forgot-password', '--client-id', EMAIL_CLIENT, '--username', 'PHONE@example.com', '--confirmation-code', String(code),
        '--password', 'Cli-Phone-Passw0rd!'),
    );
    expect(cliJson(await passwordSignIn(EMAIL_CLIENT, 'phone@example.com', 'Cli-Phone-Passw0rd!')).AuthenticationResult).toBeDefined();
  });

  it('an alias that is not yet verified is refused, then accepted once verified', async () => {
    expectCliError(
      await passwordSignIn(ALIAS_CLIENT, 'unverified.alias@example.com', DEMO_PASSWORD),
      'NotAuthorizedException',
      'InitiateAuth',
      'Incorrect username or password.',
    );
    cliJson(
      await aws('admin-update-user-attributes', ...ALIAS_POOL, '--username', 'unverified.alias',
        '--user-attributes', 'Name=email_verified,Value=true'),
    );
    expect(cliJson(await passwordSignIn(ALIAS_CLIENT, 'unverified.alias@example.com', DEMO_PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it('a verified alias another user has: AliasExistsException', async () => {
    expectCliError(
      await aws('admin-create-user', ...ALIAS_POOL, '--username', 'cli.second', '--message-action', 'SUPPRESS',
        '--user-attributes', 'Name=email,Value=alias.user@example.com', 'Name=email_verified,Value=true'),
      'AliasExistsException',
      'AdminCreateUser',
      'An account with the given email already exists.',
    );
    expectCliError(
      await aws('admin-create-user', ...ALIAS_POOL, '--username', 'cli@example.com'),
      'InvalidParameterException',
      'AdminCreateUser',
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
  });
});
