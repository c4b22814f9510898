import { useMemo, useSyncExternalStore } from 'react';
import { i18n } from './runtime';
import type { TFunction, Translator } from './translator';

/**
 * What react-i18next's `useTranslation` gave the app: `t` for the current language and the runtime itself.
 * The component re-renders when the language or a catalog changes; `t` is a new function then, so effects
 * that depend on it run again.
 */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const version = useSyncExternalStore(i18n.subscribe, () => i18n.version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the reason to make a new `t`.
  const t = useMemo<TFunction>(() => (key, values) => i18n.t(key, values), [version]);
  return { t, i18n };
}
