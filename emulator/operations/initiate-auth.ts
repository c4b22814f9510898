import { createHmac, randomBytes } from 'node:crypto';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { isAcceptableSrpA, passwordMatches, startSrp } from '../srp';
import { uuidFrom, usernameKey, type ClientState, type PoolState } from '../store';
import { checkSecretHash, preventsUserExistenceErrors, requireClient, type OperationContext, type OperationDefinition } from './context';
import { requiredEnum, requiredString, stringMap, type JsonObject } from './input';
import { forgetOldSessions } from './challenge-session';
import { afterPasswordProven, assertMaySignIn, assertNotLockedOut, issueTokens, recordSignInFailure } from './sign-in';

/** §4.1 InitiateAuth (unsigned). */

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

function assertFlowEnabled(client: ClientState, allowFlow: string, message: string): void {
  if (!client.config.ExplicitAuthFlows.some((flow) => flow === allowFlow)) throw Errors.invalidParameter(message);
}

async function initiateAuth(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const clientId = requiredString(input, 'ClientId');
  const authFlow = requiredEnum(input, 'AuthFlow', AUTH_FLOWS);
  // §4.1 step 1: the client exists.
  const { pool, client } = requireClient(context, clientId);
  const parameters = stringMap(input, 'AuthParameters');
  switch (authFlow) {
    case 'USER_SRP_AUTH':
      return userSrpAuth(context, pool, client, parameters);
    case 'USER_PASSWORD_AUTH':
      return userPasswordAuth(context, pool, client, parameters);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshTokenAuth(context, pool, client, parameters);
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      // §4.1: ADMIN_* flows are invalid for InitiateAuth. [U] wording.
      throw Errors.invalidParameter('Initiate Auth method not supported.');
    case 'CUSTOM_AUTH':
    case 'USER_AUTH':
      assertFlowEnabled(client, `ALLOW_${authFlow}`, 'Auth flow not enabled for this client');
      throw Errors.invalidParameter(`${authFlow} is not supported by this local user pool.`);
  }
}

/**
 * §4.1 order: (1) client, (2) flow enabled, (4) USERNAME present, (3) SECRET_HASH — checked after USERNAME
 * here because the hash is computed from it — (5) user lookup per §6, (6) disabled, (7) unconfirmed,
 * (8) password and lockout, (9) RESET_REQUIRED, (10) expired temporary password.
 */
