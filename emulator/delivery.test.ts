import { describe, expect, it } from 'vitest';
import { codeDeliveryDetails, generateCode, maskEmail, maskPhone, verifiedRecoveryContact } from './delivery';

describe('masking', () => {
  it('masks an email as x***@y***', () => {
    expect(maskEmail('demo.user@example.com')).toBe('d***@e***');
  });

  it('masks a phone number as +, one asterisk per other character, and the last four digits', () => {
    expect(maskPhone('+15555550123')).toBe('+*******0123');
    expect(maskPhone('+447700904516')).toBe('+********4516');
    // §4.3: a 14-character number gets nine asterisks by the same rule.
    expect(maskPhone('+4915112345678')).toBe('+*********5678');
  });
});

describe('verifiedRecoveryContact', () => {
  const attributes = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it('prefers a verified phone over a verified email', () => {
    const contact = verifiedRecoveryContact(
      attributes({ email: 'a@example.com', email_verified: 'true', phone_number: '+15555550123', phone_number_verified: 'true' }),
    );
    expect(contact).toEqual({ medium: 'SMS', attributeName: 'phone_number', destination: '+15555550123' });
  });

  it('falls back to a verified email, and ignores unverified ones', () => {
    expect(verifiedRecoveryContact(attributes({ email: 'a@example.com', email_verified: 'true', phone_number: '+15555550123' }))?.medium).toBe('EMAIL');
    expect(verifiedRecoveryContact(attributes({ email: 'a@example.com', email_verified: 'false' }))).toBeNull();
  });

  it('builds CodeDeliveryDetails with the masked destination', () => {
    expect(codeDeliveryDetails({ medium: 'SMS', attributeName: 'phone_number', destination: '+15555550123' })).toEqual({
      Destination: '+*******0123',
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    });
    expect(codeDeliveryDetails({ medium: 'EMAIL', attributeName: 'email', destination: 'zoe@corp.test' })).toEqual({
      Destination: 'z***@c***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
  });
});

describe('generateCode', () => {
  it('makes 6-digit codes, zero-padded', () => {
    const codes = Array.from({ length: 200 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});
