import { describe, expect, it, vi } from 'vitest';
import { Translator } from './translator';

function translator() {
  const i18n = new Translator('en');
  i18n.init({
    language: 'en',
    fallbackLanguage: 'en',
    catalog: {
      greeting: 'Hello, {{name}}!',
      nested: { deeper: { text: 'Found' } },
      wait_one: 'Wait {{count, number}} second.',
      wait_other: 'Wait {{count, number}} seconds.',
      items_zero: 'No items',
      items_one: 'One item',
      items_other: '{{count}} items',
      plain: 'Only {{count}}',
      englishOnly: 'Only in English',
    },
  });
  i18n.addResourceBundle('ja', 'translation', { greeting: 'こんにちは、{{name}}さん', wait_other: '{{count, number}}秒お待ちください。' });
  return i18n;
}

describe('Translator', () => {
  it('looks keys up by dotted path and returns an unknown key as it is', () => {
    const i18n = translator();
    expect(i18n.t('nested.deeper.text')).toBe('Found');
    expect(i18n.t('nested.deeper')).toBe('nested.deeper');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    expect(i18n.exists('nested.deeper.text')).toBe(true);
    expect(i18n.exists('nested')).toBe(false);
  });

  it('interpolates values, leaves a placeholder without one, and escapes nothing', () => {
    const i18n = translator();
    expect(i18n.t('greeting', { name: '<b>Ann</b>' })).toBe('Hello, <b>Ann</b>!');
    expect(i18n.t('greeting')).toBe('Hello, {{name}}!');
    expect(i18n.t('greeting', {})).toBe('Hello, {{name}}!');
  });

  it("chooses the plural form by the language's plural rules and formats the count as a number", () => {
    const i18n = translator();
    expect(i18n.t('wait', { count: 1 })).toBe('Wait 1 second.');
    expect(i18n.t('wait', { count: 1200 })).toBe('Wait 1,200 seconds.');
    expect(i18n.t('items', { count: 0 })).toBe('No items');
    expect(i18n.t('items', { count: 1 })).toBe('One item');
    expect(i18n.t('items', { count: 2 })).toBe('2 items');
    expect(i18n.t('plain', { count: 3 })).toBe('Only 3');
  });

  it('uses the one form Japanese has, formats numbers for it, and falls back to English for a missing key', async () => {
    const i18n = translator();
    await i18n.changeLanguage('ja');
    expect(i18n.t('wait', { count: 1 })).toBe('1秒お待ちください。');
    expect(i18n.t('wait', { count: 1200 })).toBe('1,200秒お待ちください。');
    expect(i18n.t('englishOnly')).toBe('Only in English');
    expect(i18n.getFixedT('en')('greeting', { name: 'Ann' })).toBe('Hello, Ann!');
  });

  it('tells listeners and subscribers about a change of language, and resolves to a language it has', async () => {
    const i18n = translator();
    const listener = vi.fn();
    const subscriber = vi.fn();
    i18n.on('languageChanged', listener);
    const unsubscribe = i18n.subscribe(subscriber);
    const version = i18n.version;
    await i18n.changeLanguage('zh-CN');
    expect(listener).toHaveBeenCalledExactlyOnceWith('zh-CN');
    expect(subscriber).toHaveBeenCalled();
    expect(i18n.version).toBeGreaterThan(version);
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.resolvedLanguage).toBe('en'); // no Chinese catalog here
    unsubscribe();
    i18n.off('languageChanged', listener);
    await i18n.changeLanguage('ja');
    expect(listener).toHaveBeenCalledOnce();
    expect(i18n.resolvedLanguage).toBe('ja');
  });

  it('merges a second bundle for a language into the first, and forgets a removed one', () => {
    const i18n = translator();
    i18n.addResourceBundle('en', 'translation', { extra: 'More' });
    expect(i18n.t('extra')).toBe('More');
    expect(i18n.t('greeting', { name: 'Ann' })).toBe('Hello, Ann!');
    i18n.removeResourceBundle('ja', 'translation');
    expect(i18n.hasResourceBundle('ja', 'translation')).toBe(false);
  });
});
