import { randomBytes } from 'node:crypto';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { isAcceptableSrpA, passwordMatches, startSrp } from '../srp';
import type { ClientState, PoolState } from '../store';
import { checkSecretHash, preventsUserExistenceErrors, requireClient, type OperationContext, type OperationDefinition } from './context';
import { requiredEnum, requiredString, stringMap, type JsonObject } from './input';
import { openRefreshToken, rotatesRefreshTokens } from './refresh-tokens';
import { afterPasswordProven, assertMaySignIn, assertNotLockedOut, issueTokens, recordSignInFailure } from './sign-in';
import { simulatedUser } from './unknown-user';

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
    // Security (§6): under ENABLED an unknown user is indistinguishable from a wrong password, lockout included,
    // and costs the same work: the password is checked against a simulated verifier as it would be against a
    // real one (§3.6), so the answer does not come back sooner for a name that does not exist.
    const counters = context.store.countersForUnknownName(pool, username);
    assertNotLockedOut(context, counters);
    const simulated = simulatedUser(context, pool, username);
    passwordMatches(pool.srpPoolName, simulated.userIdForSrp, password, simulated.password);
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
  let simulatedFor: string | null = null;
  if (user) {
    assertMaySignIn(user);
    userIdForSrp = user.username;
    salt = user.password.salt;
    verifier = user.password.verifier;
  } else {
    // §6 / §3.6: LEGACY names the unknown user at once; ENABLED answers with a simulated first step whose salt
    // and UUID-format id are the same every time for this username, as Cognito's are. (The UUID still differs
    // from a real user's USER_ID_FOR_SRP in a pool whose usernames are not UUIDs: so does Cognito's, README.)
    if (!preventsUserExistenceErrors(client)) throw Errors.userNotFound();
    const simulated = simulatedUser(context, pool, username);
    userIdForSrp = simulated.userIdForSrp;
    salt = simulated.password.salt;
    verifier = simulated.password.verifier;
    simulatedFor = simulated.key;
  }

  // The store forgets SRP steps past their lifetime and holds at most LIMITS.maxSrpSteps (§1.1).
  const step = startSrp(verifier);
  // Security: SECRET_BLOCK is an opaque random handle naming the SRP state kept here (b, B, A, user, client);
  // nothing secret leaves the server.
  const secretBlock = randomBytes(LIMITS.secretBlockBytes).toString('base64');
  context.store.srpSteps.set(secretBlock, {
    poolId: pool.id,
    clientId: client.config.ClientId,
    userIdForSrp,
    simulatedFor,
    simulatedVerifier: simulatedFor === null ? null : verifier,
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

/**
 * §4.1 REFRESH_TOKEN_AUTH: new access and ID tokens, and no new RefreshToken. §4.21: a client with refresh-token
 * rotation renews only with GetTokensFromRefreshToken and refuses this flow, as a client without
 * ALLOW_REFRESH_TOKEN_AUTH does (a rotating client cannot have it, seed-schema.ts).
 */
async function refreshTokenAuth(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  parameters: Map<string, string>,
): Promise<JsonObject> {
  if (rotatesRefreshTokens(client)) throw Errors.invalidParameter(Messages.refreshFlowNotEnabled);
  assertFlowEnabled(client, 'ALLOW_REFRESH_TOKEN_AUTH', Messages.refreshFlowNotEnabled);
  const refreshToken = parameters.get('REFRESH_TOKEN');
  if (!refreshToken) throw Errors.missingAuthParameter('REFRESH_TOKEN');
  const { family, user } = await openRefreshToken(context, pool, client, refreshToken, (opened) =>
    // §7: on refresh the hash may be computed from the username or from `sub`; §5.2 has the refresh wording.
    checkSecretHash(client, [opened.username, opened.sub], parameters.get('SECRET_HASH'), (id) => `SecretHash does not match for the client: ${id}`),
  );
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(context, pool, client, user, family) };
}

export const InitiateAuth: OperationDefinition = { signed: false, handler: initiateAuth };
