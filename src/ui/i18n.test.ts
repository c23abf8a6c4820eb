/**
 * The UI's translator (i18next behind our React binding): nested keys, `{{name}}` placeholders, plural forms
 * by count, English for what a language lacks, the key for what no language has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addTexts, i18n, initI18n, pickLanguage } from './i18n';

afterEach(() => void initI18n('en'));

describe('ui translator', () => {
  it('fills placeholders, leaves one with no value given as written, and empties one given as undefined', () => {
    initI18n('en');
    expect(i18n.t('app.error', { error: 'boom' })).toBe('The simulator failed to start: boom');
    expect(i18n.t('app.error')).toBe('The simulator failed to start: {{error}}');
    expect(i18n.t('app.error', { other: 1 })).toBe('The simulator failed to start: {{error}}');
    expect(i18n.t('app.error', { error: undefined })).toBe('The simulator failed to start: ');
    expect(i18n.t('canvas.ports', { count: 3 })).toBe('3 ports');
  });

  it('picks the plural form by count: key_other for 2, the bare key for one', () => {
    initI18n('en');
    expect(i18n.t('changes.count', { count: 1 })).toBe('1 change');
    expect(i18n.t('changes.count', { count: 0 })).toBe('0 changes');
    expect(i18n.t('changes.count', { count: 2 })).toBe('2 changes');
  });

  it('has Chinese text with one form for every count, English for a missing text, the key for none', () => {
    initI18n('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    const one = i18n.t('changes.count', { count: 1 });
    expect(one).toContain('1');
    expect(i18n.t('changes.count', { count: 2 })).toBe(one.replace('1', '2'));
    addTexts({ en: { h13aOnly: { x: 'only English {{n}}' } } });
    expect(i18n.t('h13aOnly.x', { n: 5 })).toBe('only English 5');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
  });

  it('keeps the texts there when more are added under the same keys', () => {
    addTexts({ en: { app: { title: 'replaced?', h13aNew: 'new' } } });
    expect(i18n.t('app.title')).toBe('Container Network Playground');
    expect(i18n.t('app.h13aNew')).toBe('new');
  });

  it('picks the language from ?lang=, then the saved choice, then the browser', () => {
    expect(pickLanguage('?lang=zh-CN', ['en-US'], null)).toBe('zh-CN');
    expect(pickLanguage('', ['en-US'], 'zh-CN')).toBe('zh-CN');
    expect(pickLanguage('', ['zh-TW', 'en'], null)).toBe('zh-CN');
    expect(pickLanguage('?lang=fr', ['en'], null)).toBe('en');
  });
});
