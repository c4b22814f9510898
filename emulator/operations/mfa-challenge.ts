import { generateCode, maskEmail, maskPhone } from '../delivery';
import { MFA_FACTORS, poolFactors, poolOffers, type MfaFactor } from '../mfa-config';
import type { ClientState, PoolState, UserState } from '../store';
import { createChallengeSession } from './challenge-session';
import type { OperationContext } from './context';
import type { JsonObject } from './input';

/** Which MFA challenge follows a proven password, and issuing it (docs/cognito-behaviour.md, MFA, M4–M6). */

/** The outbox `kind` of a sign-in code sent by SMS_MFA or EMAIL_OTP. */
export const MFA_CODE_KIND = 'MFA';

/** Whether the user has what `factor` needs: a phone number, an email address, or a verified authenticator. */
function canDeliver(user: UserState, factor: MfaFactor): boolean {
  switch (factor) {
    case 'SMS_MFA':
      return Boolean(user.attributes.get('phone_number'));
    case 'EMAIL_OTP':
      return Boolean(user.attributes.get('email'));
    case 'SOFTWARE_TOKEN_MFA':
      return user.mfa.softwareToken !== null;
  }
}

/** The factors that can challenge this user now: turned on by the user, offered by the pool, and deliverable. */
export function usableFactors(pool: PoolState, user: UserState): MfaFactor[] {
  return MFA_FACTORS.filter((factor) => user.mfa.enabled.has(factor) && poolOffers(pool.mfaConfig, factor) && canDeliver(user, factor));
}

/**
 * MFA, M5: the challenge a user gets once the password is proven, or null when tokens follow. The preferred
 * factor wins; one usable factor is used; several without a preference are offered in SELECT_MFA_TYPE. With none,
 * an OPTIONAL pool signs the user in, and an ON pool sends a code to the phone or email it can reach, else (a
 * verified authenticator aside, [U]) asks for an authenticator to be set up.
 */
export function mfaChallengeAfterPassword(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
): JsonObject | null {
  const config = pool.mfaConfig;
  if (config.MfaConfiguration === 'OFF') return null;
  const usable = usableFactors(pool, user);
  const preferred = user.mfa.preferred;
  if (preferred && usable.includes(preferred)) return issueFactorChallenge(context, pool, client, user, preferred);
  if (usable.length === 1) return issueFactorChallenge(context, pool, client, user, usable[0]);
  if (usable.length > 1) {
    return {
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: createChallengeSession(context, pool, client, user, { challengeName: 'SELECT_MFA_TYPE', choices: usable }),
      // MFA, M6: lists are JSON-array strings.
      ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(usable), USER_ID_FOR_SRP: user.username },
    };
  }
  if (config.MfaConfiguration === 'OPTIONAL') return null;
  for (const factor of ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] as const) {
    if (poolOffers(config, factor) && canDeliver(user, factor)) return issueFactorChallenge(context, pool, client, user, factor);
  }
  return {
    ChallengeName: 'MFA_SETUP',
    Session: createChallengeSession(context, pool, client, user, { challengeName: 'MFA_SETUP', setup: 'challenged' }),
    // MFA, M6: every factor the pool offers, as in the captured `["SMS_MFA","SOFTWARE_TOKEN_MFA"]`.
    ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(poolFactors(config)), USER_ID_FOR_SRP: user.username },
  };
}

/**
 * The SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA challenge with a new Session of full validity (also the answer to
 * SELECT_MFA_TYPE, MFA M8). SMS and email codes go to the outbox; the destination is masked as ForgotPassword's
 * is (§4.3).
 */
export function issueFactorChallenge(
  context: OperationContext,
  pool: PoolState,
  client: ClientState,
  user: UserState,
  factor: MfaFactor,
): JsonObject {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    const friendlyDeviceName = user.mfa.softwareToken?.friendlyDeviceName;
    return {
      ChallengeName: factor,
      Session: createChallengeSession(context, pool, client, user, { challengeName: factor }),
      ChallengeParameters: {
        // [U] Left out when VerifySoftwareToken was given no FriendlyDeviceName.
        ...(friendlyDeviceName ? { FRIENDLY_DEVICE_NAME: friendlyDeviceName } : {}),
        USER_ID_FOR_SRP: user.username,
      },
    };
  }
  const bySms = factor === 'SMS_MFA';
  const destination = user.attributes.get(bySms ? 'phone_number' : 'email') ?? '';
  const code = generateCode();
  context.store.sendToOutbox({
    poolId: pool.id,
    username: user.username,
    kind: MFA_CODE_KIND,
    medium: bySms ? 'SMS' : 'EMAIL',
    destination,
    code,
    temporaryPassword: null,
  });
  return {
    ChallengeName: factor,
    Session: createChallengeSession(context, pool, client, user, { challengeName: factor, code }),
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: bySms ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: bySms ? maskPhone(destination) : maskEmail(destination),
      USER_ID_FOR_SRP: user.username,
    },
  };
}
