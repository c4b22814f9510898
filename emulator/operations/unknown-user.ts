import { createHmac } from 'node:crypto';
import { pseudoVerifier, type PasswordVerifier } from '../srp';
import { unknownNameKey, uuidFrom, type PoolState } from '../store';
import type { OperationContext } from './context';

/**
 * What the pool answers with for a name that has no user, under PreventUserExistenceErrors ENABLED (§3.6, §6):
 * Cognito "returns the same salt and internal user id in UUID format for the same user name and user pool
 * combination". Derived with the server's simulation secret, so it is stable while the server runs and no
 * client can compute it.
 */
export interface SimulatedUser {
  /** The unknownNameKey of the name (the key of its lockout counters). */
  readonly key: string;
  /** USER_ID_FOR_SRP: a version-4 UUID, as the internal id Cognito simulates. */
  readonly userIdForSrp: string;
  /**
   * A salt shaped as a real user's (16 bytes, first byte not zero, srp.ts randomSalt) and a verifier of a real
   * one's width: the steps that use them cost what they cost for a user, and the salt's first digit is spread as
   * a real one's, so neither the timing nor the salt's shape sets an unknown name apart.
   */
  readonly password: PasswordVerifier;
}

export function simulatedUser(context: OperationContext, pool: PoolState, username: string): SimulatedUser {
  const key = unknownNameKey(pool, username);
  const secret = context.store.simulationSecret;
  const derive = (purpose: string) => createHmac('sha256', secret).update(`${purpose}\n${pool.id}\n${key}`, 'utf8').digest();
  return {
    key,
    userIdForSrp: uuidFrom(secret, `id\n${pool.id}\n${key}`),
    password: { salt: simulatedSalt(derive), verifier: pseudoVerifier(derive('verifier')) },
  };
}

/** 16 bytes whose first is not zero, drawn again (deterministically) when it is, as randomSalt draws again. */
function simulatedSalt(derive: (purpose: string) => Buffer): string {
  for (let attempt = 0; ; attempt += 1) {
    const bytes = derive(`salt\n${attempt}`).subarray(0, 16);
    if (bytes[0] !== 0) return bytes.toString('hex');
  }
}
