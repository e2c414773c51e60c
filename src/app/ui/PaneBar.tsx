/**
 * On a phone (480 px or less wide, or as short when turned sideways) the
 * workspace shows one pane at a time: the canvas, the terminal, or the side
 * panel (trace, rules, inspector, guide).
 * This bar at the bottom switches between them; it is hidden (display: none)
 * on wider screens, where all three are shown at once (app.css). The live app
 * (App.tsx) keeps the pane in its state and switches it when a command is run
 * from the canvas (to the terminal) or the inspector or guide opens (to the
 * panels); the first screen draws it disabled.
 */
import { useTranslation } from '../i18n/react.ts';

export type Pane = 'canvas' | 'terminal' | 'panel';

export const PANES: readonly Pane[] = ['canvas', 'terminal', 'panel'];

/** The phone layout's breakpoint (app.css has the same). */
export const PHONE_QUERY = '(max-width: 480px), (max-height: 480px)';

export function isPhone(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(PHONE_QUERY).matches;
}

export function PaneBar({ pane, onPane, news = false }: { pane: Pane; onPane?: (pane: Pane) => void; news?: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="pane-bar" aria-label={t('panes.label')}>
      {PANES.map((p) => (
        <button
          key={p}
          type="button"
          data-pane={p}
          aria-pressed={pane === p}
          className={pane === p ? 'active' : ''}
          disabled={!onPane}
          onClick={onPane ? () => onPane(p) : undefined}
        >
          {t(`panes.${p}`)}
          {p === 'panel' && news && pane !== 'panel' && (
            <span className="pane-news" role="img" aria-label={t('panes.newTrace')} />
          )}
        </button>
      ))}
    </nav>
  );
}
