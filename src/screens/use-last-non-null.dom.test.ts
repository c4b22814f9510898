import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLastNonNull } from './use-last-non-null';

describe('useLastNonNull', () => {
  it('is null until there has been a value', () => {
    const { result } = renderHook(({ value }) => useLastNonNull(value), { initialProps: { value: null as string | null } });
    expect(result.current).toBeNull();
  });

  it('follows the value, and keeps the last one while the value is null', () => {
    const { result, rerender } = renderHook(({ value }) => useLastNonNull(value), { initialProps: { value: 'first' as string | null } });
    expect(result.current).toBe('first');
    rerender({ value: null });
    expect(result.current).toBe('first');
    rerender({ value: 'second' });
    expect(result.current).toBe('second');
    rerender({ value: null });
    expect(result.current).toBe('second');
  });
});
