/**
 * The page: header, the topology canvas with the packet animation, the
 * terminal (loaded on demand with xterm.js), and the side panel with the trace
 * and the rules. One store around one simulator feeds them all. This is the
 * live app, loaded after the first screen (src/app/boot, Live.tsx); the
 * panels, dialogs and gallery it does not show at once load later (lazy.ts).
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsLayer } from './actions/ActionsLayer.tsx';
import { ActionsProvider } from './actions/ActionsProvider.tsx';
import { Topology } from './canvas/Topology.tsx';
import { useGallery, useGalleryStore } from './gallery/context.ts';
import { GalleryDialog, GuidePanel, InspectorPanel, prefetchLazyParts, RulesPanel } from './lazy.ts';
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
  const view = useApp((s) => s.view.panel);
  const inspectorOpen = useApp((s) => s.inspectorOpen);
  const gallery = useGalleryStore();
  const guideOpen = useGallery((s) => s.guideOpen);
  const panel = inspectorOpen ? 'inspector' : guideOpen ? 'guide' : view;
  const tabs = [
    { id: 'trace', label: t('panel.trace') },
    { id: 'rules', label: t('panel.rules') },
    { id: 'inspector', label: t('inspector.tab', { ns: 'actions' }) },
    { id: 'guide', label: t('guide.tab', { ns: 'gallery' }) },
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
            onClick={() => {
              gallery.getState().showGuide(tab.id === 'guide');
              store.getState().setInspectorOpen(tab.id === 'inspector');
              if (tab.id === 'guide' || tab.id === 'inspector') return;
              store.getState().setView({ panel: tab.id });
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`side-${panel}`} aria-labelledby={`side-tab-${panel}`}>
        {panel === 'trace' ? (
          <TracePanel />
        ) : (
          <Suspense fallback={<p className="side-loading">{t('panel.loading')}</p>}>
            {panel === 'rules' ? <RulesPanel /> : panel === 'guide' ? <GuidePanel /> : <InspectorPanel />}
          </Suspense>
        )}
      </div>
    </aside>
  );
}

export function App() {
  const { t } = useTranslation();
  useDocumentTheme();
  usePlayer();
  const world = useApp((s) => s.world);
  const galleryOpen = useGallery((s) => s.dialogOpen);
  useEffect(prefetchLazyParts, []);
  return (
    <div className="app">
      <Header />
      <Notice />
      <ActionsProvider>
        <main className="workspace">
          <section className="canvas-area" aria-label={t('canvas.label')}>
            <Topology key={world} />
            <ActionsLayer />
          </section>
          <section className="terminal-area" aria-label={t('terminal.label')}>
            <Suspense fallback={<div className="terminal-loading">{t('terminal.loading')}</div>}>
              <TerminalPane key={world} />
            </Suspense>
          </section>
          <SidePanel />
        </main>
      </ActionsProvider>
      <Suspense fallback={null}>{galleryOpen && <GalleryDialog />}</Suspense>
    </div>
  );
}