async function userPasswordAuth(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  parameters: Map<string, string>,
): Promise<JsonObject> {
  assertFlowEnabled(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH flow not enabled for this client');
  const username = parameters.get('USERNAME');
  if (!username) throw Errors.missingAuthParameter('USERNAME');
  const password = parameters.get('PASSWORD');
  if (password === undefined) throw Errors.missingAuthParameter('PASSWORD');
  const user = context.store.findUser(pool, username);
  checkSecretHash(client, user ? [username, user.username] : [username], parameters.get('SECRET_HASH'));
  if (!user) {
    if (!preventsUserExistenceErrors(client)) throw Errors.userNotFound();
    // Security (§6): under ENABLED an unknown user is indistinguishable from a wrong password, lockout included.
    const counters = context.store.countersForUnknownName(pool, username);
    assertNotLockedOut(context, counters);
    recordSignInFailure(context, counters);
    throw Errors.incorrectCredentials();
  }
  assertMaySignIn(user);
  assertNotLockedOut(context, user);
  if (!passwordMatches(pool.srpPoolName, user.username, password, user.password)) {
    recordSignInFailure(context, user);
    throw Errors.incorrectCredentials();
  }
  return afterPasswordProven(context, pool, client, user);
}

/** §3.2: the first SRP step. The response has no `Session` (§3.2 [R]). */
async function userSrpAuth(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  parameters: Map<string, string>,
): Promise<JsonObject> {
  assertFlowEnabled(client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH is not enabled for the client.');
  const username = parameters.get('USERNAME');
  if (!username) throw Errors.missingAuthParameter('USERNAME');
  const srpA = parameters.get('SRP_A');
  if (!srpA) throw Errors.missingAuthParameter('SRP_A');
  const user = context.store.findUser(pool, username);
  checkSecretHash(client, user ? [username, user.username] : [username], parameters.get('SECRET_HASH'));
  // [U] §3.2: the answer to A mod N == 0 is undocumented; this emulator fails it like a wrong proof.
  if (!isAcceptableSrpA(srpA)) throw Errors.incorrectCredentials();

  let userIdForSrp: string;
  let salt: string;
  let verifier: string;
  if (user) {
    assertMaySignIn(user);
    userIdForSrp = user.username;
    salt = user.password.salt;
    verifier = user.password.verifier;
  } else {
    // §6 / §3.6: LEGACY names the unknown user at once; ENABLED answers with a simulated first step whose salt
    // and UUID-format id are the same every time for this username, so they reveal nothing either.
    if (!preventsUserExistenceErrors(client)) throw Errors.userNotFound();
    const key = `${pool.id}\n${usernameKey(pool, username)}`;
    const secret = context.store.simulationSecret;
    userIdForSrp = uuidFrom(secret, `id\n${key}`);
    salt = simulatedHex(secret, `salt\n${key}`, 16);
    verifier = simulatedHex(secret, `verifier\n${key}`, 32);
  }

  forgetOldSessions(context);
  const step = startSrp(verifier);
  // Security: SECRET_BLOCK is an opaque random handle naming the SRP state kept here (b, B, A, user, client);
  // nothing secret leaves the server.
  const secretBlock = randomBytes(LIMITS.secretBlockBytes).toString('base64');
  context.store.srpSteps.set(secretBlock, {
    poolId: pool.id,
    clientId: client.config.ClientId,
    userIdForSrp,
    simulatedFor: user ? null : username,
    b: step.b,
    srpB: step.srpB,
    srpA,
    createdAt: context.clock.now(),
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: step.srpB,
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    },
  };
}

/** Hex of an HMAC, first byte forced non-zero (a salt with a leading zero byte is normalised by clients, §3.3). */
function simulatedHex(secret: Buffer, text: string, bytes: number): string {
  const digest = createHmac('sha256', secret).update(text, 'utf8').digest().subarray(0, bytes);
  digest[0] |= 0x80;
  return digest.toString('hex');
}

/** §4.1 REFRESH_TOKEN_AUTH: new access and ID tokens, and no new RefreshToken (no rotation). */
async function refreshTokenAuth(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  parameters: Map<string, string>,
): Promise<JsonObject> {
  // [U] wording, shaped like the USER_PASSWORD_AUTH message.
  assertFlowEnabled(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH flow not enabled for this client');
  const refreshToken = parameters.get('REFRESH_TOKEN');
  if (!refreshToken) throw Errors.missingAuthParameter('REFRESH_TOKEN');
  const originJti = await pool.issuer.openRefreshToken(refreshToken);
  if (originJti === null) throw Errors.notAuthorized(Messages.invalidRefreshToken);
  const family = context.store.tokenFamilies.get(originJti);
  // A token that opens but whose family is gone was issued before POST /_emulator/reset: treated as revoked.
  if (!family) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  if (family.poolId !== pool.id || family.clientId !== client.config.ClientId) {
    throw Errors.notAuthorized(Messages.invalidRefreshToken);
  }
  // §7: on refresh the hash may be computed from the username or from `sub`; §5.2 has the refresh wording.
  checkSecretHash(
    client,
    [family.username, family.sub],
    parameters.get('SECRET_HASH'),
    (id) => `SecretHash does not match for the client: ${id}`,
  );
  if (family.revoked) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  if (context.clock.now() >= family.refreshExpiresAt) throw Errors.notAuthorized(Messages.refreshTokenExpired);
  const user = context.store.findUser(pool, family.username);
  if (!user || user.sub !== family.sub) throw Errors.notAuthorized(Messages.refreshTokenRevoked);
  if (!user.enabled) throw Errors.notAuthorized(Messages.userDisabledSignIn);
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(context, pool, client, user, family) };
}

export const InitiateAuth: OperationDefinition = { signed: false, handler: initiateAuth };
