import { useConfig } from '../config/config-context';
import type { AppConfig } from '../config/schema';
import { isSupportedLanguage } from '../i18n/languages';
import { useAppTranslation } from '../ui/use-app-translation';

/**
 * The product name the config gives for `language`: its one name, or its name for that language, else for
 * `defaultLanguage` (the schema makes sure a per-language map has that one). Null when the config names none.
 */
export function configuredProductName(config: Pick<AppConfig, 'productName' | 'defaultLanguage'>, language: string): string | null {
  const names = config.productName;
  if (names === undefined) return null;
  if (typeof names === 'string') return names;
  return (isSupportedLanguage(language) ? names[language] : undefined) ?? names[config.defaultLanguage] ?? null;
}

/**
 * The product name as the header, the page title and an authenticator app show it, in the page's language:
 * the config's, or the app's own name translated (an English default would stay English in every language).
 */
export function useProductName(): string {
  const config = useConfig();
  const { t, i18n } = useAppTranslation();
  return configuredProductName(config, i18n.language) ?? t('app.productName');
}
