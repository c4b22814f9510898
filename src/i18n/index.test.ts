import { describe, expect, it } from 'vitest';
import type { NoticeKey } from '../app/navigation-state';
import { PasswordPolicySchema } from '../config/schema';
import { passwordRules } from '../config/password-rules';
import { i18n, loadCatalog, mergeCatalogs, pickLanguage } from './index';

const noticeKeys: Record<NoticeKey, true> = {
  challengeExpired: true,
  passwordResetDone: true,
  passwordChanged: true,
  signedOut: true,
  signedOutEverywhere: true,
  sessionEnded: true,
};

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
    const catalog = await loadCatalog('en');
    expect(catalog).toHaveProperty('errors.generic');
  });

  it('merges area catalogs deeply', () => {
    expect(mergeCatalogs([{ a: { b: 'x' } }, { a: { c: 'y' } }, { d: 'z' }])).toEqual({ a: { b: 'x', c: 'y' }, d: 'z' });
  });

  it('picks the first supported language, English otherwise', () => {
    expect(pickLanguage(['en-GB', 'ja'])).toBe('en');
    expect(pickLanguage(['xx'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
