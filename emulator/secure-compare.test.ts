import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './secure-compare';

describe('constantTimeEqual', () => {
  it('accepts only the identical string', () => {
    expect(constantTimeEqual('123456', '123456')).toBe(true);
    expect(constantTimeEqual('123456', '123457')).toBe(false);
    expect(constantTimeEqual('123456', '12345')).toBe(false);
    expect(constantTimeEqual('123456', '1234567')).toBe(false);
    expect(constantTimeEqual('123456', '')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('compares code points, not a normalised form', () => {
    expect(constantTimeEqual('caf\u00e9', 'cafe\u0301')).toBe(false);
    expect(constantTimeEqual('Secret', 'secret')).toBe(false);
  });
});
