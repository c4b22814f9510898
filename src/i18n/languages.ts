/**
 * The languages the app speaks and how one is chosen: the user's own choice (remembered), else the
 * browser's preferences, else the config's default. Kept apart from i18next so the config schema can
 * name the languages without pulling the library in.
 */

export const SUPPORTED_LANGUAGES = ['en', 'ja', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, so a reader finds their own whatever the page is showing. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ja: '日本語',
  'zh-CN': '简体中文',
};

/**
 * The space typed between two pieces of text the app sets side by side (two sentences, a sentence and a
 * link): one in English; none in Japanese and Chinese, whose full stop 。 and semicolon ； carry their own.
 */
const SPACE_BETWEEN_TEXTS: Readonly<Record<Language, string>> = {
  en: ' ',
  ja: '',
  'zh-CN': '',
};

export function spaceBetweenTexts(language: string): string {
  return isSupportedLanguage(language) ? SPACE_BETWEEN_TEXTS[language] : ' ';
}

/** Where the user's explicit choice is remembered. A preference, not a secret. */
export const LANGUAGE_STORAGE_KEY = 'language';

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The supported language a BCP 47 tag from the browser stands for, if any.
 * Chinese: `zh` alone, mainland China, Singapore and Malaysia, and any `zh-Hans…` tag use Simplified
 * characters. Traditional tags (`zh-TW`, `zh-HK`, `zh-Hant…`) deliberately do not match: their readers
 * are not assumed to prefer Simplified, so their next preference (or the default) decides.
 */
export function matchLanguage(tag: string): Language | undefined {
  const subtags = tag.trim().toLowerCase().split(/[-_]/);
  const [base, second] = subtags;
  if (base === 'en') return 'en';
  if (base === 'ja') return 'ja';
  if (base === 'zh') {
    if (second === undefined || second === 'hans' || second === 'cn' || second === 'sg' || second === 'my') return 'zh-CN';
  }
  return undefined;
}

/** The first of the browser's preferences (most preferred first) that the app speaks. */
export function pickBrowserLanguage(preferred: readonly string[]): Language | undefined {
  for (const tag of preferred) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return undefined;
}

/** localStorage, or null where the browser refuses it (storage disabled, some private modes throw). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readStoredLanguage(storage: Storage | null = browserStorage()): Language | undefined {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isSupportedLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers an explicit choice. A full or refused storage only costs the user choosing again. */
export function rememberLanguage(language: Language, storage: Storage | null = browserStorage()): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Nothing to do: the language still applies to this page.
  }
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

