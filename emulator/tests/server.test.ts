import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { APP_CLIENT, DEMO_PASSWORD, POOL_ID, SIGNED, call, expectError, passwordSignIn, useEmulator } from './helpers';

const emulator = useEmulator();

describe('JSON 1.1 dispatch', () => {
  it('answers an unknown operation with a 400 naming it as not supported, never a 500', async () => {
    const response = await call(emulator.current.url, 'SignUp', { ClientId: APP_CLIENT });
    expect(response.status).toBe(400);
    expect(expectError(response)).toEqual({
      type: 'UnknownOperationException',
      message: 'Operation SignUp is not supported by this local user pool.',
    });
  });

  it('answers a request without a Cognito X-Amz-Target with a 400', async () => {
    const response = await fetch(`${emulator.current.url}/`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });

  it('does not treat inherited object keys as operations', async () => {
    const response = await call(emulator.current.url, 'constructor', {});
    expect(response.status).toBe(400);
    expect(expectError(response).type).toBe('UnknownOperationException');
  });

  it('sends errors as {"__type","message"} with Cognito headers', async () => {
    const response = await passwordSignIn(emulator.current.url, 'demo.user', 'wrong-password');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(response.headers.get('x-amzn-errormessage')).toBe('Incorrect username or password.');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body that is not JSON with a SerializationException', async () => {
    const response = await call(emulator.current.url, 'InitiateAuth', '{not json');
    expect(response.status).toBe(400);
    expect(expectError(response).type).toBe('SerializationException');
  });

  it('names a missing required member the way AWS model validation does', async () => {
    const response = await call(emulator.current.url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' });
    expect(expectError(response)).toEqual({
      type: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('accepts null values in AuthParameters, as amazon-cognito-identity-js sends them', async () => {
    const response = await call(emulator.current.url, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: APP_CLIENT,
      AuthParameters: { USERNAME: 'demo.user', PASSWORD: DEMO_PASSWORD, DEVICE_KEY: null },
    });
    expect(response.status).toBe(200);
    expect(response.body.AuthenticationResult).toBeDefined();
  });

  it('answers an unknown path with 404', async () => {
    const response = await fetch(`${emulator.current.url}/nothing-here`);
    expect(response.status).toBe(404);
  });
});

describe('admin operations need a SigV4-shaped Authorization header', () => {
  it('refuses an unsigned admin call', async () => {
    const response = await call(emulator.current.url, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'demo.user' });
    expect(response.status).toBe(400);
    expect(expectError(response)).toEqual({
      type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('refuses an Authorization header that is not SigV4', async () => {
    const response = await call(
      emulator.current.url,
      'AdminGetUser',
      { UserPoolId: POOL_ID, Username: 'demo.user' },
      { Authorization: 'Bearer something' },
    );
    expect(expectError(response).type).toBe('IncompleteSignatureException');
  });

  it('answers a SigV4-shaped admin call', async () => {
    const response = await call(emulator.current.url, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'demo.user' }, SIGNED);
    expect(response.status).toBe(200);
    expect(response.body.Username).toBe('demo.user');
  });

  it('lets unsigned operations through without any header', async () => {
    const response = await passwordSignIn(emulator.current.url, 'demo.user', DEMO_PASSWORD);
    expect(response.status).toBe(200);
  });
});

describe('CORS for browser pages on loopback', () => {
  it('answers the preflight amazon-cognito-identity-js causes', async () => {
    const response = await fetch(`${emulator.current.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    for (const header of ['content-type', 'x-amz-target', 'x-amz-user-agent', 'cache-control']) {
      expect(allowed).toContain(header);
    }
  });

  it('exposes the x-amzn headers on real responses to loopback origins', async () => {
    const response = await fetch(`${emulator.current.url}/`, {
      method: 'POST',
      headers: {
        Origin: 'http://127.0.0.1:5273',
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: APP_CLIENT, AuthParameters: { USERNAME: 'x', PASSWORD: 'y' } }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5273');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('gives no CORS permission to other origins', async () => {
    const preflight = await fetch(`${emulator.current.url}/`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('JWKS and discovery', () => {
  it('serves the keys that verify the tokens it issues', async () => {
    const { url } = emulator.current;
    const response = await passwordSignIn(url, 'demo.user', DEMO_PASSWORD);
    const result = response.body.AuthenticationResult as { AccessToken: string; IdToken: string };
    const keys = createRemoteJWKSet(new URL(`${url}/${POOL_ID}/.well-known/jwks.json`));
    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;
    const access = await jwtVerify(result.AccessToken, keys, { issuer, currentDate: new Date(emulator.current.clock.now()) });
    expect(access.protectedHeader.alg).toBe('RS256');
    const id = await jwtVerify(result.IdToken, keys, { issuer, audience: APP_CLIENT, currentDate: new Date(emulator.current.clock.now()) });
    expect(id.payload.token_use).toBe('id');
  });

  it('serves a minimal openid-configuration pointing at the JWKS', async () => {
    const { url } = emulator.current;
    const document = (await (await fetch(`${url}/${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(document.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`);
    expect(document.jwks_uri).toBe(`${url}/${POOL_ID}/.well-known/jwks.json`);
  });

  it('answers 404 for an unknown pool', async () => {
    const response = await fetch(`${emulator.current.url}/us-east-1_Nope/.well-known/jwks.json`);
    expect(response.status).toBe(404);
  });
});
