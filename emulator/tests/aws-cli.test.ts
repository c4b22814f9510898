import { describe, expect, it } from 'vitest';
import { awsCli, cliJson, expectCliError, type CliResult } from './aws-cli-helpers';
import { APP_CLIENT, DEMO_PASSWORD, POOL_ID, SIGNED, call, latestCode, outbox, passwordSignIn, useEmulator } from './helpers';

/**
 * AWS's walk-through of resetting and changing a Cognito password, command for command, with the AWS CLI
 * (`.ci/run` installs it; on a workstation: `apt-get install awscli`). The CLI signs the admin commands with
 * the dummy credentials below and sends the others unsigned (§0.4).
 */

// The scenarios run concurrently (each CLI call starts a Python process) and each keeps to its own seeded user.
const emulator = useEmulator({ resetBeforeEach: false });

const aws = (...args: string[]): Promise<CliResult> => awsCli(emulator.current.url, ...args);
const json = cliJson;

const pool = ['--user-pool-id', POOL_ID];

describe.concurrent('the AWS CLI against the local user pool', { timeout: 30_000 }, () => {
  it('admin reset → PasswordResetRequiredException → code → confirm-forgot-password', async () => {
    json(await aws('admin-reset-user-password', ...pool, '--username', 'demo.user'));
    expectCliError(
      await aws('initiate-auth', '--client-id', APP_CLIENT, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=demo.user,PASSWORD=${DEMO_PASSWORD}`),
      'PasswordResetRequiredException',
      'InitiateAuth',
      'Password reset required for the user',
    );
    const code = await latestCode(emulator.current.url, 'demo.user');
    json(await aws('confirm-forgot-password', '--client-id', APP_CLIENT, '--username', 'demo.user', '--confirmation-code', code, '--password', 'After-Reset-Passw0rd!'));
    // Each CLI call costs a Python start-up; the checks of the outcome go over plain HTTP.
    expect((await passwordSignIn(emulator.current.url, 'demo.user', 'After-Reset-Passw0rd!')).status).toBe(200);
  });

  it('temporary password → NEW_PASSWORD_REQUIRED → respond-to-auth-challenge → change-password', async () => {
    json(await aws('admin-set-user-password', ...pool, '--username', 'phone.user', '--password', 'Temp-Passw0rd9!', '--no-permanent'));
    const challenge = json(
      await aws('initiate-auth', '--client-id', APP_CLIENT, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', 'USERNAME=phone.user,PASSWORD=Temp-Passw0rd9!'),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = json(
      await aws(
        'respond-to-auth-challenge',
        '--client-id', APP_CLIENT,
        '--challenge-name', 'NEW_PASSWORD_REQUIRED',
        '--session', String(challenge.Session),
        '--challenge-responses', 'USERNAME=phone.user,NEW_PASSWORD=First-Own-Passw0rd!',
      ),
    );
    const accessToken = String((answered.AuthenticationResult as Record<string, unknown>).AccessToken);
    json(await aws('change-password', '--previous-password', 'First-Own-Passw0rd!', '--proposed-password', 'Second-Own-Passw0rd!', '--access-token', accessToken));
    json(await aws('admin-set-user-password', ...pool, '--username', 'phone.user', '--password', DEMO_PASSWORD, '--permanent'));
    expect((await passwordSignIn(emulator.current.url, 'phone.user', DEMO_PASSWORD)).body.AuthenticationResult).toBeDefined();
  });

  it('"no registered/verified email" and its fix with email_verified=true', async () => {
    expectCliError(
      await aws('admin-reset-user-password', ...pool, '--username', 'no.contact'),
      'InvalidParameterException',
      'AdminResetUserPassword',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
    json(await aws('admin-update-user-attributes', ...pool, '--username', 'no.contact', '--user-attributes', 'Name=email_verified,Value=true'));
    json(await aws('admin-reset-user-password', ...pool, '--username', 'no.contact'));
    const sent = (await outbox(emulator.current.url)).filter((message) => message.username === 'no.contact');
    expect(sent).toMatchObject([{ kind: 'AdminResetUserPassword', destination: 'no.contact@example.com' }]);
  });

  it('the user verifies their own email: get-user-attribute-verification-code → verify-user-attribute → forgot-password', async () => {
    // A user of its own, set up over plain HTTP: the seeded ones belong to the scenarios above.
    const url = emulator.current.url;
    const username = 'cli.verify';
    await call(url, 'AdminCreateUser', {
      UserPoolId: POOL_ID,
      Username: username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: 'Temp-Passw0rd7!',
      UserAttributes: [{ Name: 'email', Value: 'cli.verify@example.com' }, { Name: 'email_verified', Value: 'false' }],
    }, SIGNED);
    await call(url, 'AdminSetUserPassword', { UserPoolId: POOL_ID, Username: username, Password: DEMO_PASSWORD, Permanent: true }, SIGNED);
    const signedIn = await passwordSignIn(url, username, DEMO_PASSWORD);
    const accessToken = String((signedIn.body.AuthenticationResult as Record<string, unknown>).AccessToken);

    const sent = json(await aws('get-user-attribute-verification-code', '--access-token', accessToken, '--attribute-name', 'email'));
    expect(sent).toEqual({ CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    const code = await latestCode(url, username);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expectCliError(
      await aws('verify-user-attribute', '--access-token', accessToken, '--attribute-name', 'email', '--code', wrong),
      'CodeMismatchException',
      'VerifyUserAttribute',
      'Invalid verification code provided, please try again.',
    );
    json(await aws('verify-user-attribute', '--access-token', accessToken, '--attribute-name', 'email', '--code', code));
    const reset = json(await aws('forgot-password', '--client-id', APP_CLIENT, '--username', username));
    expect(reset).toEqual({ CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
  });
});
