import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-next-paint';

afterEach(() => {
  vi.useRealTimers();
});

describe('afterNextPaint', () => {
  it('resolves only after an animation frame and a task after it', async () => {
    vi.useFakeTimers();
    let resolved = false;
    void afterNextPaint().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    vi.advanceTimersToNextFrame();
    await Promise.resolve();
    expect(resolved).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(resolved).toBe(true);
  });
});
