import { fetchConfigDocument, type ConfigDocument } from './config/fetch-config';
import type { Catalog } from './i18n/catalog';
import { chooseLanguage, isSupportedLanguage, type Language } from './i18n/languages';
import { loadCatalog } from './i18n/load-catalog';

/**
 * The two requests the first screen waits for besides the scripts: `/config.json` and the language's catalog.
 * The app's entry (src/main.tsx) starts them before it loads the rest of the app, so they travel while
 * React, the router and the screens download and evaluate, instead of after
 * (docs/decisions/010-first-screen-without-a-serial-start-up.md). Nothing here validates the config: the
 * schema comes with the rest of the app (src/app/start.tsx).
 */
export interface EarlyStart {
  configDocument: Promise<ConfigDocument>;
  /** The language to show, and whether the config's `defaultLanguage` chose it. */
  language: Promise<{ language: Language; fromConfig: boolean }>;
  /** That language's catalog. */
  catalog: Promise<Catalog>;
}

/** The config's `defaultLanguage` as written, if it names a language (validation comes later). */
function rawDefaultLanguage(document: ConfigDocument): Language | undefined {
  if (!document.ok || typeof document.body !== 'object' || document.body === null) return undefined;
  const value = (document.body as Record<string, unknown>).defaultLanguage;
  return isSupportedLanguage(value) ? value : undefined;
}

export function startEarly(): EarlyStart {
  const configDocument = fetchConfigDocument();
  // The same choice as ever (README, "Languages"): the config is only waited for when neither a remembered
  // choice nor the browser decides, and the catalog request starts the moment the language is known.
  let fromConfig = false;
  const language = chooseLanguage({
    configDefault: async () => {
      fromConfig = true;
      return rawDefaultLanguage(await configDocument);
    },
  }).then((chosen) => ({ language: chosen, fromConfig }));
  const catalog = language.then(({ language: chosen }) => loadCatalog(chosen));
  // Awaited by start(), unless the config turns out invalid and English is shown instead.
  catalog.catch(() => undefined);
  return { configDocument, language, catalog };
}
