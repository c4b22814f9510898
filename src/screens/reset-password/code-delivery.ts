import type { CodeDelivery } from '../../auth/auth-types';

/** The catalog key that says where a code went, by medium; `prefix` picks the sentence family. */
export function deliveryMessageKey(prefix: 'resetPassword.codeSent' | 'resetPassword.resent', delivery: CodeDelivery | null): string {
  if (!delivery) return `${prefix}Unknown`;
  return delivery.medium === 'SMS' ? `${prefix}Sms` : `${prefix}Email`;
}
