import { Errors } from '../errors';
import { MFA_FACTORS, type MfaFactor } from '../mfa-config';
import type { UserState } from '../store';
import { authenticateAccessToken } from './access-token';
import { requirePool, requireUserForAdmin, signedOperation, touch, type OperationContext, type OperationDefinition } from './context';
import { requiredString, type JsonObject } from './input';

/**
 * SetUserMFAPreference (unsigned, AccessToken) and AdminSetUserMFAPreference (SigV4), and the MFA members of
 * GetUser / AdminGetUser (docs/cognito-behaviour.md, MFA, M13–M14).
 */

interface FactorSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

const SETTINGS_MEMBERS: ReadonlyArray<[member: string, factor: MfaFactor]> = [
  ['SMSMfaSettings', 'SMS_MFA'],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
  ['EmailMfaSettings', 'EMAIL_OTP'],
];

function settingsOf(input: JsonObject, member: string): FactorSettings | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw Errors.serialization(`${member} must be a structure`);
  const settings: FactorSettings = {};
  for (const key of ['Enabled', 'PreferredMfa'] as const) {
    const entry = (value as JsonObject)[key];
    if (entry === undefined || entry === null) continue;
    if (typeof entry !== 'boolean') throw Errors.serialization(`${member}.${key} must be a boolean`);
    settings[key] = entry;
  }
  return settings;
}

/** Whether the user has what a factor needs before it can be turned on (MFA, M13). */
function hasDeliveryConfig(user: UserState, factor: MfaFactor): boolean {
  switch (factor) {
    case 'SMS_MFA':
      return Boolean(user.attributes.get('phone_number'));
    case 'EMAIL_OTP':
      return Boolean(user.attributes.get('email'));
    case 'SOFTWARE_TOKEN_MFA':
      // Only a verified authenticator counts: one associated and not yet verified does not (MFA, M13).
      return user.mfa.softwareToken !== null;
  }
}

/**
 * MFA, M13. Per factor: `Enabled: true` turns it on and keeps any preference; with `PreferredMfa: true` it becomes
 * the one preferred; `PreferredMfa: false` drops its preference; `Enabled: false` turns it off with its
 * preference. [U] A block without `Enabled` leaves the factor as it is, except that `PreferredMfa: true` turns it on.
 * Everything is checked before anything changes.
 */
function applyPreferences(context: OperationContext, user: UserState, input: JsonObject): void {
  const changes = SETTINGS_MEMBERS.flatMap(([member, factor]) => {
    const settings = settingsOf(input, member);
    return settings ? [{ factor, settings, turnsOn: settings.Enabled ?? settings.PreferredMfa === true }] : [];
  });
  const preferredCount = changes.filter(({ settings, turnsOn }) => turnsOn && settings.PreferredMfa === true).length;
  // MFA, M13: refused, as Amplify's tests against real pools show; [U] the message is this emulator's.
  if (preferredCount > 1) throw Errors.invalidParameter('Only one MFA method can be set as preferred.');
  for (const { factor, turnsOn } of changes) {
    if (turnsOn && !hasDeliveryConfig(user, factor)) throw Errors.noMfaDeliveryConfig(factor);
  }
  const mfa = user.mfa;
  for (const { factor, settings, turnsOn } of changes) {
    if (settings.Enabled === false) {
      mfa.enabled.delete(factor);
      if (mfa.preferred === factor) mfa.preferred = null;
      continue;
    }
    if (turnsOn) mfa.enabled.add(factor);
    if (settings.PreferredMfa === true && turnsOn) mfa.preferred = factor;
    if (settings.PreferredMfa === false && mfa.preferred === factor) mfa.preferred = null;
  }
  touch(context, user);
}

async function setUserMfaPreference(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const { user } = await authenticateAccessToken(context, requiredString(input, 'AccessToken'));
  applyPreferences(context, user, input);
  return {};
}

async function adminSetUserMfaPreference(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const user = requireUserForAdmin(context, pool, requiredString(input, 'Username'));
  applyPreferences(context, user, input);
  return {};
}

/**
 * MFA, M14: UserMFASettingList and PreferredMfaSetting only when set, and the legacy MFAOptions entry for SMS.
 * The list holds the factors the user turned on, not one an ON pool applies without it.
 */
export function userMfaMembers(user: UserState): JsonObject {
  const enabled = MFA_FACTORS.filter((factor) => user.mfa.enabled.has(factor));
  return {
    ...(user.mfa.enabled.has('SMS_MFA') ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
    ...(user.mfa.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(enabled.length > 0 ? { UserMFASettingList: enabled } : {}),
  };
}

export const SetUserMFAPreference: OperationDefinition = { signed: false, handler: setUserMfaPreference };
export const AdminSetUserMFAPreference = signedOperation(adminSetUserMfaPreference);
