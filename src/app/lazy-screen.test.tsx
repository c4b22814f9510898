import { act, render, screen } from '@testing-library/react';
import { Suspense, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazy-screen';

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((value) => value + 1)}>
      {`clicked ${count}`}
    </button>
  );
}

const shown = (ui: ReactNode) => <Suspense fallback={<p>loading</p>}>{ui}</Suspense>;

describe('lazyScreen', () => {
  it('shows a screen loaded ahead of time at once, without its fallback', async () => {
    const load = vi.fn(() => Promise.resolve({ Counter }));
    const Screen = lazyScreen(load, (module) => module.Counter);
    await Screen.preload();

    act(() => {
      render(shown(<Screen />));
    });

    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads a screen not asked for ahead of time when it is shown, and only once', async () => {
    const load = vi.fn(() => Promise.resolve({ Counter }));
    const Screen = lazyScreen(load, (module) => module.Counter);

    render(shown(<Screen />));

    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
    await Screen.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps a screen that loaded while shown mounted when it renders again', async () => {
    const Screen = lazyScreen(() => Promise.resolve({ Counter }), (module) => module.Counter);
    const { rerender } = render(shown(<Screen />));
    const button = await screen.findByRole('button', { name: 'clicked 0' });

    act(() => button.click());
    rerender(shown(<Screen />));

    expect(screen.getByRole('button', { name: 'clicked 1' })).toBe(button);
  });

  it('loads again after a failed preload, which does not reject', async () => {
    const load = vi.fn<() => Promise<{ Counter: typeof Counter }>>().mockRejectedValueOnce(new Error('offline'));
    load.mockResolvedValue({ Counter });
    const Screen = lazyScreen(load, (module) => module.Counter);

    await expect(Screen.preload()).resolves.toBeUndefined();
    render(shown(<Screen />));

    expect(await screen.findByRole('button', { name: 'clicked 0' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
