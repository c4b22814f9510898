import { randomBytes } from 'node:crypto';
import { Errors, Messages } from '../errors';
import { LIMITS } from '../limits';
import { usernameKey, type ChallengeSession, type ClientState, type PoolState, type UserState } from '../store';
import type { OperationContext } from './context';

/** Challenge sessions (§1, §4.2; docs/cognito-behaviour.md, MFA, M7): create, open, spend. */

export type ChallengeSessionDetails = Pick<ChallengeSession, 'challengeName'> &
  Partial<Pick<ChallengeSession, 'expiresAt' | 'code' | 'choices' | 'setup' | 'secret'>>;

/**
 * Security: the Session is an opaque random handle (like Cognito's encrypted `AYAB…` blob, §1); everything it
 * stands for stays on the server, so a client can neither read nor forge it. It lasts the client's
 * AuthSessionValidity unless `details.expiresAt` carries over the expiry of the Session it descends from.
 */
export function createChallengeSession(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
  details: ChallengeSessionDetails,
): string {
  const session = `AYAB${randomBytes(LIMITS.sessionBytes).toString('base64url')}`;
  context.store.challengeSessions.set(session, {
    poolId: pool.id,
    clientId: client.config.ClientId,
    username: user.username,
    sub: user.sub,
    expiresAt: context.clock.now() + client.config.AuthSessionValidity * 60 * 1000,
    wrongAnswers: 0,
    ...details,
  });
  return session;
}

/**
 * The state of a Session sent by a client, checked in Cognito's order: missing, unknown (or of another pool or
 * client, or already used: a used Session is forgotten), then expired. MFA, M7 and M9.
 */
export function openChallengeSession(
  context: OperationContext,
  session: string | undefined,
  expected?: { pool: PoolState; client: ClientState },
): { session: string; state: ChallengeSession } {
  if (!session) throw Errors.missingAuthParameter('Session');
  const state = context.store.challengeSessions.get(session);
  if (!state) throw Errors.notAuthorized(Messages.sessionInvalid);
  if (expected && (state.poolId !== expected.pool.id || state.clientId !== expected.client.config.ClientId)) {
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  if (context.clock.now() >= state.expiresAt) throw Errors.notAuthorized(Messages.sessionExpired);
  return { session, state };
}

/**
 * Counts a wrong answer; the last allowed one spends the Session, so the next answer gets "Invalid session for
 * the user." (docs/cognito-behaviour.md, MFA, M9: the limit is this emulator's, LIMITS.mfaWrongAnswersPerSession).
 */
export function countWrongAnswer(context: OperationContext, session: string, state: ChallengeSession): void {
  state.wrongAnswers += 1;
  if (state.wrongAnswers >= LIMITS.mfaWrongAnswersPerSession) context.store.challengeSessions.delete(session);
}

/**
 * Whether an answer's USERNAME names the Session's user. A Session is bound to its user, and USERNAME may name
 * them by anything Cognito takes for a username (docs/cognito-behaviour.md §10.1): USER_ID_FOR_SRP after SRP, or
 * the email or alias typed, which amazon-cognito-identity-js keeps sending after USER_PASSWORD_AUTH.
 */
export function namesSessionUser(context: OperationContext, pool: PoolState, name: string, state: ChallengeSession): boolean {
  if (usernameKey(pool, name) === usernameKey(pool, state.username)) return true;
  return context.store.findUser(pool, name)?.sub === state.sub;
}
