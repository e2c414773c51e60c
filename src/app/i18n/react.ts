/**
 * The translator in React: `useTranslation(ns)` gives `t` for a namespace and the
 * translator itself, and draws the component again when the language changes (its
 * `t` is then a new function, so memoized children given it draw again too).
 */
import { useSyncExternalStore } from 'react';
import { i18n } from './index.ts';
import type { TFunction, Translator } from './translator.ts';

const subscribe = (onChange: () => void) => i18n.onLanguageChanged(onChange);
const currentLanguage = () => i18n.language;

export function useTranslation(ns?: string): { t: TFunction; i18n: Translator } {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return { t: i18n.getFixedT(language, ns), i18n };
}
