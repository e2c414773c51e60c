/**
 * The first screen: the page as the live app draws it (header, canvas, terminal
 * area, side panel) from a graph snapshot (initial.ts), shown while the live
 * app's chunk (the simulator) loads, then replaced by it. The snapshot has the
 * same node ids and positions, so the swap shows no change. What needs the
 * simulator (the hint's Run, Gallery, reset, the terminal, the panels) says it
 * is starting meanwhile.
 */
import { Component, type ComponentType, type ReactNode, Suspense, useEffect, useLayoutEffect } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { GALLERY_NS } from '../../scenario/gallery/ns.ts';
import '../actions/actions.css';
import { HeaderView } from '../ui/HeaderView.tsx';
import { PaneBar } from '../ui/PaneBar.tsx';
import { resolveTheme, useSystemTheme } from '../ui/theme.ts';
import { firstScreenPainted } from './handoff.ts';
import type { BootState } from './initial.ts';
import { SnapshotCanvas } from './SnapshotCanvas.tsx';

export function BootScreen({ state, failed = false }: { state: BootState; failed?: boolean }) {
  const { t } = useTranslation();
  const system = useSystemTheme();
  const theme = resolveTheme(state.view.theme, system);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // Without a snapshot there is no drawing to wait for (SnapshotCanvas reports its own).
  const hasDrawing = state.graph !== undefined;
  useEffect(() => {
    if (!hasDrawing) firstScreenPainted();
  }, [hasDrawing]);
  const { titleKey, hint, own } = state.header;
  const starting = t('boot.starting');
  const panel = state.gallery.guide ? 'guide' : state.view.panel;
  const tabs = [
    { id: 'trace', label: t('panel.trace') },
    { id: 'rules', label: t('panel.rules') },
    { id: 'inspector', label: t('inspector.tab', { ns: 'actions' }) },
    { id: 'guide', label: t('guide.tab', { ns: GALLERY_NS }) },
  ] as const;
  return (
    <div className="app" aria-busy={!failed}>
      <HeaderView
        titleKey={titleKey}
        own={own}
        {...(hint ? { hint: { line: hint.line, labelKey: hint.labelKey } } : {})}
        theme={theme}
        system={system}
        setting={state.view.theme}
      />
      {failed && (
        <div className="notice" role="alert">
          <span>{t('boot.failed')}</span>
        </div>
      )}
      <main className="workspace" data-pane="canvas">
        <section className="canvas-area" aria-label={t('canvas.label')}>
          {state.graph ? (
            <SnapshotCanvas graph={state.graph} positions={state.positions} autoNarrow={state.autoNarrow} theme={theme} />
          ) : (
            <div className="canvas" data-testid="topology" />
          )}
          <div className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label', { ns: 'actions' })}>
            <button type="button" disabled title={starting}>
              <span aria-hidden>＋</span> {t('toolbar.addContainer', { ns: 'actions' })}
            </button>
            <button type="button" disabled title={starting}>
              <span aria-hidden>＋</span> {t('toolbar.addNetwork', { ns: 'actions' })}
            </button>
          </div>
        </section>
        <section className="terminal-area" aria-label={t('terminal.label')}>
          <div className="terminal-loading" role="status" data-testid="boot-status">
            {failed ? t('boot.failed') : starting}
          </div>
        </section>
        <aside className="side" aria-label={t('panel.label')}>
          <div className="side-tabs" role="tablist">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                disabled
                aria-selected={panel === tab.id}
                className={panel === tab.id ? 'active' : ''}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <div className="side-body" role="tabpanel" aria-label={tabs.find((tab) => tab.id === panel)?.label}>
            <p className="side-loading">{starting}</p>
          </div>
        </aside>
      </main>
      <PaneBar pane="canvas" />
    </div>
  );
}

/** Keeps the first screen, with a notice, should the live app's chunk fail to load. */
class LoadFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The first screen until `Live` (a lazy component: the live app) has loaded, then the live app. */
export function Boot({ state, Live }: { state: BootState; Live: ComponentType }) {
  return (
    <LoadFailure fallback={<BootScreen state={state} failed />}>
      <Suspense fallback={<BootScreen state={state} />}>
        <Live />
      </Suspense>
    </LoadFailure>
  );
}
