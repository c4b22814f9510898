/// <reference types="node" />
/**
 * The adapter against the local user pool's email pool (UsernameAttributes email, docs/cognito-behaviour.md §10):
 * every flow with the address typed, by SRP and by USER_PASSWORD_AUTH, and what the app learns of the user.
 */
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import { signInName } from '../screens/sign-in-identifier';
import type { AdapterSignInResult } from './adapter';
import { createCognitoAdapter } from './cognito';

// Real SRP arithmetic in jsdom, against a separate process, on a busy two-core machine.
vi.setConfig({ testTimeout: 30_000 });

const EMAIL_POOL_ID = 'us-east-1_LocalEmail';
const EMAIL_APP_CLIENT = 'localemailappclient0000001';
const TEMPORARY_PASSWORD = 'Temp-Passw0rd1!';
const PASSWORD = 'Email-Passw0rd1!';
const repoRoot = resolve(import.meta.dirname, '../..');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let pool: ChildProcessWithoutNullStreams;
let endpoint = '';
let admin: CognitoIdentityProviderClient;

beforeAll(async () => {
  pool = spawn(resolve(repoRoot, 'node_modules/.bin/tsx'), ['emulator/main.ts', '--port', '0'], { cwd: repoRoot });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    pool.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) done(match[1]);
    });
    pool.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    pool.on('exit', (code) => fail(new Error(`the local user pool exited (${code}):\n${output}`)));
  });
  endpoint = `${url}/`;
  admin = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'LOCALTESTKEY', secretAccessKey: 'local-test-secret' },
  });
}, 60_000);

afterAll(async () => {
  admin?.destroy();
  if (pool && pool.exitCode === null) {
    pool.kill('SIGTERM');
    await once(pool, 'exit');
  }
});

let counter = 0;
/** A user of the email pool with a temporary password; answers the address and the generated username. */
async function createEmailUser(): Promise<{ email: string; id: string }> {
  counter += 1;
  const email = `adapter.${Date.now().toString(36)}${counter}@example.com`;
  const { User } = await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: EMAIL_POOL_ID,
      Username: email,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Adapter Test' },
      ],
    }),
  );
  return { email, id: User?.Username ?? '' };
}

function newAdapter(flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH') {
  return createCognitoAdapter(
    { userPoolId: EMAIL_POOL_ID, userPoolClientId: EMAIL_APP_CLIENT, endpoint, authenticationFlowType: flow, tokenStorage: 'localStorage' },
    { storage: createMemoryStorage() },
  );
}

async function latestCodeTo(destination: string): Promise<string> {
  const response = await fetch(`${endpoint}_emulator/outbox`);
  const { messages } = (await response.json()) as { messages: Array<{ destination: string; code: string | null }> };
  const code = messages.filter((message) => message.destination === destination && message.code).at(-1)?.code;
  if (!code) throw new Error(`no code in the outbox for ${destination}`);
  return code;
}

function expectNewPassword(result: AdapterSignInResult) {
  if (result.kind !== 'challenge' || result.challenge.name !== 'NEW_PASSWORD_REQUIRED') {
    throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${JSON.stringify(result)}`);
  }
  return result.handle;
}

describe.each(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const)('the adapter with %s, in a pool that signs in by email', (flow) => {
  it('first sign-in, a reload, change password: the app names the user by their address', async () => {
    const user = await createEmailUser();
    const adapter = newAdapter(flow);
    const handle = expectNewPassword(await adapter.signIn(user.email.toUpperCase(), TEMPORARY_PASSWORD));
    const done = await adapter.completeNewPassword(handle, PASSWORD, {});
    if (done.kind !== 'signedIn') throw new Error(`expected a sign-in, got ${done.kind}`);
    // The username the tokens carry is the generated id; what the app shows is the address.
    expect(done.user.username).toMatch(UUID);
    expect(done.user.username).toBe(user.id);
    expect(signInName(done.user, ['email'])).toEqual({ kind: 'email', value: user.email });

    const restored = await adapter.currentSession();
    expect(restored && signInName(restored, ['email'])).toEqual({ kind: 'email', value: user.email });
    await adapter.changePassword(PASSWORD, 'Changed-Passw0rd1!');
    expect((await newAdapter(flow).signIn(user.email, 'Changed-Passw0rd1!')).kind).toBe('signedIn');
  });

  it('forgot password with the address, and an administrator reset leads to it', async () => {
    const user = await createEmailUser();
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: EMAIL_POOL_ID, Username: user.email, Password: PASSWORD, Permanent: true }));
    const adapter = newAdapter(flow);
    expect(await adapter.forgotPassword(user.email)).toEqual({ destination: 'a***@e***', medium: 'EMAIL', attributeName: 'email' });
    await adapter.confirmForgotPassword(user.email, await latestCodeTo(user.email), 'After-Reset-Passw0rd1!');
    expect((await newAdapter(flow).signIn(user.email, 'After-Reset-Passw0rd1!')).kind).toBe('signedIn');

    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: EMAIL_POOL_ID, Username: user.email }));
    expect((await newAdapter(flow).signIn(user.email, 'After-Reset-Passw0rd1!')).kind).toBe('passwordResetRequired');
  });
});
