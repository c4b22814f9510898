import { describe, expect, it } from 'vitest';
import type { NoticeKey } from '../app/navigation-state';
import type { CodeDelivery } from '../auth/auth-types';
import type { ConfigIssue } from '../config/schema';
import { deliveryMessageKey } from '../screens/reset-password/code-delivery';
import { attributeFieldSpec } from '../screens/new-password/required-attributes';
import {
  flattenCatalog,
  formProblems,
  keyLikeLiterals,
  keyProblems,
  placeholderProblems,
  spacingProblems,
  unknownKeys,
  unusedKeys,
  type LanguageCatalog,
} from './catalog-audit';
import { mergeCatalogs, type Catalog } from './catalog';
import { loadCatalog } from './index';
import { SUPPORTED_LANGUAGES, isSupportedLanguage } from './languages';

// Every area file of every language, read eagerly (the app loads them lazily, one language at a time).
const areaFiles = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

function catalogsByLanguage(): Map<string, Catalog> {
  const areas = new Map<string, Catalog[]>();
  for (const path of Object.keys(areaFiles).sort()) {
    const language = path.split('/')[2] ?? '';
    areas.set(language, [...(areas.get(language) ?? []), areaFiles[path] as Catalog]);
  }
  return new Map([...areas].map(([language, parts]) => [language, mergeCatalogs(parts)]));
}

const catalogs = catalogsByLanguage();
const english: LanguageCatalog = { language: 'en', flat: flattenCatalog(catalogs.get('en') ?? {}) };
const allLanguages: LanguageCatalog[] = [...catalogs].map(([language, catalog]) => ({ language, flat: flattenCatalog(catalog) }));
const translations = allLanguages.filter(({ language }) => language !== 'en');

// The app's own modules as text: what "used" means. Tests and test helpers do not count, nor do the catalogs.
const sourceFiles = import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const appSources = Object.entries(sourceFiles)
  .filter(([path]) => !/\.test\.tsx?$|^\.\.\/test\/|^\.\.\/i18n\/|\/(test|fake)-[\w-]+\.tsx?$/.test(path))
  .map(([, text]) => text);

/*
 * Keys the code builds at run time rather than writing out. Each entry names where its set comes from
 * and derives the set from there (a type that must stay exhaustive, or the code's own function), so a
 * new case there shows up here. Keep this list short: prefer literal keys in the code.
 */
const noticeKeys: Record<NoticeKey, true> = {
  // sign-in-form.tsx and account-panel.tsx show t(`notices.${notice}`)
  challengeExpired: true,
  mfaChallengeExpired: true,
  mfaChallengeExpiredAfterNewPassword: true,
  passwordResetDone: true,
  passwordChanged: true,
  signedOut: true,
  signedOutEverywhere: true,
  sessionEnded: true,
  // two-step-route.tsx shows t(`notices.${notice}`) too
  authenticatorSetUp: true,
  emailVerified: true,
  phoneVerified: true,
  // account-panel.tsx after a first sign-in, with or without an authenticator set up on the way
  passwordSet: true,
  passwordAndAuthenticatorSet: true,
};
const configProblems: Record<ConfigIssue['problem'], true> = {
  // config-error-page.tsx shows t(`config.problem.${issue.problem}`)
  missing: true,
  invalid: true,
  unknownKey: true,
};
/** reset-password-form.tsx asks deliveryMessageKey(prefix, delivery) where a code went. */
const deliveries: (CodeDelivery | null)[] = [
  null,
  { medium: 'EMAIL', destination: 'd***@e***', attributeName: 'email' },
  { medium: 'SMS', destination: '+*******0123', attributeName: 'phone_number' },
];
/**
 * new-password-form.tsx labels each required attribute with attributeFieldSpec(name): Cognito's standard
 * attributes (the OpenID Connect standard claims it uses) are the names it can be asked for.
 */
const cognitoStandardAttributes = [
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];

const dynamicKeys = new Set<string>([
  ...Object.keys(noticeKeys).map((notice) => `notices.${notice}`),
  ...Object.keys(configProblems).map((problem) => `config.problem.${problem}`),
  ...(['resetPassword.codeSent', 'resetPassword.resent'] as const).flatMap((prefix) =>
    deliveries.map((delivery) => deliveryMessageKey(prefix, delivery)),
  ),
  ...cognitoStandardAttributes.flatMap((name) => {
    const { labelKey, hintKey, requiredKey } = attributeFieldSpec(name);
    return [labelKey, hintKey, requiredKey].filter((key): key is string => key !== null);
  }),
]);

describe('catalogs', () => {
  it('exist for exactly the supported languages', () => {
    expect([...catalogs.keys()].sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect([...catalogs.keys()].filter((language) => !isSupportedLanguage(language))).toEqual([]);
  });

  it('are what the app loads for each language (every area file in its language module)', async () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(await loadCatalog(language), language).toEqual(catalogs.get(language));
    }
  });

  it('have every English key in every language, and no key English lacks', () => {
    expect(translations.flatMap((translation) => keyProblems(english, translation))).toEqual([]);
  });

  it("have the plural forms each language's plural rules need, and no empty text", () => {
    expect(allLanguages.flatMap(formProblems)).toEqual([]);
  });

  it('have the same placeholders in every language', () => {
    expect(translations.flatMap((translation) => placeholderProblems(english, translation))).toEqual([]);
  });

  it('hold no key the code never uses', () => {
    expect(unusedKeys(english.flat, appSources, dynamicKeys)).toEqual([]);
  });

  it('hold every key the code names', () => {
    const named = [...keyLikeLiterals(appSources, Object.keys(catalogs.get('en') ?? {})), ...dynamicKeys];
    expect(unknownKeys(named, english.flat)).toEqual([]);
  });

  it('space Japanese and Chinese one way: beside Latin words, not beside numbers or full-width punctuation', () => {
    const cjk = allLanguages.filter(({ language }) => language === 'ja' || language === 'zh-CN');
    expect(cjk).toHaveLength(2);
    expect(cjk.flatMap(spacingProblems)).toEqual([]);
  });

  it('are written in their own language (a Japanese or Chinese text is not English left in place)', () => {
    const kanaOrHan = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const untranslated = translations.flatMap(({ language, flat }) =>
      Object.entries(flat)
        .filter(([, text]) => !kanaOrHan.test(text) || (language === 'zh-CN' && kana.test(text)))
        .map(([key]) => `${language}: ${key}`),
    );
    // The document title is only "<screen> – <product>": nothing in it to translate.
    expect(untranslated).toEqual(['ja: app.documentTitle', 'zh-CN: app.documentTitle']);
  });
});
