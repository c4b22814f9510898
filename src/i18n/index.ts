import type { Catalog } from './catalog';
import { loadCatalog } from './load-catalog';
import {
  DEFAULT_LANGUAGE,
  browserStorage,
  rememberLanguage,
  type Language,
} from './languages';
import { i18n } from './runtime';

/**
 * The translation runtime (translator.ts, over i18next's catalog format) with one catalog per language, each
 * loaded on demand (load-catalog.ts).
 */

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Synchronous once the catalog is at hand: the app awaits `loadCatalog` first, tests pass it directly. */
export function initI18nWithCatalog(language: Language, catalog: Catalog): typeof i18n {
  if (i18n.isInitialized) {
    i18n.addResourceBundle(language, 'translation', catalog);
    void i18n.changeLanguage(language);
  } else {
    // `<html lang>` follows every change of language, whoever makes it.
    i18n.on('languageChanged', applyDocumentLanguage);
    // Every catalog is complete (catalogs.test.ts); English (the fallback) only serves if a catalog ever is not.
    i18n.init({ language, fallbackLanguage: DEFAULT_LANGUAGE, catalog });
  }
  applyDocumentLanguage(language);
  return i18n;
}

let latestLanguageRequest = 0;

/**
 * Switches the app to `language`, loading its catalog first if this page has not yet; components
 * re-render in place. When choices overlap (a slow network), the last one wins. Rejects when the catalog
 * cannot be loaded, and the page stays in its current language.
 */
export async function setLanguage(
  language: Language,
  { remember = true, storage = browserStorage() }: { remember?: boolean; storage?: Storage | null } = {},
): Promise<void> {
  const request = ++latestLanguageRequest;
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const catalog = await loadCatalog(language);
    i18n.addResourceBundle(language, 'translation', catalog);
  }
  if (request !== latestLanguageRequest) return;
  if (remember) rememberLanguage(language, storage);
  await i18n.changeLanguage(language);
}

export { mergeCatalogs, type Catalog } from './catalog';
export { loadCatalog } from './load-catalog';
export {
  DEFAULT_LANGUAGE,
  LANGUAGE_NAMES,
  LANGUAGE_STORAGE_KEY,
  SUPPORTED_LANGUAGES,
  chooseLanguage,
  isSupportedLanguage,
  matchLanguage,
  pickBrowserLanguage,
  type Language,
  type LanguageSources,
} from './languages';
export { i18n };
export { useTranslation } from './react';
export type { TFunction, TranslationValues, Translator } from './translator';
