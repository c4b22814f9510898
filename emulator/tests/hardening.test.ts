import {
  AdminGetUserCommand,
  ForgotPasswordCommand,
  type CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { startEmulator } from '../server';
import { APP_CLIENT, POOL_ID, SIGNED, adminClient, call, cognitoUser, useEmulator } from './helpers';

/**
 * The local pool on a developer's machine, against callers nobody here wrote: web pages that rebind their name
 * to 127.0.0.1 (docs/cognito-behaviour.md §0.7), requests larger than Cognito accepts (§0.6), values quoted back
 * into headers, and what the first SRP step tells about a name (§3.6).
 */

const emulator = useEmulator();
const url = () => emulator.current.url;

const HOST_REFUSAL =
  'The local user pool answers requests for 127.0.0.1, localhost and [::1] on its own port, not this Host header. Start it with --allow-host <name> to allow another name.';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with a Host header of our choosing (fetch sets its own). */
function rawRequest(port: number, options: { method?: string; path?: string; host: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { ...options.headers, Host: options.host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('the Host header (DNS rebinding)', () => {
  const port = () => emulator.current.port;

  it('answers 127.0.0.1, localhost and [::1] on its own port', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `LOCALHOST:${port()}`, `[::1]:${port()}`]) {
      expect((await rawRequest(port(), { path: '/_emulator/clock', host })).status, host).toBe(200);
    }
  });

  it('refuses any other name, or another port, with 421 before reading the outbox or acting', async () => {
    for (const host of [`evil.example:${port()}`, 'evil.example', `127.0.0.1:${port() + 1}`, `localhost`, `127.0.0.2:${port()}`, `localhost.evil.example:${port()}`]) {
      const outbox = await rawRequest(port(), { path: '/_emulator/outbox', host });
      expect(outbox.status, host).toBe(421);
      // The same words whatever the name: no outbox, and nothing of what was sent quoted back.
      expect(JSON.parse(outbox.body)).toEqual({ message: HOST_REFUSAL });
    }
    // A page on the rebound name cannot reset the pool or set a password with a made-up signature either.
    const reset = await rawRequest(port(), { method: 'POST', path: '/_emulator/reset', host: `evil.example:${port()}` });
    expect(reset.status).toBe(421);
    const adminCall = await rawRequest(port(), {
      method: 'POST',
      host: `evil.example:${port()}`,
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminSetUserPassword',
        ...SIGNED,
      },
      body: JSON.stringify({ UserPoolId: POOL_ID, Username: 'demo.user', Password: 'Taken-Over1!', Permanent: true }),
    });
    expect(adminCall.status).toBe(421);
    expect(JSON.parse(adminCall.body)).toEqual({ message: HOST_REFUSAL });
    expect((await adminClient(url()).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'demo.user' }))).UserStatus).toBe(
      'CONFIRMED',
    );
  });

  describe('with allowedHosts (--allow-host)', () => {
    const started = startEmulator({ port: 0, allowedHosts: ['cognito.test'] });
    afterAll(async () => (await started).close());

    it('answers the allowed name on its own port too, and still nothing else', async () => {
      const other = await started;
      expect((await rawRequest(other.port, { path: '/_emulator/clock', host: `cognito.test:${other.port}` })).status).toBe(200);
      expect((await rawRequest(other.port, { path: '/_emulator/clock', host: `localhost:${other.port}` })).status).toBe(200);
      expect((await rawRequest(other.port, { path: '/_emulator/clock', host: `cognito.test:${other.port + 1}` })).status).toBe(421);
      expect((await rawRequest(other.port, { path: '/_emulator/clock', host: `evil.example:${other.port}` })).status).toBe(421);
    });
  });
});

