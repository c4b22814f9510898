import { lazy, useState, type ComponentType } from 'react';

/** A screen loaded on demand that can also be asked for ahead of time. */
export type LazyScreen = ComponentType & {
  /** Starts loading the screen's chunk, once; a failed load is tried again by the next call or render. */
  preload(): Promise<void>;
};

/**
 * `React.lazy` with a `preload()`. `lazy` alone suspends on a screen's first render even when its chunk has
 * already arrived, and React then holds the screen back until its fallback has been up for 300 ms; a screen
 * whose chunk is in when it is first shown here renders at once, with no fallback and no wait.
 */
export function lazyScreen<T>(load: () => Promise<T>, pick: (module: T) => ComponentType): LazyScreen {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;

  function loadOnce(): Promise<ComponentType> {
    loading ??= load().then(
      (module) => (loaded = pick(module)),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  const Suspending = lazy(async () => ({ default: await loadOnce() }));

  function Screen() {
    // Chosen once per mount: changing from one to the other would mount the screen afresh and lose its state.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded /> : <Suspending />;
  }

  return Object.assign(Screen, {
    preload: () =>
      loadOnce().then(
        () => undefined,
        // Not an error yet: rendering the screen loads it again, and shows the failure if it fails again.
        () => undefined,
      ),
  });
}
