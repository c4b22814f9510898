import { describe, expect, it } from 'vitest';
import type { MfaSettings } from '../../auth/adapter';
import { applyChanges, contactState, isRequiredByPool, prefer, turnOff, turnOn } from './mfa-settings';

const none: MfaSettings = { enabled: [], preferred: null };
const totpOnly: MfaSettings = { enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' };
const totpAndSms: MfaSettings = { enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' };

describe('two-step rules', () => {
  it('reads a contact as missing, unverified or verified', () => {
    expect(contactState({}, 'email')).toBe('missing');
    expect(contactState({ email: 'a@example.com' }, 'email')).toBe('unverified');
    expect(contactState({ email: 'a@example.com', email_verified: 'false' }, 'email')).toBe('unverified');
    expect(contactState({ phone_number: '+15555550123', phone_number_verified: 'true' }, 'phone_number')).toBe('verified');
  });

  it('makes the first method turned on the preferred one, and leaves the preference alone after that', () => {
    expect(turnOn(none, 'SMS_MFA')).toEqual({ SMS_MFA: { enabled: true, preferred: true } });
    expect(turnOn(totpOnly, 'SMS_MFA')).toEqual({ SMS_MFA: { enabled: true } });
  });

  it('makes the one method left the preferred one when the preferred one is turned off', () => {
    expect(turnOff(totpAndSms, 'SOFTWARE_TOKEN_MFA')).toEqual({
      SOFTWARE_TOKEN_MFA: { enabled: false, preferred: false },
      SMS_MFA: { enabled: true, preferred: true },
    });
    expect(turnOff(totpOnly, 'SOFTWARE_TOKEN_MFA')).toEqual({ SOFTWARE_TOKEN_MFA: { enabled: false, preferred: false } });
  });

  it('applies changes as Cognito does', () => {
    expect(applyChanges(none, turnOn(none, 'EMAIL_OTP'))).toEqual({ enabled: ['EMAIL_OTP'], preferred: 'EMAIL_OTP' });
    expect(applyChanges(totpAndSms, prefer('SMS_MFA'))).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SMS_MFA' });
    expect(applyChanges(totpAndSms, turnOff(totpAndSms, 'SOFTWARE_TOKEN_MFA'))).toEqual({ enabled: ['SMS_MFA'], preferred: 'SMS_MFA' });
    expect(applyChanges(totpOnly, turnOff(totpOnly, 'SOFTWARE_TOKEN_MFA'))).toEqual({ enabled: [], preferred: null });
  });

  it('keeps the last method on only when the pool requires MFA', () => {
    expect(isRequiredByPool(totpOnly, 'SOFTWARE_TOKEN_MFA', 'ON')).toBe(true);
    expect(isRequiredByPool(totpOnly, 'SOFTWARE_TOKEN_MFA', 'OPTIONAL')).toBe(false);
    expect(isRequiredByPool(totpAndSms, 'SOFTWARE_TOKEN_MFA', 'ON')).toBe(false);
  });
});
