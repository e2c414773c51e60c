/**
 * The terminal: a tab with the Docker host's shell, and one tab per container
 * shell: `docker exec -it C sh`, or the main shell of `docker run -it IMAGE sh`
 * / `docker attach C`, whose `exit` ends the container (its × and Docker's
 * Ctrl-P Ctrl-Q detach). A container's Python REPL (`docker exec -it C
 * python3`, `python` typed in its shell, `docker run -it python`) runs in a tab
 * the same way. Each tab is a ShellSession (tab-session.ts); lines go to the
 * store, which runs and records them.
 *
 * The host's tab is drawn first by the light terminal (LineTerminal.tsx), so a
 * command can be typed before xterm.js has loaded; xterm (XtermView.tsx, its own
 * chunk) is fetched right after the prompt shows (or at once for a container's
 * tab), and takes the tab over with its scrollback and half-typed line. A
 * container's tab needs xterm (Ctrl-P Ctrl-Q, a REPL): it says the terminal is
 * loading until xterm is there.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useReadOnly } from '../ui/mode.ts';
import { useAppStore, useApp } from '../state/context.ts';
import { preloadPrograms } from '../state/programs.ts';
import { tablistKeyDown } from '../ui/tablist.ts';
import { useEffectiveTheme } from '../ui/theme.ts';
import { LineTerminal } from './LineTerminal.tsx';
import { type OpenedShell, type TabCallbacks, TerminalTab } from './tab-session.ts';
import { DARK, LIGHT } from './theme.ts';

let xtermChunk: Promise<unknown> | undefined;
/** Starts xterm's download (once); the lazy view below resolves with it. */
function loadXterm(): Promise<unknown> {
  xtermChunk ??= import('./XtermView.tsx');
  return xtermChunk;
}
const XtermView = lazy(() => loadXterm() as Promise<typeof import('./XtermView.tsx')>);

