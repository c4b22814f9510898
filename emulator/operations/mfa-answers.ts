import { Errors, Messages } from '../errors';
import type { MfaFactor } from '../mfa-config';
import { constantTimeEqual } from '../secure-compare';
import type { ChallengeSession, ClientState, PoolState, UserState } from '../store';
import { checkTotp } from '../totp';
import { countWrongAnswer, namesSessionUser, openChallengeSession } from './challenge-session';
import { namesStayUnique } from './sign-in-name-claims';
import { checkSecretHash, touch, type OperationContext } from './context';
import type { JsonObject } from './input';
import { issueFactorChallenge } from './mfa-challenge';
import { assertMaySignIn, signIn } from './sign-in';

/** RespondToAuthChallenge for the MFA challenges (docs/cognito-behaviour.md, MFA, M7–M9). */

interface Pending {
  context: OperationContext;
  pool: PoolState;
  client: ClientState;
  user: UserState;
  session: string;
  state: ChallengeSession;
  responses: Map<string, string>;
}

/**
 * Check order (MFA, M9): Session missing, unknown or used, expired; then the challenge named must be the pending
 * one (CodeMismatchException, the Session stays usable); then USERNAME, SECRET_HASH and the user; then the answer.
 * Keys the challenge does not use are ignored: amazon-cognito-identity-js sends SMS_MFA_CODE with every code.
 */
export async function answerMfaChallenge(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  challengeName: string,
  responses: Map<string, string>,
  sessionSent: string | undefined,
): Promise<JsonObject> {
  const { session, state } = openChallengeSession(context, sessionSent, { pool, client });
  if (state.challengeName !== challengeName) throw Errors.mfaCodeMismatch();
  const username = responses.get('USERNAME');
  if (!username) throw Errors.missingAuthParameter('USERNAME');
  // Bound to its user: another USERNAME cannot use it (by any of the user's names, §10.1).
  if (!namesSessionUser(context, pool, username, state)) throw Errors.notAuthorized(Messages.sessionInvalid);
  checkSecretHash(client, [username, state.username], responses.get('SECRET_HASH'));
  const user = context.store.findUser(pool, state.username);
  if (!user || user.sub !== state.sub) {
    context.store.challengeSessions.delete(session);
    throw Errors.notAuthorized(Messages.sessionInvalid);
  }
  assertMaySignIn(user);
  const pending: Pending = { context, pool, client, user, session, state, responses };
  switch (state.challengeName) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return answerSentCode(pending, state.challengeName);
    case 'SOFTWARE_TOKEN_MFA':
      return answerAuthenticatorCode(pending);
    case 'SELECT_MFA_TYPE':
      return answerSelection(pending);
    case 'MFA_SETUP':
      return answerSetup(pending);
    case 'NEW_PASSWORD_REQUIRED':
      // RespondToAuthChallenge answers these itself; a Session never reaches here with another name.
      throw Errors.notAuthorized(Messages.sessionInvalid);
  }
}

function requiredResponse(responses: Map<string, string>, name: string): string {
  const value = responses.get(name);
  if (!value) throw Errors.missingAuthParameter(name);
  return value;
}

/** Success: the Session is spent and the sign-in completes with tokens (a new token family, §2). */
async function complete({ context, pool, client, user, session }: Pending): Promise<JsonObject> {
  context.store.challengeSessions.delete(session);
  return { ChallengeParameters: {}, AuthenticationResult: await signIn(context, pool, client, user) };
}

/** MFA, M8–M9 and M15: the code sent by SMS or email; a right one also verifies the phone number or email. */
async function answerSentCode(pending: Pending, factor: Extract<MfaFactor, 'SMS_MFA' | 'EMAIL_OTP'>): Promise<JsonObject> {
  const { context, user, session, state, responses } = pending;
  const code = requiredResponse(responses, factor === 'SMS_MFA' ? 'SMS_MFA_CODE' : 'EMAIL_OTP_CODE');
  // Security: constant-time comparison, so response times do not reveal how much of a guess was right.
  if (state.code === undefined || !constantTimeEqual(state.code, code)) {
    countWrongAnswer(context, session, state);
    throw Errors.mfaCodeMismatch();
  }
  const flag = factor === 'SMS_MFA' ? 'phone_number_verified' : 'email_verified';
  // [U] §10.3: a right code verifies the address, unless it is another user's verified alias (which it would
  // otherwise take over in passing); the sign-in itself succeeds either way.
  const verified = new Map([...user.attributes, [flag, 'true']]);
  if (namesStayUnique(pending.pool, user, verified)) user.attributes.set(flag, 'true');
  touch(context, user);
  return complete(pending);
}

/** MFA, M8–M9 and M12: the authenticator's code; a code already accepted for this user is refused. */
async function answerAuthenticatorCode(pending: Pending): Promise<JsonObject> {
  const { context, user, session, state, responses } = pending;
  const code = requiredResponse(responses, 'SOFTWARE_TOKEN_MFA_CODE');
  const token = user.mfa.softwareToken;
  if (!token) throw Errors.softwareTokenMfaNotFound(Messages.softwareTokenMissingForUser);
  const check = checkTotp(user.mfa, token.secret, code, context.clock.now());
  if (check === 'mismatch') {
    countWrongAnswer(context, session, state);
    throw Errors.mfaCodeMismatch();
  }
  if (check === 'alreadyUsed') throw Errors.softwareTokenAlreadyUsed();
  return complete(pending);
}

/**
 * MFA, M8: ANSWER names one of the offered factors; the answer is that factor's challenge with a new Session of
 * full validity (a code is sent for SMS and email). [U] A factor that was not offered is refused like a wrong code.
 */
async function answerSelection({ context, pool, client, user, session, state, responses }: Pending): Promise<JsonObject> {
  const answer = requiredResponse(responses, 'ANSWER');
  const choice = state.choices?.find((factor) => factor === answer);
  if (!choice) throw Errors.mfaCodeMismatch();
  context.store.challengeSessions.delete(session);
  return issueFactorChallenge(context, pool, client, user, choice);
}

/**
 * MFA, M11: answered with the Session VerifySoftwareToken returned. Completing set-up at sign-in turns the
 * authenticator on and makes it preferred. [U] Answered before the authenticator is verified, the answer is
 * refused like a wrong code and the Session stays usable.
 */
async function answerSetup(pending: Pending): Promise<JsonObject> {
  const { context, user, state, responses } = pending;
  if (responses.has('EMAIL')) {
    // [U] Setting up email MFA during sign-in (MFA_SETUP answered with EMAIL) is not emulated.
    throw Errors.invalidParameter('MFA_SETUP with EMAIL is not supported by this local user pool.');
  }
  if (state.setup !== 'verified') throw Errors.mfaCodeMismatch();
  user.mfa.enabled.add('SOFTWARE_TOKEN_MFA');
  user.mfa.preferred = 'SOFTWARE_TOKEN_MFA';
  touch(context, user);
  return complete(pending);
}
