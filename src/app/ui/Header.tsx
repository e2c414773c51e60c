/**
 * The top bar: name, the scenario's title and hint (a button that types the
 * hinted command into the terminal), reset, theme toggle and language.
 */
import { useTranslation } from 'react-i18next';
import { GalleryButton, useHeaderScenario } from '../gallery/header.tsx';
import { currentLanguage, LANGUAGES } from '../i18n/index.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { MoonIcon, PlayIcon, SunIcon } from './icons.tsx';
import { useEffectiveTheme, useSystemTheme } from './theme.ts';

export function Header() {
  const { t, i18n } = useTranslation();
  const store = useAppStore();
  const theme = useEffectiveTheme();
  const system = useSystemTheme();
  const setting = useApp((s) => s.view.theme);
  const { titleKey, hint } = useHeaderScenario();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ⇄
        </span>
        <h1>vethlab</h1>
      </div>
      <div className="scenario">
        <span className="scenario-title">{t(titleKey)}</span>
        {hint && (
          <span className="hint">
            <span className="hint-label">{t(hint.labelKey)}</span>
            <button type="button" className="hint-run" onClick={hint.run} title={t('hint.run')}>
              <code>{hint.line}</code> <PlayIcon />
            </button>
          </span>
        )}
      </div>
      <div className="actions">
        <GalleryButton />
        <button type="button" onClick={() => store.getState().resetWorld()} title={t('header.resetTitle')}>
          {t('header.reset')}
        </button>
        <button
          type="button"
          onClick={() => store.getState().setView({ theme: next === system ? 'system' : next })}
          aria-label={t('header.theme', { theme: t(`theme.${next}`) })}
          title={`${t('header.theme', { theme: t(`theme.${next}`) })}${setting === 'system' ? ` · ${t('theme.followsSystem')}` : ''}`}
        >
          {theme === 'dark' ? <MoonIcon /> : <SunIcon />}
        </button>
        <select
          aria-label={t('header.language')}
          value={currentLanguage(i18n.resolvedLanguage ?? i18n.language)}
          onChange={(e) => void i18n.changeLanguage(e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
