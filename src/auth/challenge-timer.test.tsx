import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigProvider } from '../config/config-context';
import { makeTestConfig } from '../test/test-config';
import { countdown, countdownPhase, secondsLeft, useChallengeCountdown } from './challenge-timer';

describe('secondsLeft', () => {
  it('rounds up to whole seconds', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 1)).toBe(10);
    expect(secondsLeft(10_000, 999)).toBe(10);
    expect(secondsLeft(10_000, 1_000)).toBe(9);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
  });

  it('is zero at and after the expiry', () => {
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 50_000)).toBe(0);
  });
});

describe('countdownPhase', () => {
  it('runs above the warning threshold', () => {
    expect(countdownPhase(61, 60)).toBe('running');
  });
  it('warns at the threshold and below', () => {
    expect(countdownPhase(60, 60)).toBe('warning');
    expect(countdownPhase(1, 60)).toBe('warning');
  });
  it('expires at zero', () => {
    expect(countdownPhase(0, 60)).toBe('expired');
  });
  it('never warns with a zero threshold', () => {
    expect(countdownPhase(1, 0)).toBe('running');
  });
  it('combines both', () => {
    expect(countdown(180_000, 0, 60)).toEqual({ secondsLeft: 180, phase: 'running' });
  });
});

describe('useChallengeCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function Countdown({ expiresAt }: { expiresAt: number }) {
    const { secondsLeft: seconds, phase } = useChallengeCountdown(expiresAt);
    return <p data-testid="countdown">{`${seconds} ${phase}`}</p>;
  }

  it('ticks once a second through the warning to the expiry, with the configured threshold', () => {
    const expiresAt = Date.now() + 3 * 60_000;
    render(
      <ConfigProvider config={makeTestConfig({ challengeWarningSeconds: 30 })}>
        <Countdown expiresAt={expiresAt} />
      </ConfigProvider>,
    );
    const shown = () => screen.getByTestId('countdown').textContent;
    expect(shown()).toBe('180 running');

    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe('179 running');

    act(() => vi.advanceTimersByTime(148_000));
    expect(shown()).toBe('31 running');

    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe('30 warning');

    act(() => vi.advanceTimersByTime(29_000));
    expect(shown()).toBe('1 warning');

    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe('0 expired');
  });

  it('stops ticking once expired', () => {
    const expiresAt = Date.now() + 2_000;
    const { result } = renderHook(() => useChallengeCountdown(expiresAt, { warningSeconds: 60 }));
    act(() => vi.advanceTimersByTime(2_000));
    expect(result.current).toEqual({ secondsLeft: 0, phase: 'expired' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up at once when the clock jumps (a tab woken from the background)', () => {
    const expiresAt = Date.now() + 120_000;
    const { result } = renderHook(() => useChallengeCountdown(expiresAt, { warningSeconds: 60 }));
    act(() => {
      vi.setSystemTime(Date.now() + 100_000); // the clock moved on while timers did not run
      vi.advanceTimersByTime(1_000);
    });
    expect(result.current).toEqual({ secondsLeft: 19, phase: 'warning' });
  });

  it('ticks on the expiry second boundaries when started mid-second', () => {
    const expiresAt = Date.now() + 1_500;
    const { result } = renderHook(() => useChallengeCountdown(expiresAt, { warningSeconds: 60 }));
    expect(result.current.secondsLeft).toBe(2);
    act(() => vi.advanceTimersByTime(500));
    expect(result.current.secondsLeft).toBe(1);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toEqual({ secondsLeft: 0, phase: 'expired' });
  });

  it('defaults to a 60-second warning outside a ConfigProvider', () => {
    const expiresAt = Date.now() + 60_000;
    const { result } = renderHook(() => useChallengeCountdown(expiresAt));
    expect(result.current.phase).toBe('warning');
  });

  it('is expired at once for a challenge already past its time', () => {
    const expiresAt = Date.now() - 1;
    const { result } = renderHook(() => useChallengeCountdown(expiresAt));
    expect(result.current).toEqual({ secondsLeft: 0, phase: 'expired' });
  });
});
