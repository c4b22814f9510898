import { describe, expect, it } from 'vitest';
import {
  flattenCatalog,
  formProblems,
  keyLikeLiterals,
  keyProblems,
  placeholderProblems,
  placeholdersOf,
  pluralCategories,
  spacingProblems,
  splitPluralKey,
  unknownKeys,
  unusedKeys,
} from './catalog-audit';

// The checks on small catalogs: each one must catch what catalogs.test.ts relies on it to catch.
const english = {
  language: 'en',
  flat: flattenCatalog({
    a: { greeting: 'Hello {{name}}', left_one: '{{count, number}} second', left_other: '{{count, number}} seconds' },
  }),
};

describe('catalog audit', () => {
  it('flattens nested catalogs to dotted keys', () => {
    expect(flattenCatalog({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual({ 'a.b': 'x', 'a.c.d': 'y', e: 'z' });
  });

  it('knows plural suffixes and each language’s plural forms', () => {
    expect(splitPluralKey('a.left_other')).toEqual({ base: 'a.left', category: 'other' });
    expect(splitPluralKey('newPassword.attributes.given_name')).toEqual({ base: 'newPassword.attributes.given_name' });
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('ja')).toEqual(['other']);
    expect(pluralCategories('zh-CN')).toEqual(['other']);
  });

  it('reads placeholders with their format', () => {
    expect(placeholdersOf('{{ count ,number }} of {{total}}, {{total}}')).toEqual(['count, number', 'total']);
  });

  it('finds a complete translation sound', () => {
    const japanese = { language: 'ja', flat: { 'a.greeting': 'こんにちは、{{name}}さん', 'a.left_other': '残り{{count, number}}秒' } };
    expect(keyProblems(english, japanese)).toEqual([]);
    expect(formProblems(japanese)).toEqual([]);
    expect(formProblems(english)).toEqual([]);
    expect(placeholderProblems(english, japanese)).toEqual([]);
  });

  it('reports a missing key and a key English does not have', () => {
    const japanese = { language: 'ja', flat: { 'a.left_other': '{{count, number}}秒', 'a.extra': '余分' } };
    expect(keyProblems(english, japanese)).toEqual(['ja: missing a.greeting', 'ja: a.extra is not in en']);
  });

  it('reports plural forms that do not fit the language', () => {
    expect(formProblems({ language: 'ja', flat: { 'a.left_one': '{{count}}秒', 'a.left_other': '{{count}}秒' } })).toEqual([
      'ja: a.left has plural forms [one, other], ja needs [other]',
    ]);
    expect(formProblems({ language: 'en', flat: { 'a.left_other': 'x' } })).toEqual(['en: a.left has plural forms [other], en needs [one, other]']);
    expect(keyProblems(english, { language: 'ja', flat: { 'a.greeting': '{{name}}', 'a.left': '{{count, number}}秒' } })).toEqual([
      'ja: a.left is not plural, unlike en',
    ]);
  });

  it('reports an empty text', () => {
    expect(formProblems({ language: 'ja', flat: { 'a.greeting': ' ' } })).toEqual(['ja: a.greeting is empty']);
  });

  it('reports placeholders that differ, including their format', () => {
    const japanese = { language: 'ja', flat: { 'a.greeting': 'こんにちは、{{user}}さん', 'a.left_other': '残り{{count}}秒' } };
    expect(placeholderProblems(english, japanese)).toEqual([
      'ja: a.greeting has {{user}}, en has {{name}}',
      'ja: a.left_other has {{count}}, en has {{count, number}}',
    ]);
  });

  it('lets only a singular form leave the count out', () => {
    const loose = { language: 'en', flat: { 'a.greeting': 'Hello {{name}}', 'a.left_one': 'a second', 'a.left_other': 'seconds' } };
    expect(placeholderProblems(english, loose)).toEqual(['en: a.left_other has no placeholders, en has {{count, number}}']);
  });

  it('holds Japanese and Chinese to one spacing', () => {
    const sound = {
      'a.sms': 'SMS で{{count, number}}秒後に、6桁のコードを {{destination}} 宛てにお送りしました。us-east-1 のような値です。',
      'a.zh': '验证码为6位数字，例如 1990-04-23，不超过{{maxLength}}个字符。',
    };
    expect(spacingProblems({ language: 'ja', flat: sound })).toEqual([]);
    expect(spacingProblems({ language: 'ja', flat: { a: '完了しました。 次へ', b: 'SMSで', c: '6 桁', d: '{{min}} の整数' } })).toEqual([
      'ja: a has a space beside full-width punctuation: 完了しました。 次へ',
      'ja: b has a Latin letter without a space: SMSで',
      'ja: c has a space beside a number: 6 桁',
      'ja: d has a space beside a number placeholder: {{min}} の整数',
    ]);
  });

  it('counts a key as used when the code writes it out, or a rule builds it', () => {
    const sources = ["t('a.greeting')", 'const key = `a.other`;'];
    const flat = { 'a.greeting': 'x', 'a.left_one': 'x', 'a.left_other': 'x', 'a.other': 'x', 'a.unused': 'x' };
    expect(unusedKeys(flat, sources, new Set(['a.left']))).toEqual(['a.unused']);
    expect(unusedKeys(flat, ["t('a.greetings')"], new Set())).toContain('a.greeting');
  });

  it('finds the keys the code names, and those the catalog lacks', () => {
    const sources = [
      "t('a.greeting'); form('a.missing'); import x from './config.json'; const paths = { 'a.path': 1 }; deliveryKey('a.gre')",
    ];
    const named = keyLikeLiterals(sources, ['a', 'config']);
    expect(named).toEqual(['a.gre', 'a.greeting', 'a.missing']);
    expect(unknownKeys(named, english.flat)).toEqual(['a.missing']);
  });
});
