/**
 * i18next with the app's two languages. The language comes from what the user
 * chose before (localStorage), else the browser's; the header switches it.
 * English is bundled (it is the fallback); Chinese is one chunk loaded when it
 * is chosen (i18next loads it before switching, so no key shows meanwhile).
 */
import i18n, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { actionsEn } from './actions.en.ts';
import { en } from './en.ts';
import { galleryEn } from './gallery.en.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

/** Loads the languages not bundled (Chinese) from their chunk. */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (language !== 'zh-CN') {
      callback(null, {});
      return;
    }
    import('./zh-CN.bundle.ts').then(
      (m) => callback(null, m.zhCNBundle[namespace] ?? {}),
      (e: Error) => callback(e, null),
    );
  },
};

/** Starts i18next; the promise settles once the current language's strings are there (at once for English). */
export function initI18n(): Promise<typeof i18n> {
  return i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .use(lazyLanguages)
    .init({
      resources: {
        en: { translation: en, actions: actionsEn, gallery: galleryEn },
      },
      partialBundledLanguages: true,
      ns: ['translation', 'actions', 'gallery'],
      defaultNS: 'translation',
      supportedLngs: ['en', 'zh-CN'],
      // `zh`, `zh-TW`... fall to Simplified Chinese before English.
      fallbackLng: { zh: ['zh-CN', 'en'], default: ['en'] },
      nonExplicitSupportedLngs: false,
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'vethlab.lang', caches: ['localStorage'] },
      initAsync: false,
    })
    .then(
      () => i18n,
      // Strings that failed to load leave the English fallback on screen.
      () => i18n,
    );
}

/** The supported language closest to i18next's current one. */
export function currentLanguage(lng: string | undefined): 'en' | 'zh-CN' {
  return lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
