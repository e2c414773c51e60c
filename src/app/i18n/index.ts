/**
 * The UI's two languages on the app's translator (translator.ts). The language comes
 * from what the user chose before (localStorage), else the browser's; the header
 * switches it. English is bundled (it is the fallback); Chinese is one chunk loaded
 * when it is chosen (loaded before the switch, so no key shows meanwhile).
 * Of the gallery's English text only what the first screen shows is bundled;
 * the rest (every scenario's text) is a chunk that `loadGalleryText` loads
 * before what shows it renders: the gallery dialog, the Guide tab, the header
 * of a scenario restored from a saved session.
 */
import { GALLERY_NS } from '../../scenario/gallery/ns.ts';
import { actionsEn } from './actions.en.ts';
import { LANGUAGE_STORAGE_KEY, requestedLanguages, storeLanguage } from './detect.ts';
import { en } from './en.ts';
import { galleryEnFirst } from './gallery.en.first.ts';
import { Translator } from './translator.ts';

export type { TFunction, TOptions } from './translator.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

/** The app's translator; English from the start, every other language once `initI18n` or a switch has loaded it. */
export const i18n = new Translator({
  languages: LANGUAGES.map((l) => l.code),
  defaultNS: 'translation',
  resources: { en: { translation: en, actions: actionsEn, [GALLERY_NS]: galleryEnFirst } },
  load: (language) => (language === 'zh-CN' ? import('./zh-CN.bundle.ts').then((m) => m.zhCNBundle) : Promise.resolve({})),
});

export interface I18nOptions {
  /** This language, whatever the browser prefers (an embed's `lang=`). */
  language?: 'en' | 'zh-CN';
  /** Remember the language chosen (the full app); an embed leaves the app's choice alone. */
  persist?: boolean;
}

let stopPersisting: (() => void) | undefined;
let galleryText: Promise<void> | undefined;

/**
 * Sets the page's language, from the bundled strings (a second start, as the tests make,
 * forgets what was loaded since); the promise settles once its strings are there (at once
 * for English).
 */
export async function initI18n(options: I18nOptions = {}): Promise<Translator> {
  const persist = options.persist !== false;
  const codes = options.language ? [options.language] : requestedLanguages(persist ? LANGUAGE_STORAGE_KEY : undefined);
  stopPersisting?.();
  stopPersisting = undefined;
  i18n.reset();
  galleryText = undefined;
  await i18n.changeLanguage(i18n.closestLanguage(codes));
  // A language the user picks from now on is kept for their next visit.
  if (persist) stopPersisting = i18n.onLanguageChanged((language) => storeLanguage(LANGUAGE_STORAGE_KEY, language));
  return i18n;
}

/**
 * Loads the gallery's English text (English is every language's fallback, and
 * the one the header can switch to at any time). The whole text replaces the
 * bundled part. Settles, loaded or not (a failed load is tried again by the next call).
 */
export function loadGalleryText(): Promise<void> {
  galleryText ??= import('./gallery.en.ts').then(
    (m) => i18n.addResourceBundle('en', GALLERY_NS, m.galleryEn),
    () => {
      galleryText = undefined;
    },
  );
  return galleryText;
}

/** The supported language closest to the given one. */
export function currentLanguage(lng: string | undefined): 'en' | 'zh-CN' {
  return lng?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
