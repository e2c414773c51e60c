/**
 * The top bar as drawn: name, the scenario's title and hint (a button that types
 * the hinted command into the terminal), undo and redo, Gallery, reset, theme
 * toggle and language. The live app (Header.tsx) gives it the store's actions; the first
 * screen (src/app/boot) draws it before the simulator has loaded, when the
 * buttons that need it are disabled and say it is starting.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { GALLERY_NS } from '../../scenario/gallery/ns.ts';
import { currentLanguage, LANGUAGES } from '../i18n/index.ts';
import type { ThemeSetting } from '../state/persist.ts';
import { MoonIcon, PlayIcon, RedoIcon, SunIcon, UndoIcon } from './icons.tsx';

export interface HeaderViewProps {
  titleKey: string;
  /** The user changed the titled world (`version`), or it is all their own (`world`). */
  own?: 'version' | 'world' | undefined;
  hint?: { line: string; labelKey: string; run?: () => void };
  theme: 'light' | 'dark';
  system: 'light' | 'dark';
  setting: ThemeSetting;
  /** Missing while the simulator loads (the button is disabled). */
  onTheme?: (setting: ThemeSetting) => void;
  onReset?: () => void;
  onGallery?: () => void;
  onShare?: () => void;
  /** Undo and redo; `canUndo`/`canRedo` false: nothing to take back or do again (the button still says why when pressed). */
  onUndo?: () => void;
  onRedo?: () => void;
  canUndo?: boolean;
  canRedo?: boolean;
}

interface HistoryButtonProps {
  /** Missing while the simulator loads (the button is disabled). */
  onPress: (() => void) | undefined;
  /** False: nothing to take back or do again. */
  can: boolean;
  label: string;
  shortcut: string;
  title: string;
  children: ReactNode;
}

/**
 * Undo or redo. aria-disabled, not disabled, when there is nothing to do: the button stays
 * reachable and says why when pressed.
 */
function HistoryButton({ onPress, can, label, shortcut, title, children }: HistoryButtonProps) {
  return (
    <button
      type="button"
      className="history-button"
      onClick={onPress}
      disabled={!onPress}
      aria-disabled={onPress && !can ? true : undefined}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={title}
    >
      {children}
    </button>
  );
}

export function HeaderView({ titleKey, own, hint, theme, system, setting, onTheme, onReset, onGallery, onShare, onUndo, onRedo, canUndo = false, canRedo = false }: HeaderViewProps) {
  const { t, i18n } = useTranslation();
  const starting = t('boot.starting');
  const next = theme === 'dark' ? 'light' : 'dark';
  const themeLabel = t('header.theme', { theme: t(`theme.${next}`) });
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ⇄
        </span>
        <h1>vethlab</h1>
      </div>
      <div className="scenario">
        <span className="scenario-title" data-own={own}>
          {own === 'world' ? t('header.ownWorld') : own === 'version' ? t('header.yourVersion', { title: t(titleKey) }) : t(titleKey)}
        </span>
        {hint && (
          <span className="hint">
            <span className="hint-label">{t(hint.labelKey)}</span>
            <button type="button" className="hint-run" onClick={hint.run} disabled={!hint.run} title={hint.run ? t('hint.run') : starting}>
              <code>{hint.line}</code> <PlayIcon />
            </button>
          </span>
        )}
      </div>
      <div className="actions">
        <HistoryButton onPress={onUndo} can={canUndo} label={t('header.undo')} shortcut="Control+Z" title={onUndo ? t('header.undoTitle') : starting}>
          <UndoIcon />
        </HistoryButton>
        <HistoryButton onPress={onRedo} can={canRedo} label={t('header.redo')} shortcut="Control+Shift+Z" title={onRedo ? t('header.redoTitle') : starting}>
          <RedoIcon />
        </HistoryButton>
        <button
          type="button"
          className="gallery-open"
          onClick={onGallery}
          disabled={!onGallery}
          title={onGallery ? t('ui.openTitle', { ns: GALLERY_NS }) : starting}
          aria-haspopup="dialog"
        >
          {t('ui.open', { ns: GALLERY_NS })}
        </button>
        <button
          type="button"
          className="share-open"
          onClick={onShare}
          disabled={!onShare}
          title={onShare ? t('header.shareTitle') : starting}
          aria-haspopup="dialog"
        >
          {t('header.share')}
        </button>
        <button type="button" onClick={onReset} disabled={!onReset} title={onReset ? t('header.resetTitle') : starting}>
          {t('header.reset')}
        </button>
        <button
          type="button"
          onClick={onTheme ? () => onTheme(next === system ? 'system' : next) : undefined}
          disabled={!onTheme}
          aria-label={themeLabel}
          title={`${themeLabel}${setting === 'system' ? ` · ${t('theme.followsSystem')}` : ''}`}
        >
          {theme === 'dark' ? <MoonIcon /> : <SunIcon />}
        </button>
        <select
          aria-label={t('header.language')}
          value={currentLanguage(i18n.language)}
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
