import type { MfaPreferenceChanges, MfaSettings, VerifiableAttribute } from '../../auth/adapter';
import type { MfaMethod } from '../../auth/challenges';
import type { MfaConfiguration } from '../../config/schema';

/**
 * The two-step page's rules, apart from React: what each switch sends to SetUserMFAPreference and what the
 * settings are afterwards (Cognito's effect is fully determined, so the page need not read them again).
 */

/** The contact a method sends its codes to; the authenticator app needs none. */
export function contactOf(method: MfaMethod): VerifiableAttribute | null {
  if (method === 'SMS_MFA') return 'phone_number';
  if (method === 'EMAIL_OTP') return 'email';
  return null;
}

export type ContactState = 'missing' | 'unverified' | 'verified';

export function contactState(attributes: Record<string, string>, attribute: VerifiableAttribute): ContactState {
  if (!attributes[attribute]) return 'missing';
  return attributes[`${attribute}_verified`] === 'true' ? 'verified' : 'unverified';
}

/** With MFA ON, Cognito keeps asking for a second factor: the last method on cannot be turned off. */
export function isRequiredByPool(settings: MfaSettings, method: MfaMethod, configuration: MfaConfiguration): boolean {
  return configuration === 'ON' && settings.enabled.length === 1 && settings.enabled[0] === method;
}

/** Turning a method on: it becomes the preferred one when no other is on, so sign-in knows which to ask. */
export function turnOn(settings: MfaSettings, method: MfaMethod): MfaPreferenceChanges {
  return { [method]: settings.enabled.length === 0 ? { enabled: true, preferred: true } : { enabled: true } };
}

/** Turning a method off: if one method is left, it becomes the preferred one (else Cognito would ask which). */
export function turnOff(settings: MfaSettings, method: MfaMethod): MfaPreferenceChanges {
  const left = settings.enabled.filter((other) => other !== method);
  const changes: MfaPreferenceChanges = { [method]: { enabled: false, preferred: false } };
  const [only] = left;
  if (left.length === 1 && only && settings.preferred !== only) changes[only] = { enabled: true, preferred: true };
  return changes;
}

export function prefer(method: MfaMethod): MfaPreferenceChanges {
  return { [method]: { enabled: true, preferred: true } };
}

/** The settings after SetUserMFAPreference accepted `changes`. */
export function applyChanges(settings: MfaSettings, changes: MfaPreferenceChanges): MfaSettings {
  let enabled = [...settings.enabled];
  let preferred = settings.preferred;
  for (const [method, change] of Object.entries(changes) as [MfaMethod, { enabled: boolean; preferred?: boolean }][]) {
    enabled = change.enabled ? [...enabled.filter((other) => other !== method), method] : enabled.filter((other) => other !== method);
    if (change.enabled && change.preferred) preferred = method;
    else if (preferred === method && (!change.enabled || change.preferred === false)) preferred = null;
  }
  return { enabled, preferred };
}