/** Whether xterm's chunk has arrived (or failed): the view can then mount without waiting. */
function useXtermLoaded(): { loaded: boolean; failed: boolean; request(): void } {
  const [state, setState] = useState<'idle' | 'loading' | 'loaded' | 'failed'>('idle');
  const request = useCallback(() => {
    setState((s) => (s === 'idle' ? 'loading' : s));
  }, []);
  useEffect(() => {
    if (state !== 'loading') return;
    let live = true;
    loadXterm().then(
      () => live && setState('loaded'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [state]);
  return { loaded: state === 'loaded', failed: state === 'failed', request };
}

/** `onReady`: the host terminal takes commands (the app then fetches what it defers until then). */
export default function TerminalPane({ onReady }: { onReady?: () => void } = {}) {
  const { t } = useTranslation();
  const store = useAppStore();
  const readOnly = useReadOnly();
  const theme = useEffectiveTheme();
  const [active, setActive] = useState('host');
  const counter = useRef(0);
  const pending = useApp((s) => s.pendingRun);
  const [hostReady, setHostReady] = useState(false);
  const xterm = useXtermLoaded();
  const requestXterm = xterm.request;
  /** Tabs xterm has drawn, the light terminal no longer needed under them. */
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(new Set());
  // The pane's latest callbacks, for the tabs' sessions (which outlive a render).
  const callbacks = useRef<TabCallbacks | null>(null);
  const latest = useRef<TabCallbacks>({
    openShell: (opened) => callbacks.current?.openShell(opened),
    close: (id) => callbacks.current?.close(id),
    detached: (message) => callbacks.current?.detached(message),
    t: ((...args: Parameters<TabCallbacks['t']>) => (callbacks.current?.t ?? t)(...args)) as TabCallbacks['t'],
  });
  // The host's session is made with the pane, and drawn at once on the light terminal.
  const [tabs, setTabs] = useState<TerminalTab[]>(() => [new TerminalTab(store, { id: 'host', kind: 'host' }, latest)]);
  const host = tabs[0]!;

  const openShell = useCallback(
    (opened: OpenedShell) => {
      requestXterm();
      const tab = new TerminalTab(store, { id: `c${++counter.current}`, kind: 'container', ...opened, main: opened.main === true }, latest);
      setTabs((old) => [...old, tab]);
      setActive(tab.tab.id);
    },
    [requestXterm, store],
  );

  const detached = useCallback(
    (message?: string) => {
      if (message !== undefined) host.session.print(message);
    },
    [host],
  );

  const close = useCallback((id: string) => {
    setTabs((old) => old.filter((x) => x.tab.id !== id));
    setActive((cur) => (cur === id ? 'host' : cur));
  }, []);

  useEffect(() => {
    callbacks.current = { openShell, close, detached, t };
  });

  const hostShown = useCallback(() => setHostReady(true), []);
  const tabDrawn = useCallback((id: string) => setDrawn((old) => (old.has(id) ? old : new Set([...old, id]))), []);

  // The terminal takes commands: the programs loaded on first use come in the background, and xterm right after.
  useEffect(() => {
    if (!hostReady) return;
    // For whoever measures a load (npm run bench:ui): what was asked for before this, the terminal waited for.
    performance.mark('vethlab:terminal-ready');
    preloadPrograms();
    onReady?.();
    requestXterm();
  }, [hostReady, onReady, requestXterm]);

  // A line from a button or the Guide: typed (and run) on the host's shell, whichever terminal draws it.
  const hostTab = useRef<TerminalTab | null>(host);
  useEffect(() => {
    const session = hostTab.current?.session;
    if (!pending || !hostReady || !session) return;
    store.getState().takePendingRun(pending.id);
    setActive('host');
    if (pending.typeOnly) session.typeLine(pending.line);
    else session.typeAndRun(pending.line);
  }, [pending, hostReady, store]);

  const palette = theme === 'dark' ? DARK : LIGHT;
  return (
    <div className="terminal-pane">
      <div
        className="tabs"
        role="tablist"
        aria-label={t('terminal.tabs')}
        onKeyDown={tablistKeyDown(
          tabs.map(({ tab }) => tab.id),
          active,
          setActive,
          (id) => `term-tab-${id}`,
        )}
      >
        {tabs.map(({ tab }) => (
          <div key={tab.id} className={`tab${tab.id === active ? ' active' : ''}`}>
            <button
              type="button"
              role="tab"
              id={`term-tab-${tab.id}`}
              aria-selected={tab.id === active}
              aria-controls={`term-${tab.id}`}
              tabIndex={tab.id === active ? 0 : -1}
              onClick={() => setActive(tab.id)}
            >
              {tab.kind === 'host' ? t('terminal.hostTab') : `${tab.container} ${t('terminal.shell')}`}
            </button>
            {tab.kind === 'container' && (
              // On a main shell × is a detach (Ctrl-P Ctrl-Q): the container keeps running.
              <button
                type="button"
                className="tab-close"
                onClick={() => close(tab.id)}
                aria-label={t(tab.main ? 'terminal.detach' : 'terminal.close', { name: tab.container })}
                title={t(tab.main ? 'terminal.detach' : 'terminal.close', { name: tab.container })}
              >
                ×
              </button>
            )}
          </div>
        ))}
      </div>
      <div className="terminal-views">
        {tabs.map((session) => {
          const { tab } = session;
          const isHost = tab.kind === 'host';
          const light = isHost && !drawn.has(tab.id);
          const loading = <div className="terminal-loading">{t(xterm.failed ? 'terminal.xtermFailed' : 'terminal.loading')}</div>;
          return (
            <div
              key={tab.id}
              className="term-panel"
              hidden={tab.id !== active}
              role="tabpanel"
              id={`term-${tab.id}`}
              aria-label={isHost ? t('terminal.hostTab') : tab.container}
              data-testid={isHost ? 'terminal-host' : `terminal-${tab.container}`}
              data-view={light ? 'light' : 'xterm'}
            >
              {light && <LineTerminal tab={session} theme={palette} readOnly={readOnly} onShown={hostShown} />}
              {xterm.loaded ? (
                <Suspense fallback={isHost ? null : loading}>
                  <XtermView tab={session} active={tab.id === active} readOnly={readOnly} theme={theme} onDrawn={() => tabDrawn(tab.id)} />
                </Suspense>
              ) : (
                !isHost && loading
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
