import { useTranslation } from 'react-i18next';

/**
 * The app merges every area's catalog into i18next's default namespace, so one `t` resolves both the
 * screens' own keys and the keys the auth layer hands over (errors, notices, password rules).
 */
export function useAppTranslation() {
  return useTranslation();
}
