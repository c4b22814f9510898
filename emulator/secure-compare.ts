import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Security: compares a secret the server holds (code, client secret, secret hash, SRP signature) with what a
 * client sent, in time that depends on neither. Both sides are hashed first so timingSafeEqual gets inputs of
 * equal length: the length of the received value does not shape the timing, and no early return on a length
 * mismatch tells a caller how long the secret is.
 */
export function constantTimeEqual(expected: string, received: string): boolean {
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  const receivedDigest = createHash('sha256').update(received, 'utf8').digest();
  return timingSafeEqual(expectedDigest, receivedDigest);
}
