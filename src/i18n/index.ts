import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Catalogs are JSON files per language and area: `locales/<language>/<area>.json` (auth.json for the
 * auth layer and shell, screens.json for the screens). Each language's files are merged into one
 * `translation` namespace and loaded with a dynamic import, so a user downloads only their own language.
 */

export const SUPPORTED_LANGUAGES = ['en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export type Catalog = { [key: string]: string | Catalog };

const catalogFiles = import.meta.glob<Catalog>('./locales/*/*.json', { import: 'default' });

function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of area catalogs; a later file's leaf wins, which the areas' distinct prefixes make moot. */
export function mergeCatalogs(parts: readonly Catalog[]): Catalog {
  const merged: Catalog = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      merged[key] = isCatalog(existing) && isCatalog(value) ? mergeCatalogs([existing, value]) : value;
    }
  }
  return merged;
}

export function isSupportedLanguage(language: string): language is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}

/** The first supported language among the browser's preferences ("ja-JP" counts as "ja"). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isSupportedLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export async function loadCatalog(language: Language): Promise<Catalog> {
  const loaders = Object.entries(catalogFiles)
    .filter(([path]) => path.startsWith(`./locales/${language}/`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, load]) => load());
  return mergeCatalogs(await Promise.all(loaders));
}

/** Synchronous once the catalog is at hand: the app awaits `loadCatalog` first, tests pass it directly. */
export function initI18nWithCatalog(language: Language, catalog: Catalog): typeof i18n {
  const resources: Resource = { [language]: { translation: catalog } };
  if (i18n.isInitialized) {
    i18n.addResourceBundle(language, 'translation', catalog, true, true);
    void i18n.changeLanguage(language);
  } else {
    void i18n.use(initReactI18next).init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      resources,
      initAsync: false,
      // React escapes what it renders; escaping here too would show entities.
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
      // The app prints nothing to the console of its own accord.
      showSupportNotice: false,
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return i18n;
}

export async function initI18n(
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Promise<typeof i18n> {
  const language = pickLanguage(preferred);
  return initI18nWithCatalog(language, await loadCatalog(language));
}

export { i18n };
