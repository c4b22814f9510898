import { Errors } from '../errors';
import {
  MFA_CONFIGURATIONS,
  mfaConfigurationViolation,
  type EmailMfaConfig,
  type MfaConfiguration,
  type PoolMfaConfig,
  type SmsMfaConfig,
  type WebAuthnConfig,
} from '../mfa-config';
import { requirePool, signedOperation, type OperationContext } from './context';
import { optionalBoolean, optionalString, requiredString, type JsonObject } from './input';

/** SetUserPoolMfaConfig and GetUserPoolMfaConfig (SigV4; docs/cognito-behaviour.md, MFA, M1–M3). */

/** A nested structure member, or undefined when absent. */
function structure(input: JsonObject, member: string): JsonObject | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw Errors.serialization(`${member} must be a structure`);
  return value as JsonObject;
}

function violation(value: string, path: string, constraint: string) {
  return Errors.invalidParameter(`1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: ${constraint}`);
}

/** The model's length bounds and `{####}` pattern for a message template. */
function template(parent: JsonObject, member: string, path: string, min: number, max: number): string | undefined {
  const value = optionalString(parent, member);
  if (value === undefined) return undefined;
  if (value.length < min) throw violation(value, path, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw violation(value, path, `Member must have length less than or equal to ${max}`);
  if (!value.includes('{####}')) throw violation(value, path, 'Member must satisfy regular expression pattern: .*\\{####\\}.*');
  return value;
}

function smsMfaConfiguration(input: JsonObject): SmsMfaConfig | undefined {
  const block = structure(input, 'SmsMfaConfiguration');
  if (!block) return undefined;
  const config: SmsMfaConfig = {};
  const message = template(block, 'SmsAuthenticationMessage', 'smsMfaConfiguration.smsAuthenticationMessage', 6, 140);
  if (message !== undefined) config.SmsAuthenticationMessage = message;
  const sms = structure(block, 'SmsConfiguration');
  if (sms) {
    const snsCallerArn = optionalString(sms, 'SnsCallerArn');
    if (snsCallerArn === undefined) throw Errors.missingMember('smsMfaConfiguration.smsConfiguration.snsCallerArn');
    const externalId = optionalString(sms, 'ExternalId');
    const snsRegion = optionalString(sms, 'SnsRegion');
    config.SmsConfiguration = {
      SnsCallerArn: snsCallerArn,
      ...(externalId !== undefined ? { ExternalId: externalId } : {}),
      ...(snsRegion !== undefined ? { SnsRegion: snsRegion } : {}),
    };
  }
  return config;
}

function emailMfaConfiguration(input: JsonObject): EmailMfaConfig | undefined {
  const block = structure(input, 'EmailMfaConfiguration');
  if (!block) return undefined;
  const config: EmailMfaConfig = {};
  const message = template(block, 'Message', 'emailMfaConfiguration.message', 6, 20000);
  if (message !== undefined) config.Message = message;
  const subject = optionalString(block, 'Subject');
  if (subject !== undefined) config.Subject = subject;
  return config;
}

/** Kept and echoed only: this pool has no passkeys, so WebAuthn never counts as a factor here. */
function webAuthnConfiguration(input: JsonObject): WebAuthnConfig | undefined {
  const block = structure(input, 'WebAuthnConfiguration');
  if (!block) return undefined;
  const config: WebAuthnConfig = {};
  for (const key of ['RelyingPartyId', 'UserVerification', 'FactorConfiguration'] as const) {
    const value = optionalString(block, key);
    if (value !== undefined) config[key] = value;
  }
  return config;
}

/** The five members of both answers, those that are set. */
function describeMfaConfig(config: PoolMfaConfig): JsonObject {
  return structuredClone({ ...config });
}

/**
 * MFA, M2–M3: the request replaces the whole configuration; a factor block left out is turned off. [U] A request
 * without MfaConfiguration sets OFF, the API's default, so a factor block sent alone is refused as "turn off MFA
 * and configure an MFA together" rather than kept with whatever was there before.
 */
async function setUserPoolMfaConfig(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  const mfaConfiguration = optionalString(input, 'MfaConfiguration') ?? 'OFF';
  if (!(MFA_CONFIGURATIONS as readonly string[]).includes(mfaConfiguration)) {
    throw Errors.enumMember('MfaConfiguration', mfaConfiguration, MFA_CONFIGURATIONS);
  }
  const config: PoolMfaConfig = { MfaConfiguration: mfaConfiguration as MfaConfiguration };
  const sms = smsMfaConfiguration(input);
  if (sms) config.SmsMfaConfiguration = sms;
  const softwareToken = structure(input, 'SoftwareTokenMfaConfiguration');
  if (softwareToken) {
    const enabled = optionalBoolean(softwareToken, 'Enabled');
    config.SoftwareTokenMfaConfiguration = enabled === undefined ? {} : { Enabled: enabled };
  }
  const email = emailMfaConfiguration(input);
  if (email) config.EmailMfaConfiguration = email;
  const webAuthn = webAuthnConfiguration(input);
  if (webAuthn) config.WebAuthnConfiguration = webAuthn;

  const refused = mfaConfigurationViolation(config);
  if (refused) throw Errors.invalidParameter(refused);
  pool.mfaConfig = config;
  return describeMfaConfig(config);
}

async function getUserPoolMfaConfig(input: JsonObject, context: OperationContext): Promise<JsonObject> {
  const pool = requirePool(context, requiredString(input, 'UserPoolId'));
  return describeMfaConfig(pool.mfaConfig);
}

export const SetUserPoolMfaConfig = signedOperation(setUserPoolMfaConfig);
export const GetUserPoolMfaConfig = signedOperation(getUserPoolMfaConfig);
