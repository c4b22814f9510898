import { act } from '@testing-library/react';
import type { Mock } from 'vitest';

/**
 * The pool's answer a task later, as over a network: a read that a screen starts when it mounts then lands
 * inside {@link settlePoolAnswers}' act() rather than between the render and the test's first line.
 */
export function later<T>(value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), 0));
}

/**
 * Waits, inside act(), until every answer the given adapter methods have returned so far has settled, and the
 * renders that follow from them are done. No fixed delay: it waits for exactly those answers.
 */
export async function settlePoolAnswers(...methods: Mock[]): Promise<void> {
  await act(async () => {
    await Promise.allSettled(methods.flatMap((method) => method.mock.results.map((result) => result.value as unknown)));
  });
  // The controller and the screen handle an answer a few promise steps after it arrives.
  for (let turn = 0; turn < 5; turn++) await act(async () => {});
}
