import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoticeKey } from '../app/navigation-state';
import { PasswordPolicySchema } from '../config/schema';
import { passwordRules } from '../config/password-rules';
import { createMemoryStorage } from '../test/fake-auth-adapter';
import { chooseLanguage, i18n, loadCatalog, mergeCatalogs, setLanguage } from './index';
import { LANGUAGE_STORAGE_KEY, matchLanguage, pickBrowserLanguage, readStoredLanguage, rememberLanguage } from './languages';

const noticeKeys: Record<NoticeKey, true> = {
  challengeExpired: true,
  mfaChallengeExpired: true,
  mfaChallengeExpiredAfterNewPassword: true,
  passwordResetDone: true,
  passwordChanged: true,
  signedOut: true,
  signedOutEverywhere: true,
  sessionEnded: true,
  authenticatorSetUp: true,
  emailVerified: true,
  phoneVerified: true,
  passwordSet: true,
  passwordAndAuthenticatorSet: true,
};

function storageWith(language?: string): Storage {
  const storage = createMemoryStorage();
  if (language !== undefined) storage.setItem(LANGUAGE_STORAGE_KEY, language);
  return storage;
}

/** A storage whose every use throws, as some browsers' do when storage is disabled. */
const refusingStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
} as unknown as Storage;

afterEach(async () => {
  await setLanguage('en', { remember: false });
  localStorage.clear();
});

describe('i18n', () => {
  it('is ready in tests with the English catalog', () => {
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.language).toBe('en');
    expect(i18n.t('errors.network')).toBe('Could not reach the sign-in service. Check your connection and try again.');
  });

  it('has a notice for every NoticeKey', () => {
    expect(Object.keys(noticeKeys).filter((key) => !i18n.exists(`notices.${key}`))).toEqual([]);
  });

  it('has the checklist wording of every password rule, with the length in it', () => {
    const rules = passwordRules(PasswordPolicySchema.parse({ minimumLength: 10 }));
    expect(rules.map((rule) => i18n.t(rule.messageKey, rule.values))).toEqual([
      'At least 10 characters',
      'A lowercase letter (a–z)',
      'An uppercase letter (A–Z)',
      'A number (0–9)',
      'A symbol, such as ! @ # $ % or a space',
    ]);
    expect(rules.filter((rule) => !i18n.exists(rule.errorKey))).toEqual([]);
  });

  it('loads a language lazily, merging its area files', async () => {
    const catalog = await loadCatalog('ja');
    expect(catalog).toHaveProperty(['errors', 'generic'], 'エラーが発生しました。もう一度お試しください。');
    expect(catalog).toHaveProperty(['signIn', 'title'], 'ログイン');
  });

  it('merges area catalogs deeply', () => {
    expect(mergeCatalogs([{ a: { b: 'x' } }, { a: { c: 'y' } }, { d: 'z' }])).toEqual({ a: { b: 'x', c: 'y' }, d: 'z' });
  });
});

describe('plurals and numbers', () => {
  it('uses English one/other forms and formats the count for English', () => {
    expect(i18n.t('resetPassword.resendCooldown', { count: 1 })).toBe('You can ask for another code in 1 second.');
    expect(i18n.t('config.invalid', { count: 1200, url: '/config.json' })).toBe('The configuration file /config.json has 1,200 problems:');
  });

  it('uses the single form Japanese and Chinese have, whatever the count', async () => {
    await setLanguage('ja', { remember: false });
    expect(i18n.t('resetPassword.resendCooldown', { count: 1 })).toBe('確認コードは1秒後に再送信できます。');
    expect(i18n.t('resetPassword.resendCooldown', { count: 30 })).toBe('確認コードは30秒後に再送信できます。');
    await setLanguage('zh-CN', { remember: false });
    expect(i18n.t('passwordPolicy.rule.minLength', { count: 1 })).toBe('至少1个字符');
    expect(i18n.t('passwordPolicy.rule.minLength', { count: 12 })).toBe('至少12个字符');
  });
});

describe('language choice', () => {
  it.each([
    ['en-GB', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', undefined],
    ['zh-HK', undefined],
    ['zh-Hant-TW', undefined],
    ['fr-FR', undefined],
    ['', undefined],
  ])('matches the browser language %j to %s', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it("takes the browser's first language the app speaks", () => {
    expect(pickBrowserLanguage(['fr', 'zh-TW', 'ja-JP', 'en'])).toBe('ja');
    expect(pickBrowserLanguage(['de', 'nl'])).toBeUndefined();
    expect(pickBrowserLanguage([])).toBeUndefined();
  });

  it("prefers the remembered choice to the browser's languages", async () => {
    const configDefault = vi.fn(() => Promise.resolve('ja' as const));
    expect(await chooseLanguage({ storage: storageWith('zh-CN'), preferred: ['en-US'], configDefault })).toBe('zh-CN');
    expect(configDefault).not.toHaveBeenCalled();
  });

  it("prefers the browser's languages to the config's default", async () => {
    const configDefault = vi.fn(() => Promise.resolve('ja' as const));
    expect(await chooseLanguage({ storage: storageWith(), preferred: ['zh-Hans-CN'], configDefault })).toBe('zh-CN');
    expect(configDefault).not.toHaveBeenCalled();
  });

  it('falls back to the config default, then to English', async () => {
    const none = { storage: storageWith('klingon'), preferred: ['fr'] };
    expect(await chooseLanguage({ ...none, configDefault: () => Promise.resolve('ja') })).toBe('ja');
    expect(await chooseLanguage({ ...none, configDefault: () => Promise.resolve(undefined) })).toBe('en');
  });

  it('survives a storage that refuses to be used', async () => {
    expect(readStoredLanguage(refusingStorage)).toBeUndefined();
    expect(() => rememberLanguage('ja', refusingStorage)).not.toThrow();
    expect(await chooseLanguage({ storage: refusingStorage, preferred: ['ja'], configDefault: () => Promise.resolve(undefined) })).toBe('ja');
  });
});

describe('setLanguage', () => {
  it('loads the catalog, switches, sets <html lang> and remembers the choice', async () => {
    await setLanguage('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('signIn.title')).toBe('登录');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });

  it('does not remember a switch made on the user’s behalf', async () => {
    await setLanguage('ja', { remember: false });
    expect(document.documentElement.lang).toBe('ja');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('lets the last of two overlapping choices win', async () => {
    i18n.removeResourceBundle('ja', 'translation'); // so that Japanese has to load, and arrives second
    const first = setLanguage('ja');
    const second = setLanguage('zh-CN');
    await Promise.all([first, second]);
    expect(i18n.language).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
