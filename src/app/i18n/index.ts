/**
 * i18next with the app's two languages. The language comes from what the user
 * chose before (localStorage), else the browser's; the header switches it.
 * English is bundled (it is the fallback); Chinese is one chunk loaded when it
 * is chosen (i18next loads it before switching, so no key shows meanwhile).
 * Of the gallery's English text only what the first screen shows is bundled;
 * the rest (every scenario's text) is a chunk that `loadGalleryText` loads
 * before what shows it renders: the gallery dialog, the Guide tab, the header
 * of a scenario restored from a saved session.
 */
import i18n, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { GALLERY_NS } from '../../scenario/gallery/ns.ts';
import { actionsEn } from './actions.en.ts';
import { en } from './en.ts';
import { galleryEnFirst } from './gallery.en.first.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

/** Loads the languages not bundled (Chinese) from their chunk, and the gallery's English text from its own. */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (language === 'zh-CN') {
      import('./zh-CN.bundle.ts').then(
        (m) => callback(null, m.zhCNBundle[namespace] ?? {}),
        (e: Error) => callback(e, null),
      );
    } else if (language === 'en' && namespace === GALLERY_NS) {
      import('./gallery.en.ts').then(
        (m) => callback(null, m.galleryEn),
        (e: Error) => callback(e, null),
      );
    } else {
      callback(null, {});
    }
  },
};

export interface I18nOptions {
  /** This language, whatever the browser prefers (an embed's `lang=`). */
  language?: 'en' | 'zh-CN';
  /** Remember the language chosen (the full app); an embed leaves the app's choice alone. */
  persist?: boolean;
}

/** Starts i18next; the promise settles once the current language's strings are there (at once for English). */
export function initI18n(options: I18nOptions = {}): Promise<typeof i18n> {
  const persist = options.persist !== false;
  return i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .use(lazyLanguages)
    .init({
      resources: {
        en: { translation: en, actions: actionsEn, [GALLERY_NS]: galleryEnFirst },
      },
      partialBundledLanguages: true,
      ns: ['translation', 'actions', GALLERY_NS],
      defaultNS: 'translation',
      supportedLngs: ['en', 'zh-CN'],
      // `zh`, `zh-TW`... fall to Simplified Chinese before English.
      fallbackLng: { zh: ['zh-CN', 'en'], default: ['en'] },
      nonExplicitSupportedLngs: false,
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: persist
        ? { order: ['localStorage', 'navigator'], lookupLocalStorage: 'vethlab.lang', caches: ['localStorage'] }
        : { order: ['navigator'], caches: [] },
      ...(options.language ? { lng: options.language } : {}),
      initAsync: false,
    })
    .then(
      () => i18n,
      // Strings that failed to load leave the English fallback on screen.
      () => i18n,
    );
}

let galleryText: Promise<void> | undefined;

/**
 * Loads the gallery's English text (English is every language's fallback, and
 * the one the header can switch to at any time); call it after `initI18n`. The
 * bundled part makes i18next count the namespace as loaded, so this asks the
 * backend again; the whole text replaces the part. Settles, loaded or not (a
 * failed load is tried again by the next call).
 */
export function loadGalleryText(): Promise<void> {
  galleryText ??= i18n.reloadResources(['en'], [GALLERY_NS]).then(() => {
    if (i18n.getResource('en', GALLERY_NS, 'scenarios') === undefined) galleryText = undefined;
  });
  return galleryText;
}

/** The supported language closest to i18next's current one. */
export function currentLanguage(lng: string | undefined): 'en' | 'zh-CN' {
  return lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
