import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeCatalogs, type Catalog } from './catalog';
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  browserStorage,
  pickBrowserLanguage,
  readStoredLanguage,
  rememberLanguage,
  type Language,
} from './languages';

/**
 * i18next with one `translation` namespace per language. Each language's catalog is its own module
 * (`locales/<language>.ts`) loaded with a dynamic import, so the build makes one chunk per language and a
 * user downloads only the languages they read.
 */

const CATALOG_MODULES: Readonly<Record<Language, () => Promise<{ default: readonly Catalog[] }>>> = {
  en: () => import('./locales/en'),
  ja: () => import('./locales/ja'),
  'zh-CN': () => import('./locales/zh-CN'),
};

export async function loadCatalog(language: Language): Promise<Catalog> {
  return mergeCatalogs((await CATALOG_MODULES[language]()).default);
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Synchronous once the catalog is at hand: the app awaits `loadCatalog` first, tests pass it directly. */
export function initI18nWithCatalog(language: Language, catalog: Catalog): typeof i18n {
  if (i18n.isInitialized) {
    i18n.addResourceBundle(language, 'translation', catalog, true, true);
    void i18n.changeLanguage(language);
  } else {
    // `<html lang>` follows every change of language, whoever makes it.
    i18n.on('languageChanged', applyDocumentLanguage);
    void i18n.use(initReactI18next).init({
      lng: language,
      // Every catalog is complete (catalogs.test.ts); English only serves if a catalog ever is not.
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      resources: { [language]: { translation: catalog } },
      initAsync: false,
      // React escapes what it renders; escaping here too would show entities.
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
      // The app prints nothing to the console of its own accord.
      showSupportNotice: false,
    });
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
    i18n.addResourceBundle(language, 'translation', catalog, true, true);
  }
  if (request !== latestLanguageRequest) return;
  if (remember) rememberLanguage(language, storage);
  await i18n.changeLanguage(language);
}

export interface LanguageSources {
  /** The config's `defaultLanguage`; only asked for when neither the user nor the browser decides. */
  configDefault: () => Promise<Language | undefined>;
  /** The browser's preferences, most preferred first. */
  preferred?: readonly string[];
  storage?: Storage | null;
}

/** The user's remembered choice, else the browser's first supported preference, else the config's default. */
export async function chooseLanguage({
  configDefault,
  preferred = typeof navigator === 'undefined' ? [] : navigator.languages,
  storage = browserStorage(),
}: LanguageSources): Promise<Language> {
  return readStoredLanguage(storage) ?? pickBrowserLanguage(preferred) ?? (await configDefault()) ?? DEFAULT_LANGUAGE;
}

export async function initI18n(sources: LanguageSources): Promise<typeof i18n> {
  const language = await chooseLanguage(sources);
  return initI18nWithCatalog(language, await loadCatalog(language));
}

export { mergeCatalogs, type Catalog } from './catalog';
export {
  DEFAULT_LANGUAGE,
  LANGUAGE_NAMES,
  LANGUAGE_STORAGE_KEY,
  SUPPORTED_LANGUAGES,
  isSupportedLanguage,
  matchLanguage,
  pickBrowserLanguage,
  type Language,
} from './languages';
export { i18n };
