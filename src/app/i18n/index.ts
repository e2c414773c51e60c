/**
 * i18next with the app's two languages. The language comes from what the user
 * chose before (localStorage), else the browser's; the header switches it.
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { actionsEn } from './actions.en.ts';
import { actionsZhCN } from './actions.zh-CN.ts';
import { en } from './en.ts';
import { galleryEn } from './gallery.en.ts';
import { galleryZhCN } from './gallery.zh-CN.ts';
import { zhCN } from './zh-CN.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export function initI18n(): typeof i18n {
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: {
        en: { translation: en, actions: actionsEn, gallery: galleryEn },
        'zh-CN': { translation: zhCN, actions: actionsZhCN, gallery: galleryZhCN },
      },
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
    });
  return i18n;
}

/** The supported language closest to i18next's current one. */
export function currentLanguage(lng: string | undefined): 'en' | 'zh-CN' {
  return lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
