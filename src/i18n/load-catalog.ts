import { mergeCatalogs, type Catalog } from './catalog';
import type { Language } from './languages';

/**
 * Each language's catalog is its own module (`locales/<language>.ts`) loaded with a dynamic import, so the
 * build makes one chunk per language and a user downloads only the languages they read. Kept apart from the
 * translation runtime: the app's first module starts this download before the rest has loaded (src/main.tsx).
 */
const CATALOG_MODULES: Readonly<Record<Language, () => Promise<{ default: readonly Catalog[] }>>> = {
  en: () => import('./locales/en'),
  ja: () => import('./locales/ja'),
  'zh-CN': () => import('./locales/zh-CN'),
};

export async function loadCatalog(language: Language): Promise<Catalog> {
  return mergeCatalogs((await CATALOG_MODULES[language]()).default);
}
