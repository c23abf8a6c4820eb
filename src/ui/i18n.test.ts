/**
 * The UI's translator (i18next behind our React binding): nested keys, `{{name}}` placeholders, plural forms
 * by count, English for what a language lacks, the key for what no language has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { addTexts, i18n, I18NEXT_OPTIONS, initI18n, LANGUAGES, pickLanguage, RESOURCES } from './i18n';

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

  it('answers a key asked for before its text was added with the text once it is there', () => {
    initI18n('zh-CN');
    expect(i18n.t('h14Late.x')).toBe('h14Late.x');
    initI18n('en');
    expect(i18n.t('h14Late.x')).toBe('h14Late.x');
    addTexts({ en: { h14Late: { x: 'late' } }, 'zh-CN': { h14Late: { x: '迟' } } });
    expect(i18n.t('h14Late.x')).toBe('late');
    initI18n('zh-CN');
    expect(i18n.t('h14Late.x')).toBe('迟');
  });

  it('gives every text asked for without options as i18next translates it', () => {
    const reference = i18next.createInstance();
    void reference.init(I18NEXT_OPTIONS);
    const keys = (tree: object, at = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [at + k] : [at + k, ...keys(v as object, `${at}${k}.`)],
      );
    const all = [...new Set([...keys(RESOURCES.en), ...keys(RESOURCES['zh-CN'])])];
    all.push('no.such.key', 'app', 'app.title.deeper', 'ns:key', '');
    expect(all.length).toBeGreaterThan(300);
    for (const lng of LANGUAGES) {
      initI18n(lng);
      void reference.changeLanguage(lng);
      const want = reference.getFixedT(lng);
      for (const key of all) expect(i18n.t(key), `${lng} ${key}`).toBe(want(key));
    }
  });

  it('picks the language from ?lang=, then the saved choice, then the browser', () => {
    expect(pickLanguage('?lang=zh-CN', ['en-US'], null)).toBe('zh-CN');
    expect(pickLanguage('', ['en-US'], 'zh-CN')).toBe('zh-CN');
    expect(pickLanguage('', ['zh-TW', 'en'], null)).toBe('zh-CN');
    expect(pickLanguage('?lang=fr', ['en'], null)).toBe('en');
  });
});
