/**
 * The page: header, the topology canvas with the packet animation, the
 * terminal (loaded on demand with xterm.js), and the side panel with the trace
 * and the rules. One store around one simulator feeds them all.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Topology } from './canvas/Topology.tsx';
import { RulesPanel } from './rules/RulesPanel.tsx';
import { useApp, useAppStore } from './state/context.ts';
import { TracePanel } from './trace/TracePanel.tsx';
import { usePlayer } from './trace/usePlayer.ts';
import { Header } from './ui/Header.tsx';
import { useDocumentTheme } from './ui/theme.ts';

const TerminalPane = lazy(() => import('./terminal/TerminalPane.tsx'));

function Notice() {
  const { t } = useTranslation();
  const store = useAppStore();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{t(notice.key, notice.values ?? {})}</span>
      <button type="button" onClick={() => store.getState().dismissNotice()} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}

function SidePanel() {
  const { t } = useTranslation();
  const store = useAppStore();
  const panel = useApp((s) => s.view.panel);
  const tabs = [
    { id: 'trace', label: t('panel.trace') },
    { id: 'rules', label: t('panel.rules') },
  ] as const;
  return (
    <aside className="side" aria-label={t('panel.label')}>
      <div className="side-tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls={`side-${tab.id}`}
            className={panel === tab.id ? 'active' : ''}
            onClick={() => store.getState().setView({ panel: tab.id })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`side-${panel}`} aria-labelledby={`side-tab-${panel}`}>
        {panel === 'trace' ? <TracePanel /> : <RulesPanel />}
      </div>
    </aside>
  );
}

export function App() {
  const { t } = useTranslation();
  useDocumentTheme();
  usePlayer();
  return (
    <div className="app">
      <Header />
      <Notice />
      <main className="workspace">
        <section className="canvas-area" aria-label={t('canvas.label')}>
          <Topology />
        </section>
        <section className="terminal-area" aria-label={t('terminal.label')}>
          <Suspense fallback={<div className="terminal-loading">{t('terminal.loading')}</div>}>
            <TerminalPane />
          </Suspense>
        </section>
        <SidePanel />
      </main>
    </div>
  );
}
