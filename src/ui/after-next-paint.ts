/**
 * Resolves once the browser has had the chance to paint: the animation frame runs just before a
 * paint, the timeout after it. Used to show a pending state before work that blocks the main thread.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(resolve, 0);
    });
  });
}
