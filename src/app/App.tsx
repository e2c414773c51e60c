/**
 * The page: header, the topology canvas with the packet animation, the
 * terminal (loaded on demand with xterm.js), and the side panel with the trace
 * and the rules. One store around one simulator feeds them all. This is the
 * live app, loaded after the first screen (src/app/boot, Live.tsx); the
 * panels, dialogs and gallery it does not show at once load later (lazy.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from './i18n/react.ts';
import { ActionsLayer } from './actions/ActionsLayer.tsx';
import { ActionsProvider } from './actions/ActionsProvider.tsx';
import { Topology } from './canvas/Topology.tsx';
import { useGallery, useGalleryStore } from './gallery/context.ts';
import { GalleryDialog, GuidePanel, InspectorPanel, prefetchLazyParts, RulesPanel } from './lazy.ts';
import { useApp, useAppStore } from './state/context.ts';
import { TracePanel } from './trace/TracePanel.tsx';
import { usePlayer } from './trace/usePlayer.ts';
import { useLinkOpener } from './share/useLinkOpener.ts';
import { Header } from './ui/Header.tsx';
import { Notice } from './ui/Notice.tsx';
import { PanelBoundary } from './ui/PanelBoundary.tsx';
import { type Pane, PaneBar } from './ui/PaneBar.tsx';
import { UpdateBar } from './ui/UpdateBar.tsx';
import { tablistKeyDown } from './ui/tablist.ts';
import { useDocumentTheme } from './ui/theme.ts';
import { useUndoShortcuts } from './ui/undo-keys.ts';

const TerminalPane = lazy(() => import('./terminal/TerminalPane.tsx'));

/** Runs `run` when the browser is next idle (a frame drawn, nothing waiting), within half a second; returns a cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 100);
  return () => window.clearTimeout(id);
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
  const select = (id: (typeof tabs)[number]['id']) => {
    gallery.getState().showGuide(id === 'guide');
    store.getState().setInspectorOpen(id === 'inspector');
    if (id === 'guide' || id === 'inspector') return;
    store.getState().setView({ panel: id });
  };
  const ids = tabs.map((tab) => tab.id);
  return (
    <aside className="side" aria-label={t('panel.label')}>
      <div
        className="side-tabs"
        role="tablist"
        aria-label={t('panel.tabs')}
        onKeyDown={tablistKeyDown(ids, panel, (id) => select(id as (typeof ids)[number]), (id) => `side-tab-${id}`)}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls={`side-${tab.id}`}
            tabIndex={panel === tab.id ? 0 : -1}
            className={panel === tab.id ? 'active' : ''}
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`side-${panel}`} aria-labelledby={`side-tab-${panel}`}>
        <PanelBoundary key={panel} panel={panel}>
          {panel === 'trace' ? (
            <TracePanel />
          ) : (
            <Suspense fallback={<p className="side-loading">{t('panel.loading')}</p>}>
              {panel === 'rules' ? <RulesPanel /> : panel === 'guide' ? <GuidePanel /> : <InspectorPanel />}
            </Suspense>
          )}
        </PanelBoundary>
      </div>
    </aside>
  );
}

/**
 * The pane a phone shows (PaneBar.tsx; wider screens show all three): a command
 * run from the canvas (its menus, toolbar, the header's hint) shows the
 * terminal, one run from the panels (the Guide's Run) stays there with its
 * result; the inspector or the guide opening shows the panels; a trace that
 * arrives while they are hidden marks their button.
 */
function usePane(): { pane: Pane; setPane(pane: Pane): void; news: boolean } {
  const store = useAppStore();
  const gallery = useGalleryStore();
  const [pane, setPaneState] = useState<Pane>('canvas');
  const [news, setNews] = useState(false);
  const shown = useRef<Pane>(pane);
  useEffect(() => {
    shown.current = pane;
  }, [pane]);
  const setPane = (next: Pane) => {
    setPaneState(next);
    if (next === 'panel') setNews(false);
  };
  const showPanel = () => {
    setPaneState('panel');
    setNews(false);
  };
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        // A line put on the prompt (the Guide's Type) is for the terminal wherever it came from.
        const run = s.pendingRun;
        if (run && run !== prev.pendingRun) setPaneState((p) => (p === 'canvas' || run.typeOnly ? 'terminal' : p));
        if (s.inspectorOpen && !prev.inspectorOpen) showPanel();
        if (s.trace && s.trace.id !== prev.trace?.id && shown.current !== 'panel') setNews(true);
      }),
    [store],
  );
  useEffect(
    () =>
      gallery.subscribe((s, prev) => {
        if (s.guideOpen && !prev.guideOpen) showPanel();
      }),
    [gallery],
  );
  return { pane, setPane, news };
}

/** While a link's world replaces the user's, a bar offers to bring theirs back. */
function PreviousWorldBar() {
  const { t } = useTranslation();
  const gallery = useGalleryStore();
  const previous = useGallery((s) => s.previous);
  if (!previous) return null;
  return (
    <div className="notice previous-world" role="status">
      <span>{t('link.shared')}</span>
      <button type="button" className="notice-action" onClick={() => gallery.getState().backToMyWorld()}>
        {t('link.back')}
      </button>
      <button type="button" className="notice-action" onClick={() => gallery.getState().forgetPrevious()}>
        {t('link.stay')}
      </button>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const store = useAppStore();
  useLinkOpener(store, useGalleryStore());
  useUndoShortcuts(store);
  useDocumentTheme();
  usePlayer();
  const world = useApp((s) => s.world);
  const galleryOpen = useGallery((s) => s.dialogOpen);
  const { pane, setPane, news } = usePane();
  // The panels' chunks and the offline worker come once the terminal takes commands, so they never delay it.
  const [terminalReady, setTerminalReady] = useState(false);
  const onTerminalReady = useCallback(() => setTerminalReady(true), []);
  useEffect(() => (terminalReady ? prefetchLazyParts() : undefined), [terminalReady]);
  // React Flow too, once the prompt is on screen: the terminal says it is ready before xterm has drawn it.
  const [canvasLive, setCanvasLive] = useState(false);
  useEffect(() => (terminalReady ? whenIdle(() => setCanvasLive(true)) : undefined), [terminalReady]);
  return (
    <div className="app">
      <Header />
      <Notice />
      <PreviousWorldBar />
      <UpdateBar active={terminalReady} />
      <ActionsProvider>
        <main className="workspace" data-pane={pane}>
          <section className="canvas-area" aria-label={t('canvas.label')}>
            <PanelBoundary key={world} panel="canvas">
              {/* React Flow comes once the terminal takes commands (or the canvas is touched), never before it. */}
              <Topology live={canvasLive} />
              <ActionsLayer />
            </PanelBoundary>
          </section>
          <section className="terminal-area" aria-label={t('terminal.label')}>
            <PanelBoundary key={world} panel="terminal">
              <Suspense fallback={<div className="terminal-loading">{t('terminal.loading')}</div>}>
                <TerminalPane onReady={onTerminalReady} />
              </Suspense>
            </PanelBoundary>
          </section>
          <SidePanel />
        </main>
      </ActionsProvider>
      <PaneBar pane={pane} onPane={setPane} news={news} />
      <PanelBoundary panel="gallery">
        <Suspense fallback={null}>{galleryOpen && <GalleryDialog />}</Suspense>
      </PanelBoundary>
    </div>
  );
}
