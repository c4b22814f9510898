import { Messages } from './errors';

/**
 * A user pool's MFA configuration, in the member names of SetUserPoolMfaConfig / GetUserPoolMfaConfig
 * (docs/cognito-behaviour.md, MFA, M1–M3), and the rules both the seed and SetUserPoolMfaConfig check.
 */

export const MFA_FACTORS = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] as const;
/** A second factor, by its challenge name (also the name in UserMFASettingList and PreferredMfaSetting). */
export type MfaFactor = (typeof MFA_FACTORS)[number];

export const MFA_CONFIGURATIONS = ['OFF', 'ON', 'OPTIONAL'] as const;
export type MfaConfiguration = (typeof MFA_CONFIGURATIONS)[number];

export interface SmsMfaConfig {
  SmsAuthenticationMessage?: string;
  /** Kept and shown as given: this pool sends nothing through Amazon SNS, its texts go to the outbox. */
  SmsConfiguration?: { SnsCallerArn: string; ExternalId?: string; SnsRegion?: string };
}

export interface EmailMfaConfig {
  Message?: string;
  Subject?: string;
}

/** Kept and shown as given; passkeys are not emulated, so it never counts as a factor. */
export interface WebAuthnConfig {
  RelyingPartyId?: string;
  UserVerification?: string;
  FactorConfiguration?: string;
}

export interface PoolMfaConfig {
  MfaConfiguration: MfaConfiguration;
  SmsMfaConfiguration?: SmsMfaConfig;
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  EmailMfaConfiguration?: EmailMfaConfig;
  WebAuthnConfiguration?: WebAuthnConfig;
}

/**
 * The factors the pool offers. [U] An SMS or email block turns its factor on (this pool needs no SNS role or SES
 * identity to send: the outbox stands in for both); TOTP is on with `Enabled: true` (MFA, M1).
 */
export function poolFactors(config: PoolMfaConfig): MfaFactor[] {
  const factors: MfaFactor[] = [];
  if (config.SmsMfaConfiguration) factors.push('SMS_MFA');
  if (config.SoftwareTokenMfaConfiguration?.Enabled === true) factors.push('SOFTWARE_TOKEN_MFA');
  if (config.EmailMfaConfiguration) factors.push('EMAIL_OTP');
  return factors;
}

export function poolOffers(config: PoolMfaConfig, factor: MfaFactor): boolean {
  return config.MfaConfiguration !== 'OFF' && poolFactors(config).includes(factor);
}

/**
 * MFA, M3: Cognito's two refusals of an inconsistent configuration, as the message it answers with, or null. [U] A
 * TOTP block with `Enabled: false` configures nothing, so it is accepted with OFF.
 */
export function mfaConfigurationViolation(config: PoolMfaConfig): string | null {
  const factors = poolFactors(config);
  if (config.MfaConfiguration === 'OFF') {
    return factors.length > 0 ? Messages.mfaConfigOffWithFactor : null;
  }
  return factors.length === 0 ? Messages.mfaConfigAllFactorsOff : null;
}
