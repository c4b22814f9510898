/**
 * Access, ID and refresh tokens shaped like the ones Cognito issues (docs/cognito-behaviour.md §2).
 * One issuer per user pool, each with its own key pairs, made in memory the first time the pool needs them
 * (lazyTokenIssuer): nothing is written to disk, so tokens from an earlier run of the emulator no longer verify.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CompactEncrypt,
  SignJWT,
  compactDecrypt,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export interface AccessClaims {
  sub: string;
  username: string;
  client_id: string;
  token_use: 'access';
  scope: string;
  auth_time: number;
  iat: number;
  exp: number;
  jti: string;
  origin_jti: string;
  event_id: string;
  iss: string;
}

export interface IssueArgs {
  clientId: string;
  username: string;
  sub: string;
  /** User attributes for the ID token; email_verified and phone_number_verified as booleans. */
  idTokenAttributes: Record<string, string | boolean>;
  /** Epoch seconds of the original sign-in; kept across refreshes (§2). */
  authTime: number;
  originJti: string;
  eventId: string;
  accessTokenSeconds: number;
  idTokenSeconds: number;
  /** Epoch milliseconds. */
  now: number;
}

export interface TokenIssuer {
  /** https://cognito-idp.<region>.amazonaws.com/<poolId> */
  readonly issuer: string;
  /** Public keys only, with kid, alg RS256, use sig, kty, e, n. */
  jwks(): Promise<{ keys: object[] }>;
  issue(args: IssueArgs): Promise<{ accessToken: string; idToken: string; accessJti: string; idJti: string }>;
  /** Signature, issuer, token_use=access and expiry (against `now`, ms). */
  verifyAccessToken(
    token: string,
    now: number,
  ): Promise<{ ok: true; claims: AccessClaims } | { ok: false; reason: 'invalid' | 'expired' }>;
  /**
   * Opaque refresh token shaped like Cognito's (compact JWE, header {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"})
   * that carries only the token family's id and, for refresh-token rotation, its generation (§4.21).
   */
  sealRefreshToken(id: string, generation?: number): Promise<string>;
  openRefreshToken(token: string): Promise<{ id: string; generation: number } | null>;
}

/** The only scope InitiateAuth tokens carry (§2). */
export const USER_ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** Claims the token itself owns; a user attribute of the same name must not replace them in the ID token. */
const ID_TOKEN_PROTOCOL_CLAIMS = new Set([
  'sub',
  'aud',
  'iss',
  'exp',
  'iat',
  'nbf',
  'jti',
  'origin_jti',
  'event_id',
  'token_use',
  'auth_time',
  'cognito:username',
]);

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** A kid shaped like Cognito's: base64 of 32 random bytes. */
function randomKid(): string {
  return randomBytes(32).toString('base64');
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const kid = randomKid();
  const { kty, n, e } = await exportJWK(publicKey);
  return { kid, privateKey, publicKey, publicJwk: { alg: 'RS256', e, kid, kty, n, use: 'sig' } };
}

function isAccessClaims(payload: JWTPayload): payload is JWTPayload & AccessClaims {
  const strings = ['sub', 'username', 'client_id', 'scope', 'jti', 'origin_jti', 'event_id', 'iss'] as const;
  const numbers = ['auth_time', 'iat', 'exp'] as const;
  return (
    payload.token_use === 'access' &&
    strings.every((name) => typeof payload[name] === 'string') &&
    numbers.every((name) => typeof payload[name] === 'number')
  );
}

/**
 * A pool's issuer whose keys are made the first time any of its methods is used, then kept: RSA key generation
 * is the costly part of starting the local pool, and most runs use one or two of the seed's pools.
 */
export function lazyTokenIssuer(args: { region: string; userPoolId: string }): TokenIssuer {
  let made: Promise<TokenIssuer> | undefined;
  const keys = () => (made ??= createTokenIssuer(args));
  return {
    issuer: issuerUrl(args),
    jwks: async () => (await keys()).jwks(),
    issue: async (issueArgs) => (await keys()).issue(issueArgs),
    verifyAccessToken: async (token, now) => (await keys()).verifyAccessToken(token, now),
    sealRefreshToken: async (id, generation) => (await keys()).sealRefreshToken(id, generation),
    openRefreshToken: async (token) => (await keys()).openRefreshToken(token),
  };
}

function issuerUrl(args: { region: string; userPoolId: string }): string {
  return `https://cognito-idp.${args.region}.amazonaws.com/${args.userPoolId}`;
}

