/**
 * The embed view (embed.html, in a tutorial page's iframe): the canvas, the
 * terminal and the Guide (or the panels the URL asks for), no header chrome,
 * a title bar with "Open in vethlab", which opens the world as it is now in
 * the full app. Nothing is saved: the stores live in memory (main.tsx). Each
 * panel has the full app's error boundary (PanelBoundary): one that throws
 * says so and the others go on.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { ActionsLayer } from '../actions/ActionsLayer.tsx';
import { ActionsProvider } from '../actions/ActionsProvider.tsx';
import { Topology } from '../canvas/Topology.tsx';
import { useGallery, useGalleryStore } from '../gallery/context.ts';
import { useHeaderScenario } from '../gallery/header.tsx';
import { GuidePanel } from '../lazy.ts';
import { shareFragment, shareModel } from '../share/share-doc.ts';
import { useShareWorld } from '../share/use-share-world.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { TracePanel } from '../trace/TracePanel.tsx';
import { usePlayer } from '../trace/usePlayer.ts';
import { Notice } from '../ui/Notice.tsx';
import { PanelBoundary } from '../ui/PanelBoundary.tsx';
import { useDocumentTheme } from '../ui/theme.ts';
import type { EmbedOptions } from './options.ts';
import { useAutoplay } from './useAutoplay.ts';
import { useEmbedApi } from './useEmbedApi.ts';
import { programsUnavailable, whenProgramsReady } from '../state/programs.ts';
import './embed.css';

const TerminalPane = lazy(() => import('../terminal/TerminalPane.tsx'));

/** The full app's address (beside embed.html) with the world as it is now. */
function useOpenInVethlab(): string {
  const world = useShareWorld();
  const step = useGallery((s) => s.step);
  return useMemo(() => {
    const model = shareModel(world);
    const at = model.kind === 'scenario' ? Math.max(model.ran, step) + 1 : 1;
    const fragment = shareFragment(world, model, { step: at, layout: model.kind === 'world', title: '' });
    return `${new URL('./', window.location.href).href}#${fragment}`;
  }, [world, step]);
}

/** Without a terminal, a step's line (the Guide's Run, the host page's API) runs straight in the store. */
function useRunWithoutTerminal(enabled: boolean): void {
  const app = useAppStore();
  const pending = useApp((s) => s.pendingRun);
  useEffect(() => {
    if (!enabled || !pending) return;
    app.getState().takePendingRun(pending.id);
    // In turn with every other line, once the programs it may need have loaded (state/programs.ts).
    if (!pending.typeOnly) void Promise.resolve(whenProgramsReady([pending.line], () => app.getState().runHost(pending.line))).catch((error: unknown) => app.getState().setNotice(programsUnavailable(error)));
  }, [enabled, pending, app]);
}

function EmbedBar() {
  const { t } = useTranslation();
  const { titleKey, own } = useHeaderScenario();
  const href = useOpenInVethlab();
  return (
    <header className="embed-bar">
      <span className="embed-brand" aria-hidden>
        ⇄
      </span>
      <span className="embed-title">{own === 'world' ? t('header.ownWorld') : own === 'version' ? t('header.yourVersion', { title: t(titleKey) }) : t(titleKey)}</span>
      <a className="embed-open" href={href} target="_blank" rel="noopener">
        {t('embed.open')} <span aria-hidden>↗</span>
      </a>
    </header>
  );
}

export function EmbedApp({ options }: { options: EmbedOptions }) {
  const { t } = useTranslation();
  const app = useAppStore();
  const gallery = useGalleryStore();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useDocumentTheme();
  usePlayer();
  useEmbedApi(app, gallery, options, root);
  useAutoplay(options.autoplay);
  const show = (panel: EmbedOptions['panels'][number]) => options.panels.includes(panel);
  useRunWithoutTerminal(!show('terminal'));
  const world = useApp((s) => s.world);
  const canvas = (
    <section className="embed-canvas" aria-label={t('canvas.label')}>
      <PanelBoundary key={world} panel="canvas">
        <Topology />
        {!options.readOnly && <ActionsLayer />}
      </PanelBoundary>
    </section>
  );
  return (
    <div className="embed" ref={setRoot} data-readonly={options.readOnly || undefined}>
      <EmbedBar />
      <Notice />
      {show('canvas') && (options.readOnly ? canvas : <ActionsProvider>{canvas}</ActionsProvider>)}
      {show('terminal') && (
        <section className="embed-terminal" aria-label={t('terminal.label')}>
          <PanelBoundary key={world} panel="terminal">
            <Suspense fallback={<div className="terminal-loading">{t('terminal.loading')}</div>}>
              <TerminalPane />
            </Suspense>
          </PanelBoundary>
        </section>
      )}
      {show('trace') && (
        <section className="embed-trace side-body" aria-label={t('panel.trace')}>
          <PanelBoundary panel="trace">
            <TracePanel />
          </PanelBoundary>
        </section>
      )}
      {show('guide') && (
        <section className="embed-guide side-body" aria-label={t('guide.tab', { ns: 'gallery' })}>
          <PanelBoundary panel="guide">
            <Suspense fallback={<p className="side-loading">{t('panel.loading')}</p>}>
              <GuidePanel />
            </Suspense>
          </PanelBoundary>
        </section>
      )}
    </div>
  );
}
