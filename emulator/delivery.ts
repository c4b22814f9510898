import { randomInt } from 'node:crypto';
import { LIMITS } from './limits';

export type DeliveryMedium = 'EMAIL' | 'SMS';

export interface Delivery {
  medium: DeliveryMedium;
  attributeName: 'email' | 'phone_number';
  /** The real address: only the outbox sees it. */
  destination: string;
}

/** The wire shape of CodeDeliveryDetails (§4.3). */
export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: DeliveryMedium;
  AttributeName: string;
}

/**
 * Where a password-reset code goes (§4.3): with no AccountRecoverySetting, a verified phone first, then a
 * verified email ("when phone number is also confirmed, SMS is always preferred"). null when neither is verified.
 */
export function verifiedRecoveryContact(attributes: ReadonlyMap<string, string>): Delivery | null {
  const phone = attributes.get('phone_number');
  if (phone && attributes.get('phone_number_verified') === 'true') {
    return { medium: 'SMS', attributeName: 'phone_number', destination: phone };
  }
  const email = attributes.get('email');
  if (email && attributes.get('email_verified') === 'true') {
    return { medium: 'EMAIL', attributeName: 'email', destination: email };
  }
  return null;
}

/**
 * §4.3 [X]: sources agree on the first character of the local part and of the domain; the number of asterisks
 * and whether the TLD is kept vary. [U] This emulator uses the recommended `x***@y***`.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return `${email.charAt(0)}***`;
  return `${email.charAt(0)}***@${email.charAt(at + 1)}***`;
}

/**
 * §4.3: `+`, then an asterisk for every other character, then the last 4 digits, so the asterisk count is the
 * length of the number minus 5 (`+*******0123` for the 12-character `+15555550123`). [U] That count is the
 * rule the public samples fit; at least one asterisk is kept so a malformed short value is still masked.
 */
export function maskPhone(phone: string): string {
  const lastFour = phone.slice(-4);
  return `+${'*'.repeat(Math.max(phone.length - 5, 1))}${lastFour}`;
}

export function codeDeliveryDetails(delivery: Delivery): CodeDeliveryDetails {
  return {
    Destination: delivery.medium === 'SMS' ? maskPhone(delivery.destination) : maskEmail(delivery.destination),
    DeliveryMedium: delivery.medium,
    AttributeName: delivery.attributeName,
  };
}

/** A uniformly random numeric code (crypto.randomInt, so codes cannot be predicted from earlier ones). */
export function generateCode(): string {
  return String(randomInt(0, 10 ** LIMITS.codeDigits)).padStart(LIMITS.codeDigits, '0');
}
