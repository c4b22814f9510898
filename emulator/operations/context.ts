import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { Errors } from '../errors';
import { LIMITS } from '../limits';
import { constantTimeEqual } from '../secure-compare';
import type { ClientState, PoolState, Store, UserState } from '../store';
import type { JsonObject } from './input';

export interface OperationContext {
  readonly store: Store;
  readonly clock: Clock;
}

/** validate → act on the store → answer. `undefined` answers with an empty body (§0.2). */
export type OperationHandler = (input: JsonObject, context: OperationContext) => Promise<JsonObject | undefined>;

export interface OperationDefinition {
  /**
   * §0.4: Admin*, List* and Describe* are SigV4-signed by every AWS client; the others carry no credentials.
   * Signed operations are refused without a SigV4-shaped Authorization header.
   */
  readonly signed: boolean;
  readonly handler: OperationHandler;
}

/** An Admin*, List* or Describe* operation (§0.4). */
export function signedOperation(handler: OperationHandler): OperationDefinition {
  return { signed: true, handler };
}

export function requireClient(context: OperationContext, clientId: string): { pool: PoolState; client: ClientState } {
  const found = context.store.findClient(clientId);
  if (!found) throw Errors.poolClientNotFound(clientId);
  return found;
}

export function requirePool(context: OperationContext, poolId: string): PoolState {
  const pool = context.store.findPool(poolId);
  if (!pool) throw Errors.poolNotFound(poolId);
  return pool;
}

/** Admin operations name unknown users plainly (§4.13): administrators are trusted with existence. */
export function requireUserForAdmin(context: OperationContext, pool: PoolState, username: string): UserState {
  const user = context.store.findUser(pool, username);
  if (!user) throw Errors.userNotFound();
  return user;
}

export function preventsUserExistenceErrors(client: ClientState): boolean {
  return client.config.PreventUserExistenceErrors === 'ENABLED';
}

/** §7: Base64(HMAC_SHA256(key = clientSecret, message = username + clientId)). */
export function computeSecretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId, 'utf8').digest('base64');
}

/**
 * §7 / §5.2: a client with a secret requires SECRET_HASH. `usernames` lists the names the hash may have been
 * computed with (the name as typed and the internal username; on refresh the username and `sub`).
 * [X] §5.2 gives two wordings for a missing hash; this emulator uses "configured for secret but secret was not
 * received", the one seen in an AWS CLI InitiateAuth transcript.
 */
export function checkSecretHash(
  client: ClientState,
  usernames: readonly string[],
  received: string | undefined,
  wrongHashMessage: (clientId: string) => string = (clientId) => `Unable to verify secret hash for client ${clientId}`,
): void {
  const secret = client.config.ClientSecret;
  if (secret === undefined) return;
  const clientId = client.config.ClientId;
  if (received === undefined || received === '') {
    throw Errors.notAuthorized(`Client ${clientId} is configured for secret but secret was not received`);
  }
  // Security: constant-time comparison so the hash cannot be guessed byte by byte from response times.
  const matches = usernames.some((username) => constantTimeEqual(computeSecretHash(secret, username, clientId), received));
  if (!matches) throw Errors.notAuthorized(wrongHashMessage(clientId));
}

/** Removes from `times` (in place) the entries older than the rate window, and answers how many remain. */
export function pruneToWindowAndCount(times: number[], now: number): number {
  const windowStart = now - LIMITS.rateWindowSeconds * 1000;
  while (times.length > 0 && times[0] <= windowStart) times.shift();
  return times.length;
}

/** Wire timestamps: epoch seconds with a millisecond fraction (§0.2). */
export function epochSeconds(milliseconds: number): number {
  return Math.round(milliseconds) / 1000;
}

/** `[{Name, Value}]` with `sub` first, as GetUser and AdminGetUser list them (§4.6). */
export function attributeListOf(user: UserState, only?: readonly string[]): Array<{ Name: string; Value: string }> {
  const list: Array<{ Name: string; Value: string }> = [];
  for (const [Name, Value] of user.attributes) {
    if (only && !only.includes(Name)) continue;
    list.push({ Name, Value });
  }
  return list;
}

export function touch(context: OperationContext, user: UserState): void {
  user.lastModifiedAt = context.clock.now();
}
