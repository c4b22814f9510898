import { useTranslation } from '../i18n/react';

/**
 * The app merges every area's catalog into one catalog per language, so one `t` resolves both the
 * screens' own keys and the keys the auth layer hands over (errors, notices, password rules).
 */
export function useAppTranslation() {
  return useTranslation();
}
