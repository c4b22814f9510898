import { initI18nWithCatalog, mergeCatalogs, type Catalog } from '../i18n';

// Tests read the English catalog eagerly; the app loads it lazily (src/i18n/index.ts).
const englishFiles = import.meta.glob<Catalog>('../i18n/locales/en/*.json', { eager: true, import: 'default' });

/** i18n ready with the real English catalog, synchronously. Safe to call more than once. */
export function initI18nForTests() {
  const files = Object.keys(englishFiles)
    .sort()
    .map((path) => englishFiles[path] as Catalog);
  return initI18nWithCatalog('en', mergeCatalogs(files));
}
