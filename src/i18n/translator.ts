import { isCatalog, mergeCatalogs, type Catalog } from './catalog';

/**
 * The translation runtime: what the app used of i18next, in about a hundred lines
 * (docs/decisions/010-first-screen-without-a-serial-start-up.md). It reads the same catalogs, in i18next's
 * JSON format:
 * - nested keys, looked up by dotted path (`errors.network`), in the current language, then the fallback;
 *   a key found in neither is returned as it is;
 * - plurals as i18next's suffixes: with a numeric `count`, `key_<category>` for the language's plural rules
 *   (Intl.PluralRules: `_one`/`_other` in English, `_other` alone in Japanese and Chinese), `key_zero` first
 *   when the count is 0 and the catalog has one, then `key_other`, then `key`;
 * - interpolation `{{name}}`, and `{{name, number}}` formatted by Intl.NumberFormat for the language; a
 *   placeholder without a value is left as it is. Nothing is escaped: React escapes what it renders.
 * The method names are i18next's (`t`, `exists`, `getFixedT`, `changeLanguage`, …) for the few callers.
 */
export type TranslationValues = Readonly<Record<string, unknown>>;
export type TFunction = (key: string, values?: TranslationValues) => string;

type Listener = (language: string) => void;

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

export class Translator {
  /** The language shown (the fallback until `init`). */
  language: string;
  isInitialized = false;
  private fallbackLanguage: string;
  private readonly bundles = new Map<string, Catalog>();
  private readonly listeners = new Set<Listener>();
  private readonly pluralRules = new Map<string, Intl.PluralRules>();
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();
  /** Changes whenever what `t` returns may change (a language or a catalog), for React to re-render on. */
  version = 0;

  constructor(fallbackLanguage: string) {
    this.fallbackLanguage = fallbackLanguage;
    this.language = fallbackLanguage;
  }

  init({ language, fallbackLanguage, catalog }: { language: string; fallbackLanguage: string; catalog: Catalog }): void {
    this.fallbackLanguage = fallbackLanguage;
    this.bundles.set(language, catalog);
    this.language = language;
    this.isInitialized = true;
    this.changed();
  }

  /** The language whose catalog is shown: the current one if its catalog is here, else the fallback. */
  get resolvedLanguage(): string | undefined {
    if (this.bundles.has(this.language)) return this.language;
    return this.bundles.has(this.fallbackLanguage) ? this.fallbackLanguage : undefined;
  }

  readonly t: TFunction = (key, values) => this.translate(this.language, key, values);

  getFixedT(language: string): TFunction {
    return (key, values) => this.translate(language, key, values);
  }

  exists(key: string, values?: TranslationValues): boolean {
    return this.resolve(this.language, key, values) !== undefined;
  }

  async changeLanguage(language: string): Promise<TFunction> {
    this.language = language;
    this.changed();
    for (const listener of this.listeners) listener(language);
    return this.t;
  }

  /** Only the `languageChanged` event, the one the app listens to. */
  on(_event: 'languageChanged', listener: Listener): void {
    this.listeners.add(listener);
  }

  off(_event: 'languageChanged', listener: Listener): void {
    this.listeners.delete(listener);
  }

  // `namespace` is always i18next's default, `translation`: kept so that callers read as they did.
  addResourceBundle(language: string, _namespace: string, catalog: Catalog): void {
    const existing = this.bundles.get(language);
    this.bundles.set(language, existing ? mergeCatalogs([existing, catalog]) : catalog);
    this.changed();
  }

  hasResourceBundle(language: string, _namespace: string): boolean {
    return this.bundles.has(language);
  }

  removeResourceBundle(language: string, _namespace: string): void {
    this.bundles.delete(language);
    this.changed();
  }

  private readonly subscribers = new Set<() => void>();

  /** For useSyncExternalStore: called whenever `version` changes. */
  subscribe = (onChange: () => void): (() => void) => {
    this.subscribers.add(onChange);
    return () => this.subscribers.delete(onChange);
  };

  private changed(): void {
    this.version += 1;
    for (const subscriber of this.subscribers) subscriber();
  }

  private translate(language: string, key: string, values?: TranslationValues): string {
    const found = this.resolve(language, key, values);
    return found === undefined ? key : this.interpolate(found.text, found.language, values);
  }

  private resolve(language: string, key: string, values?: TranslationValues): { text: string; language: string } | undefined {
    const languages = language === this.fallbackLanguage ? [language] : [language, this.fallbackLanguage];
    const count = values?.count;
    for (const candidate of languages) {
      const catalog = this.bundles.get(candidate);
      if (!catalog) continue;
      const keys = typeof count === 'number' ? this.pluralKeys(candidate, key, count) : [key];
      for (const path of keys) {
        const text = lookUp(catalog, path);
        if (text !== undefined) return { text, language: candidate };
      }
    }
    return undefined;
  }

  private pluralKeys(language: string, key: string, count: number): string[] {
    let rules = this.pluralRules.get(language);
    if (!rules) {
      rules = new Intl.PluralRules(language);
      this.pluralRules.set(language, rules);
    }
    return [...(count === 0 ? [`${key}_zero`] : []), `${key}_${rules.select(count)}`, `${key}_other`, key];
  }

  private interpolate(text: string, language: string, values?: TranslationValues): string {
    if (!values || !text.includes('{{')) return text;
    return text.replace(PLACEHOLDER, (placeholder, inside: string) => {
      const [name = '', format] = inside.split(',').map((part) => part.trim());
      const value = values[name];
      if (value === undefined) return placeholder;
      if (format === 'number' && typeof value === 'number') return this.numberFormat(language).format(value);
      return String(value);
    });
  }

  private numberFormat(language: string): Intl.NumberFormat {
    let format = this.numberFormats.get(language);
    if (!format) {
      format = new Intl.NumberFormat(language);
      this.numberFormats.set(language, format);
    }
    return format;
  }
}

function lookUp(catalog: Catalog, path: string): string | undefined {
  let current: string | Catalog | undefined = catalog;
  for (const segment of path.split('.')) {
    if (!isCatalog(current)) return undefined;
    current = current[segment];
  }
  return typeof current === 'string' ? current : undefined;
}
