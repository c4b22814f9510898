import { CognitoAccessToken, CognitoIdToken } from 'amazon-cognito-identity-js';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, lazyTokenIssuer, USER_ADMIN_SCOPE, type IssueArgs, type TokenIssuer } from './tokens';

const REGION = 'us-east-1';
const POOL_ID = 'us-east-1_LocalDemo';
const CLIENT_ID = 'localdemoappclient00000001';
const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${POOL_ID}`;
/** A whole-second instant plus 400 ms, to show iat is truncated, not rounded. */
const NOW = Date.UTC(2026, 10, 22, 6, 41, 48) + 400;
const NOW_SECONDS = Math.floor(NOW / 1000);

const issueArgs = (overrides: Partial<IssueArgs> = {}): IssueArgs => ({
  clientId: CLIENT_ID,
  username: 'demo.user',
  sub: '3f1c2a54-7d1e-4b6a-9c1e-2f7a8b9c0d1e',
  idTokenAttributes: {
    email: 'demo.user@example.com',
    email_verified: true,
    name: 'Demo User',
    'custom:department': 'Sales',
  },
  authTime: NOW_SECONDS - 120,
  originJti: 'f0e1d2c3-b4a5-4968-8776-655443322110',
  eventId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  accessTokenSeconds: 3600,
  idTokenSeconds: 1800,
  now: NOW,
  ...overrides,
});

/** Replaces one claim in the payload while keeping the original header and signature. */
function withForgedClaim(token: string, claim: string, value: unknown): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  claims[claim] = value;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

const base64urlJson = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

let issuer: TokenIssuer;
let otherPoolIssuer: TokenIssuer;
let samePoolOtherKeys: TokenIssuer;

beforeAll(async () => {
  [issuer, otherPoolIssuer, samePoolOtherKeys] = await Promise.all([
    createTokenIssuer({ region: REGION, userPoolId: POOL_ID }),
    createTokenIssuer({ region: REGION, userPoolId: 'us-east-1_OtherPool' }),
    // Same pool id as `issuer`, as after a restart of the emulator: new keys.
    createTokenIssuer({ region: REGION, userPoolId: POOL_ID }),
  ]);
}, 60_000);

describe('jwks', () => {
  it('publishes two RS256 public keys with Cognito-style kids', async () => {
    expect(issuer.issuer).toBe(ISSUER);
    const { keys } = (await issuer.jwks()) as JSONWebKeySet;
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(key).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
      // 2048-bit modulus: 256 bytes, 342 base64url characters.
      expect(Buffer.from(key.n ?? '', 'base64url')).toHaveLength(256);
      expect(key.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(key.kid ?? '', 'base64')).toHaveLength(32);
    }
    expect(keys[0].kid).not.toBe(keys[1].kid);
  });

  it('gives each issuer its own keys', async () => {
    const kids = async (tokenIssuer: TokenIssuer) => ((await tokenIssuer.jwks()) as JSONWebKeySet).keys.map((key) => key.kid);
    const all = [...(await kids(issuer)), ...(await kids(otherPoolIssuer)), ...(await kids(samePoolOtherKeys))];
    expect(new Set(all).size).toBe(6);
  });

  it('returns copies, so callers cannot alter the published keys', async () => {
    const first = (await issuer.jwks()) as JSONWebKeySet;
    first.keys[0].kid = 'changed';
    expect(((await issuer.jwks()) as JSONWebKeySet).keys[0].kid).not.toBe('changed');
  });
});

describe('issue', () => {
  it('signs access and ID tokens that verify against the JWKS, with different kids', async () => {
    const { accessToken, idToken } = await issuer.issue(issueArgs());
    const jwks = createLocalJWKSet((await issuer.jwks()) as JSONWebKeySet);
    const options = { issuer: ISSUER, algorithms: ['RS256'], currentDate: new Date(NOW) };
    const access = await jwtVerify(accessToken, jwks, options);
    const id = await jwtVerify(idToken, jwks, { ...options, audience: CLIENT_ID });
    expect(access.protectedHeader).toEqual({ kid: expect.any(String), alg: 'RS256' });
    expect(id.protectedHeader).toEqual({ kid: expect.any(String), alg: 'RS256' });
    expect(access.protectedHeader.kid).not.toBe(id.protectedHeader.kid);
  });

  it('puts exactly the access-token claims of §2 in the access token', async () => {
    const args = issueArgs();
    const { accessToken, accessJti } = await issuer.issue(args);
    expect(decodeJwt(accessToken)).toEqual({
      origin_jti: args.originJti,
      sub: args.sub,
      event_id: args.eventId,
      token_use: 'access',
      scope: USER_ADMIN_SCOPE,
      auth_time: args.authTime,
      iss: ISSUER,
      exp: NOW_SECONDS + 3600,
      iat: NOW_SECONDS,
      jti: accessJti,
      client_id: CLIENT_ID,
      username: 'demo.user',
    });
    expect(USER_ADMIN_SCOPE).toBe('aws.cognito.signin.user.admin');
  });

  it('puts the ID-token claims of §2 and the user attributes in the ID token', async () => {
    const args = issueArgs();
    const { idToken, idJti } = await issuer.issue(args);
    expect(decodeJwt(idToken)).toEqual({
      sub: args.sub,
      email: 'demo.user@example.com',
      email_verified: true,
      name: 'Demo User',
      'custom:department': 'Sales',
      origin_jti: args.originJti,
      aud: CLIENT_ID,
      event_id: args.eventId,
      token_use: 'id',
      auth_time: args.authTime,
      iss: ISSUER,
      'cognito:username': 'demo.user',
      exp: NOW_SECONDS + 1800,
      iat: NOW_SECONDS,
      jti: idJti,
    });
  });

  it('shares origin_jti, event_id and auth_time between the two tokens; jti differ from each other and between issues', async () => {
    const first = await issuer.issue(issueArgs());
    const second = await issuer.issue(issueArgs());
    const [access, id] = [decodeJwt(first.accessToken), decodeJwt(first.idToken)];
    for (const claim of ['origin_jti', 'event_id', 'auth_time', 'iat']) expect(access[claim]).toBe(id[claim]);
    expect(access.jti).toBe(first.accessJti);
    expect(id.jti).toBe(first.idJti);
    expect(new Set([first.accessJti, first.idJti, second.accessJti, second.idJti]).size).toBe(4);
    for (const jti of [first.accessJti, first.idJti]) expect(jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not let a user attribute replace a claim the token owns', async () => {
    const { idToken } = await issuer.issue(
      issueArgs({
        idTokenAttributes: { sub: 'forged', iss: 'https://evil.example', aud: 'other', 'cognito:username': 'admin', token_use: 'access', email: 'a@example.com' },
      }),
    );
    const claims = decodeJwt(idToken);
    expect(claims).toMatchObject({ sub: issueArgs().sub, iss: ISSUER, aud: CLIENT_ID, 'cognito:username': 'demo.user', token_use: 'id', email: 'a@example.com' });
  });

  it('produces tokens the SDK reads: expiration, issued-at and attributes', async () => {
    const { accessToken, idToken } = await issuer.issue(issueArgs());
    const sdkAccess = new CognitoAccessToken({ AccessToken: accessToken });
    const sdkId = new CognitoIdToken({ IdToken: idToken });
    expect(sdkAccess.getExpiration()).toBe(NOW_SECONDS + 3600);
    expect(sdkAccess.getIssuedAt()).toBe(NOW_SECONDS);
    expect(sdkAccess.decodePayload()).toMatchObject({ origin_jti: issueArgs().originJti, username: 'demo.user' });
    expect(sdkId.decodePayload()).toMatchObject({ email_verified: true, 'custom:department': 'Sales' });
  });
});

describe('verifyAccessToken', () => {
  it('accepts a fresh token and returns its claims', async () => {
    const args = issueArgs();
    const { accessToken, accessJti } = await issuer.issue(args);
    const result = await issuer.verifyAccessToken(accessToken, NOW);
    expect(result).toEqual({
      ok: true,
      claims: {
        sub: args.sub,
        username: 'demo.user',
        client_id: CLIENT_ID,
        token_use: 'access',
        scope: USER_ADMIN_SCOPE,
        auth_time: args.authTime,
        iat: NOW_SECONDS,
        exp: NOW_SECONDS + 3600,
        jti: accessJti,
        origin_jti: args.originJti,
        event_id: args.eventId,
        iss: ISSUER,
      },
    });
  });

  it('judges expiry by the `now` it is given, not by the wall clock', async () => {
    const { accessToken } = await issuer.issue(issueArgs());
    const expMs = (NOW_SECONDS + 3600) * 1000;
    expect((await issuer.verifyAccessToken(accessToken, expMs - 1)).ok).toBe(true);
    expect(await issuer.verifyAccessToken(accessToken, expMs)).toEqual({ ok: false, reason: 'expired' });
    expect(await issuer.verifyAccessToken(accessToken, expMs + 86_400_000)).toEqual({ ok: false, reason: 'expired' });

    const longAgo = Date.UTC(2001, 0, 1);
    const old = await issuer.issue(issueArgs({ now: longAgo, accessTokenSeconds: 300 }));
    expect((await issuer.verifyAccessToken(old.accessToken, longAgo + 299_000)).ok).toBe(true);
    expect(await issuer.verifyAccessToken(old.accessToken, longAgo + 300_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('calls a tampered token invalid, even once it would have expired', async () => {
    const { accessToken } = await issuer.issue(issueArgs());
    const forgedUser = withForgedClaim(accessToken, 'username', 'admin');
    expect(await issuer.verifyAccessToken(forgedUser, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await issuer.verifyAccessToken(withForgedClaim(accessToken, 'exp', NOW_SECONDS + 999_999), NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await issuer.verifyAccessToken(forgedUser, NOW + 10 * 86_400_000)).toEqual({ ok: false, reason: 'invalid' });
    const [header, payload, signature] = accessToken.split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await issuer.verifyAccessToken([header, payload, flipped].join('.'), NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('calls a token from another pool, or from earlier keys of the same pool, invalid', async () => {
    const fromOtherPool = await otherPoolIssuer.issue(issueArgs());
    expect(await issuer.verifyAccessToken(fromOtherPool.accessToken, NOW)).toEqual({ ok: false, reason: 'invalid' });
    const fromOtherKeys = await samePoolOtherKeys.issue(issueArgs());
    expect(decodeJwt(fromOtherKeys.accessToken).iss).toBe(ISSUER);
    expect(await issuer.verifyAccessToken(fromOtherKeys.accessToken, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('calls an ID token, an unsigned token or garbage invalid', async () => {
    const { accessToken, idToken } = await issuer.issue(issueArgs());
    expect(await issuer.verifyAccessToken(idToken, NOW)).toEqual({ ok: false, reason: 'invalid' });
    const kid = decodeProtectedHeader(accessToken).kid;
    const unsigned = `${base64urlJson({ kid, alg: 'none' })}.${accessToken.split('.')[1]}.`;
    expect(await issuer.verifyAccessToken(unsigned, NOW)).toEqual({ ok: false, reason: 'invalid' });
    for (const garbage of ['', 'garbage', 'a.b.c', `${accessToken}x`]) {
      expect(await issuer.verifyAccessToken(garbage, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('refresh tokens', () => {
  it('are compact JWEs with the header of a real Cognito refresh token', async () => {
    const token = await issuer.sealRefreshToken('refresh-id-1');
    const parts = token.split('.');
    expect(parts).toHaveLength(5);
    expect(Buffer.from(parts[0], 'base64url').toString('utf8')).toBe('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}');
    expect(token).not.toContain(Buffer.from('refresh-id-1').toString('base64url'));
  });

  it('open back to the id and generation they carry, and differ each time they are sealed', async () => {
    const first = await issuer.sealRefreshToken('refresh-id-2');
    const second = await issuer.sealRefreshToken('refresh-id-2');
    expect(first).not.toBe(second);
    expect(await issuer.openRefreshToken(first)).toEqual({ id: 'refresh-id-2', generation: 0 });
    expect(await issuer.openRefreshToken(second)).toEqual({ id: 'refresh-id-2', generation: 0 });
    // Refresh-token rotation (§4.21): each rotated token names its generation, sealed so no client can change it.
    expect(await issuer.openRefreshToken(await issuer.sealRefreshToken('refresh-id-2', 3))).toEqual({ id: 'refresh-id-2', generation: 3 });
  });

  it('open to null when garbage, tampered, from another issuer or not a refresh token', async () => {
    const token = await issuer.sealRefreshToken('refresh-id-3');
    const parts = token.split('.');
    const ciphertext = parts[3];
    parts[3] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    const { accessToken } = await issuer.issue(issueArgs());
    for (const candidate of [
      '',
      'garbage',
      'a.b.c.d.e',
      parts.join('.'),
      await otherPoolIssuer.sealRefreshToken('refresh-id-3'),
      await samePoolOtherKeys.sealRefreshToken('refresh-id-3'),
      accessToken,
    ]) {
      expect(await issuer.openRefreshToken(candidate)).toBeNull();
    }
  });
});

describe('lazyTokenIssuer', () => {
  it('makes its keys once, when first used, and keeps them', async () => {
    const lazy = lazyTokenIssuer({ region: REGION, userPoolId: POOL_ID });
    expect(lazy.issuer).toBe(ISSUER);
    const [first, second] = await Promise.all([lazy.jwks(), lazy.jwks()]);
    expect(second).toEqual(first);
    const { accessToken } = await lazy.issue(issueArgs());
    const verified = await lazy.verifyAccessToken(accessToken, NOW);
    expect(verified.ok).toBe(true);
    expect(await lazy.openRefreshToken(await lazy.sealRefreshToken('family-1', 2))).toEqual({ id: 'family-1', generation: 2 });
  });
});
