/**
 * The app's translator (src/app/i18n/translator.ts, which replaced i18next): the
 * plurals, interpolation, namespaces and fallbacks the UI uses, in both languages,
 * on the app's own strings; which language a visitor gets, and what is remembered.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/app/i18n/en.ts';
import { galleryEn } from '../../src/app/i18n/gallery.en.ts';
import { i18n, initI18n, loadGalleryText } from '../../src/app/i18n/index.ts';
import { Translator, type ResourceTree } from '../../src/app/i18n/translator.ts';

describe('the UI’s strings', () => {
  beforeAll(async () => {
    await initI18n({ persist: false, language: 'en' });
    await i18n.loadLanguage('zh-CN');
  });

  it('chooses the plural form by count, in English', () => {
    expect(i18n.t('start.lost', { count: 1 })).toBe(en.start.lost_one);
    expect(i18n.t('start.lost', { count: 3 })).toBe('The 3 commands you ran yourself will be lost, with what they built:');
    expect(i18n.t('start.lost', { count: 0 })).toBe('The 0 commands you ran yourself will be lost, with what they built:');
    expect(i18n.t('node.ports', { count: 1 })).toBe('1 port');
    expect(i18n.t('node.group', { count: 2, network: 'mynet' })).toBe('mynet · 2 containers');
  });

  it('and in Chinese, which has one form (its `_one` strings are never shown, as with i18next)', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(zh('start.lost', { count: 1 })).toBe('你自己运行的 1 条命令以及它们搭建的内容都会丢失：');
    expect(zh('start.lost', { count: 5 })).toBe('你自己运行的 5 条命令以及它们搭建的内容都会丢失：');
    expect(zh('node.ports', { count: 1 })).toBe('1 个端口');
    // A value that is itself translated, as the canvas's group label does it.
    expect(zh('node.groupState', { count: 3, state: zh('node.state.running') })).toBe('3 个运行中');
  });

  it('interpolates values; a value not given stays as written, null is nothing', () => {
    expect(i18n.t('header.yourVersion', { title: '<b>x</b>' })).toBe('Your version of “<b>x</b>”');
    expect(i18n.t('header.yourVersion')).toBe('Your version of “{{title}}”');
    expect(i18n.t('header.yourVersion', { title: null })).toBe('Your version of “”');
  });

  it('reads a namespace from the key or the options; a missing key shows itself, or the default given', async () => {
    await loadGalleryText();
    expect(i18n.t('gallery:ui.dialogTitle')).toBe(galleryEn.ui.dialogTitle);
    expect(i18n.t('ui.dialogTitle', { ns: 'gallery' })).toBe(galleryEn.ui.dialogTitle);
    expect(i18n.getFixedT('en', 'gallery')('ui.steps', { count: 2 })).toBe('2 steps');
    expect(i18n.t('gallery:scenarios.isolation-connect.steps.0')).toBe(galleryEn.scenarios['isolation-connect']!.steps[0]);
    expect(i18n.t('gallery:no.such.key')).toBe('no.such.key');
    expect(i18n.t('hop.noSuchNote', { defaultValue: 'eth0 did {{what}}', what: 'this' })).toBe('eth0 did this');
    expect(i18n.exists('gallery:ui.dialogTitle')).toBe(true);
    expect(i18n.exists('start.lost')).toBe(false);
    expect(i18n.exists('start.lost', { count: 2 })).toBe(true);
  });

  it('falls back to English for a key Chinese lacks, and takes a language per call', () => {
    const zh = i18n.getFixedT('zh-CN');
    i18n.addResourceBundle('en', 'linked', { scenarios: { shared: { title: 'An author’s title' } } });
    expect(zh('linked:scenarios.shared.title')).toBe('An author’s title');
    expect(zh('start.cancel')).not.toBe(en.start.cancel);
    expect(zh('start.cancel', { lng: 'en' })).toBe(en.start.cancel);
  });
});

describe('the language', () => {
  it('is the closest the app has to what the visitor asks for', () => {
    const t = new Translator({ languages: ['en', 'zh-CN'], defaultNS: 'translation', resources: {} });
    expect(t.closestLanguage(['zh-CN'])).toBe('zh-CN');
    expect(t.closestLanguage(['fr-FR', 'zh-TW', 'en'])).toBe('en');
    expect(t.closestLanguage(['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(t.closestLanguage(['en-GB'])).toBe('en');
    expect(t.closestLanguage(['de'])).toBe('en');
    expect(t.closestLanguage([])).toBe('en');
  });

  it('gives a new `t` when it changes (what draws again in React), the same one while it stays', async () => {
    const t = new Translator({ languages: ['en', 'zh-CN'], defaultNS: 'translation', resources: { en: { translation: { a: 'A' } }, 'zh-CN': { translation: { a: '甲' } } } });
    const changes: string[] = [];
    t.onLanguageChanged((lng) => changes.push(lng));
    const first = t.getFixedT(t.language);
    expect(t.getFixedT('en')).toBe(first);
    await t.changeLanguage('zh');
    expect(changes).toEqual(['zh-CN']);
    expect(t.getFixedT(t.language)).not.toBe(first);
    expect(t.getFixedT(t.language)('a')).toBe('甲');
    await t.changeLanguage('zh-CN');
    expect(changes).toEqual(['zh-CN']);
  });

  it('loads a language before switching to it, and stays when it cannot be loaded', async () => {
    let fail = true;
    const t = new Translator({
      languages: ['en', 'zh-CN'],
      defaultNS: 'translation',
      resources: { en: { translation: { a: 'A' } } },
      load: (lng) => {
        const strings: Record<string, ResourceTree> = lng === 'zh-CN' ? { translation: { a: '甲' } } : {};
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve(strings);
      },
    });
    await t.changeLanguage('zh-CN');
    expect(t.t('a')).toBe('A');
    fail = false;
    await t.changeLanguage('en');
    await t.changeLanguage('zh-CN');
    expect(t.t('a')).toBe('甲');
  });

  describe('in a browser', () => {
    const stored = new Map<string, string>();
    const stubBrowser = (languages: string[]) => {
      vi.stubGlobal('window', { localStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) } });
      vi.stubGlobal('navigator', { languages, language: languages[0] });
    };
    afterEach(async () => {
      vi.unstubAllGlobals();
      stored.clear();
      await initI18n({ persist: false, language: 'en' });
    });

    it('follows the browser until the user picks one, then keeps the pick', async () => {
      stubBrowser(['zh-TW', 'en-US']);
      await initI18n();
      expect(i18n.language).toBe('zh-CN');
      expect(stored.get('vethlab.lang')).toBeUndefined();
      await i18n.changeLanguage('en');
      expect(stored.get('vethlab.lang')).toBe('en');
      await initI18n();
      expect(i18n.language).toBe('en');
    });

    it('an embed takes its lang= or the browser’s, and remembers nothing', async () => {
      stored.set('vethlab.lang', 'en');
      stubBrowser(['zh-CN']);
      await initI18n({ persist: false });
      expect(i18n.language).toBe('zh-CN');
      await initI18n({ persist: false, language: 'en' });
      await i18n.changeLanguage('zh-CN');
      expect(stored.get('vethlab.lang')).toBe('en');
    });
  });
});