describe("Cognito's length and pattern constraints, over the wire", () => {
  it('refuses a username longer than 128 characters with the model\'s message, to the AWS SDK', async () => {
    try {
      await adminClient(url()).send(new ForgotPasswordCommand({ ClientId: APP_CLIENT, Username: 'x'.repeat(129) }));
      expect.unreachable('ForgotPassword must refuse the username');
    } catch (error) {
      const failure = error as CognitoIdentityProviderServiceException;
      expect({ name: failure.name, message: failure.message }).toEqual({
        name: 'InvalidParameterException',
        message:
          "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
      });
    }
  });

  it('and to amazon-cognito-identity-js', async () => {
    const user = cognitoUser(url(), 'x'.repeat(200));
    const error = await new Promise<unknown>((resolve) =>
      user.forgotPassword({ onSuccess: () => resolve({ code: 'none', message: 'accepted' }), onFailure: resolve }),
    );
    expect(error).toMatchObject({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
    });
  });
});

describe('values quoted back', () => {
  it('go whole into the body but cut short into x-amzn-ErrorMessage', async () => {
    const poolId = `${'a'.repeat(50_000)} b`;
    const response = await call(url(), 'DescribeUserPool', { UserPoolId: poolId }, SIGNED);
    expect(response.status).toBe(400);
    expect(String(response.body.message)).toContain(poolId);
    const header = response.headers.get('x-amzn-errormessage') ?? '';
    expect(header.length).toBe(LIMITS.maxHeaderValueLength);
    expect(header.startsWith("2 validation errors detected: Value 'aaaa")).toBe(true);
    expect(header.endsWith('...')).toBe(true);
  });

  it('an unknown operation name is quoted only as long as an operation name can be', async () => {
    const response = await call(url(), `Admin${'X'.repeat(5_000)}`, {});
    expect(String(response.body.message).length).toBeLessThan(200);
  });

  it('a loopback Origin too long to be a real page is not echoed into CORS headers', async () => {
    const origin = `http://${'a'.repeat(LIMITS.maxOriginLength)}.localhost:5173`;
    const preflight = await fetch(`${url()}/`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the first SRP step for a name without a user (PreventUserExistenceErrors ENABLED)', () => {
  const firstStep = async (username: string) => {
    const response = await call(url(), 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: APP_CLIENT,
      AuthParameters: { USERNAME: username, SRP_A: 'a'.repeat(768) },
    });
    expect(response.status).toBe(200);
    return response.body.ChallengeParameters as Record<string, string>;
  };

  it('answers as Cognito documents: the same salt and a UUID-format internal id for the same name and pool', async () => {
    const first = await firstStep('nobody.here');
    const again = await firstStep('NOBODY.HERE'); // the demo pool is case-insensitive
    expect(first.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again.USER_ID_FOR_SRP).toBe(first.USER_ID_FOR_SRP);
    expect(again.SALT).toBe(first.SALT);
    expect(first.USERNAME).toBe(first.USER_ID_FOR_SRP);
    expect(again.SECRET_BLOCK).not.toBe(first.SECRET_BLOCK);
  });

  it('in a pool whose users sign in with an email address, looks like a real user\'s answer (README)', async () => {
    // docs/cognito-behaviour.md §3.6, §10.2: there the internal username is a UUID too.
    const stepIn = async (username: string) =>
      (
        await call(url(), 'InitiateAuth', {
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: 'localemailappclient0000001',
          AuthParameters: { USERNAME: username, SRP_A: 'a'.repeat(768) },
        })
      ).body.ChallengeParameters as Record<string, string>;
    const shape = (parameters: Record<string, string>) => ({
      id: parameters.USER_ID_FOR_SRP.replace(/[0-9a-f]/g, 'x'),
      salt: parameters.SALT.length,
      keys: Object.keys(parameters).sort(),
    });
    expect(shape(await stepIn('nobody@example.com'))).toEqual(shape(await stepIn('demo@example.com')));
  });

  it('has salts shaped and spread as real ones: 16 bytes, any non-zero first byte', async () => {
    const salts = await Promise.all(Array.from({ length: 24 }, (_, index) => firstStep(`nobody.${index}`).then((step) => step.SALT)));
    for (const salt of salts) expect(salt).toMatch(/^(?!00)[0-9a-f]{32}$/);
    // A real salt starts with any digit; one that never started with 0–7 would set simulated answers apart
    // (this fails by chance once in 2^24 runs).
    expect(salts.some((salt) => /^[0-7]/.test(salt))).toBe(true);
  });
});
