import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { BASE32_SECRET, checkTotp, generateTotpSecret, totpCode, totpStep, type TotpReplayGuard } from './totp';

/** RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890". */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;

const fresh = (): TotpReplayGuard => ({ lastTotpStep: -1 });

describe('TOTP (docs/cognito-behaviour.md, MFA, M12)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives RFC 6238 test vector codes, 6 digits (T = %i s)', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('accepts the current step and one step either side, and nothing further', () => {
    const now = 1_800_000_000_000;
    for (const offset of [-30, 0, 30]) {
      expect(checkTotp(fresh(), RFC_SECRET, totpCode(RFC_SECRET, now + offset * 1000), now)).toBe('accepted');
    }
    for (const offset of [-60, 60]) {
      expect(checkTotp(fresh(), RFC_SECRET, totpCode(RFC_SECRET, now + offset * 1000), now)).toBe('mismatch');
    }
    expect(checkTotp(fresh(), RFC_SECRET, 'abcdef', now)).toBe('mismatch');
  });

  it('accepts a code once, and no older code after it', () => {
    const now = 1_800_000_000_000;
    const guard = fresh();
    const current = totpCode(RFC_SECRET, now);
    expect(checkTotp(guard, RFC_SECRET, current, now)).toBe('accepted');
    expect(guard.lastTotpStep).toBe(totpStep(now));
    expect(checkTotp(guard, RFC_SECRET, current, now + 5_000)).toBe('alreadyUsed');
    expect(checkTotp(guard, RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toBe('alreadyUsed');
    expect(checkTotp(guard, RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now + 30_000)).toBe('accepted');
  });

  it('makes 52-character base32 secrets that authenticator apps take, never the same twice', () => {
    const secrets = new Set(Array.from({ length: 20 }, generateTotpSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(BASE32_SECRET);
      expect(secret).toHaveLength(52);
      // otpauth with its defaults is what an app does with an otpauth:// URI carrying only the secret.
      expect(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: 0 })).toBe(totpCode(secret, 0));
    }
  });
});