export async function createTokenIssuer(args: { region: string; userPoolId: string }): Promise<TokenIssuer> {
  const issuer = issuerUrl(args);
  // Access and ID tokens use different keys and kids, as in real pools (§2). The refresh-token key only
  // encrypts and never appears in the JWKS.
  const [accessKey, idKey, refreshKeyPair] = await Promise.all([
    createSigningKey(),
    createSigningKey(),
    generateKeyPair('RSA-OAEP', { modulusLength: 2048 }),
  ]);

  async function sign(payload: JWTPayload, key: SigningKey): Promise<string> {
    return new SignJWT(payload).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
  }

  return {
    issuer,

    async jwks() {
      return { keys: [{ ...accessKey.publicJwk }, { ...idKey.publicJwk }] };
    },

    async issue(issueArgs) {
      const iat = Math.floor(issueArgs.now / 1000);
      const accessJti = randomUUID();
      const idJti = randomUUID();
      // Claim order follows a decoded real token (§2); clients do not depend on it.
      const accessClaims: AccessClaims = {
        origin_jti: issueArgs.originJti,
        sub: issueArgs.sub,
        event_id: issueArgs.eventId,
        token_use: 'access',
        scope: USER_ADMIN_SCOPE,
        auth_time: issueArgs.authTime,
        iss: issuer,
        exp: iat + issueArgs.accessTokenSeconds,
        iat,
        jti: accessJti,
        client_id: issueArgs.clientId,
        username: issueArgs.username,
      };
      const attributes = Object.fromEntries(
        Object.entries(issueArgs.idTokenAttributes).filter(([name]) => !ID_TOKEN_PROTOCOL_CLAIMS.has(name)),
      );
      const idClaims: JWTPayload = {
        sub: issueArgs.sub,
        ...attributes,
        origin_jti: issueArgs.originJti,
        aud: issueArgs.clientId,
        event_id: issueArgs.eventId,
        token_use: 'id',
        auth_time: issueArgs.authTime,
        iss: issuer,
        'cognito:username': issueArgs.username,
        exp: iat + issueArgs.idTokenSeconds,
        iat,
        jti: idJti,
      };
      const [accessToken, idToken] = await Promise.all([
        sign({ ...accessClaims }, accessKey),
        sign(idClaims, idKey),
      ]);
      return { accessToken, idToken, accessJti, idJti };
    },

    async verifyAccessToken(token, now) {
      try {
        const { payload, protectedHeader } = await jwtVerify(token, accessKey.publicKey, {
          algorithms: ['RS256'],
          issuer,
          currentDate: new Date(now),
        });
        if (protectedHeader.kid !== accessKey.kid || !isAccessClaims(payload)) return { ok: false, reason: 'invalid' };
        const claims: AccessClaims = {
          sub: payload.sub,
          username: payload.username,
          client_id: payload.client_id,
          token_use: 'access',
          scope: payload.scope,
          auth_time: payload.auth_time,
          iat: payload.iat,
          exp: payload.exp,
          jti: payload.jti,
          origin_jti: payload.origin_jti,
          event_id: payload.event_id,
          iss: payload.iss,
        };
        return { ok: true, claims };
      } catch (error) {
        // jose checks the signature before the claims, so "expired" is only said of a token this issuer signed.
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },

    async sealRefreshToken(id, generation = 0) {
      // [U] Real refresh tokens are a JWE around a JWT (cty "JWT"); this one wraps a small JSON object with
      // the store's id and generation. Clients treat it as opaque (§2), and without the private key it reveals
      // nothing and cannot be forged: a client cannot move its token to a newer generation.
      return new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ id, generation })))
        .setProtectedHeader({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })
        .encrypt(refreshKeyPair.publicKey);
    },

    async openRefreshToken(token) {
      try {
        const { plaintext } = await compactDecrypt(token, refreshKeyPair.privateKey, {
          keyManagementAlgorithms: ['RSA-OAEP'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        const content: unknown = JSON.parse(new TextDecoder().decode(plaintext));
        if (typeof content !== 'object' || content === null || !('id' in content) || typeof content.id !== 'string') return null;
        const generation = 'generation' in content ? content.generation : 0;
        if (typeof generation !== 'number' || !Number.isSafeInteger(generation) || generation < 0) return null;
        return { id: content.id, generation };
      } catch {
        return null;
      }
    },
  };
}
