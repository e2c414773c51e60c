/**
 * The terminal (lazy-loaded with xterm.js): a tab with the Docker host's shell,
 * and one tab per container shell: `docker exec -it C sh`, or the main shell of
 * `docker run -it IMAGE sh` / `docker attach C`, whose `exit` ends the container
 * (its × detaches). Each tab is an xterm driving a ShellSession; lines go to the
 * store, which runs and records them.
 */
import { FitAddon } from '@xterm/addon-fit';
import { type ITheme, Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../ui/mode.ts';
import { articleHint } from './hints.ts';
import { useApp, useAppStore } from '../state/context.ts';
import type { AppStore } from '../state/store.ts';
import { tablistKeyDown } from '../ui/tablist.ts';
import { useEffectiveTheme } from '../ui/theme.ts';
import { complete, type CompletionContext } from './complete.ts';
import { type LineOutcome, PASTE_LIMITS, ShellSession } from './session.ts';
import { builtinOf, exitStatus, formatHistory, interactiveExecTarget } from './shell-lines.ts';

export const HOST_PROMPT = 'root@dockerhost:~# ';
export const CONTAINER_PROMPT = '/ # ';

/**
 * Muted text (the welcome, hints, a shell tab's first line): bright black, whose colour
 * each theme sets to keep 4.5:1 on its background. Not SGR 2 (dim): xterm draws dim as
 * the foreground at half opacity, which no foreground brings to 4.5:1.
 */
export const MUTED = '\x1b[90m';

const DARK: ITheme = {
  background: '#0f1419',
  foreground: '#d7dde4',
  cursor: '#f0c674',
  selectionBackground: '#3a4a5e',
  green: '#8fd19e',
  blue: '#7cb7ff',
  brightBlack: '#7d8793',
};
const LIGHT: ITheme = {
  background: '#fbfbfa',
  foreground: '#1f2328',
  cursor: '#1f6feb',
  cursorAccent: '#ffffff',
  selectionBackground: '#c8dcff',
  green: '#1a7f37',
  blue: '#0550ae',
  // The prompt is bold, which xterm draws in the bright colours: as dark as the plain ones, for contrast.
  brightGreen: '#1a7f37',
  brightBlue: '#0550ae',
  brightBlack: '#636c76',
};

interface Tab {
  id: string;
  kind: 'host' | 'container';
  container?: string;
  /** The container's main process (PID 1) is this shell: its exit ends the container. */
  main?: boolean;
}

function completionContext(store: AppStore, shell: 'host' | 'container', container?: string): CompletionContext {
  const { sim } = store.getState();
  const { engine } = sim;
  const containers = [...engine.containers.values()];
  return {
    shell,
    containers: containers.map((c) => c.name),
    running: containers.filter((c) => c.state === 'running').map((c) => c.name),
    networks: [...engine.networks.values()].map((n) => n.name),
    images: engine.images.map((i) => i.name),
    programs: shell === 'host' ? sim.programNames('host') : container ? sim.programNames({ container }) : [],
    programsOf: (name) => sim.programNames({ container: name }),
  };
}

interface ViewProps {
  tab: Tab;
  active: boolean;
  register(id: string, session: ShellSession | null): void;
  openShell(container: string, main?: boolean): void;
  close(id: string): void;
}

function XtermView({ tab, active, register, openShell, close }: ViewProps) {
  const { t } = useTranslation();
  const store = useAppStore();
  const readOnly = useReadOnly();
  const theme = useEffectiveTheme();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const callbacks = useRef({ openShell, close, t });
  useEffect(() => {
    callbacks.current = { openShell, close, t };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xterm = new Terminal({
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace",
      fontSize: 13,
      lineHeight: 1.15,
      scrollback: 5000,
      disableStdin: readOnly,
      cursorBlink: !readOnly,
      theme: document.documentElement.dataset.theme === 'dark' ? DARK : LIGHT,
    });
    const fitAddon = new FitAddon();
    xterm.loadAddon(fitAddon);
    xterm.open(el);
    term.current = xterm;
    fit.current = fitAddon;
    try {
      fitAddon.fit();
    } catch {
      // Not laid out yet; the ResizeObserver fits it.
    }
    // Tab completes; after Esc, Tab and Shift+Tab leave the terminal (the browser moves the focus), so it is no keyboard trap.
    xterm.textarea?.setAttribute('aria-description', callbacks.current.t('terminal.leave'));
    let escaped = false;
    // Copy with Ctrl+C when text is selected (and Ctrl+Shift+C); paste through the browser's paste event.
    xterm.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      if (e.key === 'Tab' && escaped) return false;
      if (e.key !== 'Shift') escaped = e.key === 'Escape';
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'c' || e.key === 'C') && (xterm.hasSelection() || e.shiftKey)) {
        if (xterm.hasSelection()) void navigator.clipboard?.writeText(xterm.getSelection()).catch(() => undefined);
        return false;
      }
      if (mod && (e.key === 'v' || e.key === 'V')) return false;
      return true;
    });

    const isHost = tab.kind === 'host';
    const prompt = isHost ? HOST_PROMPT : CONTAINER_PROMPT;
    const styled = isHost ? `\x1b[1;32mroot@dockerhost\x1b[0m:\x1b[1;34m~\x1b[0m# ` : prompt;
    const history = isHost ? store.getState().commands : [];
    // `$?` of this shell: what a bare `exit` (or Ctrl-D) ends it with.
    let status = 0;
    const run = (line: string): LineOutcome => {
      const builtin = builtinOf(line);
      if (builtin === 'clear') return { output: '', clear: true };
      // The host's `history` lists the session's script (what replay runs); a container shell lists its own lines.
      if (builtin === 'history') {
        status = 0;
        return { output: formatHistory(isHost ? store.getState().commands : session.historyLines) };
      }
      if (builtin === 'exit') {
        if (isHost) return { output: callbacks.current.t('terminal.hostExit') };
        store.getState().exitContainerShell(tab.container!, exitStatus(line, status), tab.main === true);
        return { output: '', exit: true };
      }
      const s = store.getState();
      if (isHost) {
        const target = interactiveExecTarget(line);
        const c = target !== undefined ? s.sim.engine.findContainer(target) : undefined;
        if (c && c.state === 'running') {
          callbacks.current.openShell(c.name);
          return { output: '' };
        }
        const out = s.runHost(line);
        // `docker run -it IMAGE sh`, `docker attach C`: the container's main shell opens in its own tab.
        if (out.session) callbacks.current.openShell(out.session.container, out.session.main === true);
        const hint = articleHint(line, out);
        const note = hint ? `${MUTED}${callbacks.current.t(hint)}\x1b[0m\n` : '';
        return { output: (out.stderrFirst ? out.stderr + out.stdout : out.stdout + out.stderr) + note };
      }
      const out = s.runInContainer(tab.container!, line);
      status = out.exitCode;
      return { output: out.stdout + out.stderr };
    };
    const session: ShellSession = new ShellSession(
      {
        write: (data) => xterm.write(data),
        cols: () => xterm.cols,
        run,
        complete: (line, cursor) => complete(line, cursor, completionContext(store, isHost ? 'host' : 'container', tab.container)),
        clear: () => xterm.clear(),
        onExit: () => callbacks.current.close(tab.id),
        focus: () => xterm.focus(),
        pasteTooLarge: ({ bytes, lines }) =>
          callbacks.current.t('terminal.pasteTooLarge', { bytes, lines, maxBytes: PASTE_LIMITS.bytes, maxLines: PASTE_LIMITS.lines }),
      },
      prompt,
      styled,
      history,
    );
    const t0 = callbacks.current.t;
    if (isHost) {
      const s = store.getState();
      const intro = s.origin === 'restored'
        ? t0('terminal.restored', { count: s.commands.length })
        : s.intro
          ? t0(s.intro.key, s.intro.values ?? {})
          : t0('terminal.welcome', { count: s.commands.length });
      xterm.write(`${MUTED}${intro.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
    } else {
      xterm.write(`${MUTED}${t0(tab.main ? 'terminal.mainShell' : 'terminal.containerShell', { name: tab.container })}\x1b[0m\r\n`);
    }
    session.start();
    // Read-only: what runs is typed by the Guide or the host page, never by the keyboard.
    const data = xterm.onData((d) => {
      if (!readOnly) session.handleData(d);
    });
    register(tab.id, session);

    const observer = new ResizeObserver(() => {
      if (el.offsetParent === null) return;
      try {
        fitAddon.fit();
      } catch {
        // Ignore a fit during teardown.
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      data.dispose();
      register(tab.id, null);
      xterm.dispose();
      term.current = null;
    };
  }, [tab, store, register, readOnly]);

  useEffect(() => {
    if (term.current) term.current.options.theme = theme === 'dark' ? DARK : LIGHT;
  }, [theme]);

  // The host's shell does not take the focus when the page opens (Tab goes from the header on); a tab shown later does.
  const focusOnShow = useRef(tab.kind !== 'host');
  useEffect(() => {
    if (!active) return;
    const focus = focusOnShow.current;
    focusOnShow.current = true;
    requestAnimationFrame(() => {
      try {
        fit.current?.fit();
      } catch {
        // Not visible.
      }
      // Not when the tab was chosen with the arrow keys: the focus stays in the tab list.
      const fromKeys = document.activeElement?.getAttribute('role') === 'tab' && document.activeElement.matches(':focus-visible');
      if (focus && !fromKeys) term.current?.focus();
    });
  }, [active]);

  return (
    <div
      className="xterm-box"
      ref={box}
      hidden={!active}
      role="tabpanel"
      id={`term-${tab.id}`}
      aria-label={tab.kind === 'host' ? t('terminal.hostTab') : tab.container}
      data-testid={tab.kind === 'host' ? 'terminal-host' : `terminal-${tab.container}`}
    />
  );
}

export default function TerminalPane() {
  const { t } = useTranslation();
  const store = useAppStore();
  const [tabs, setTabs] = useState<Tab[]>([{ id: 'host', kind: 'host' }]);
  const [active, setActive] = useState('host');
  const sessions = useRef(new Map<string, ShellSession>());
  const counter = useRef(0);
  const pending = useApp((s) => s.pendingRun);
  const [hostReady, setHostReady] = useState(false);

  const register = useCallback((id: string, session: ShellSession | null) => {
    if (session) sessions.current.set(id, session);
    else sessions.current.delete(id);
    if (id === 'host') setHostReady(session !== null);
  }, []);

  const openShell = useCallback((container: string, main = false) => {
    const id = `c${++counter.current}`;
    setTabs((old) => [...old, { id, kind: 'container', container, main }]);
    setActive(id);
  }, []);

  const close = useCallback((id: string) => {
    setTabs((old) => old.filter((x) => x.id !== id));
    setActive((cur) => (cur === id ? 'host' : cur));
  }, []);

  useEffect(() => {
    if (!pending || !hostReady) return;
    const host = sessions.current.get('host');
    if (!host) return;
    store.getState().takePendingRun(pending.id);
    setActive('host');
    if (pending.typeOnly) host.typeLine(pending.line);
    else host.typeAndRun(pending.line);
  }, [pending, hostReady, store]);

  return (
    <div className="terminal-pane">
      <div
        className="tabs"
        role="tablist"
        aria-label={t('terminal.tabs')}
        onKeyDown={tablistKeyDown(
          tabs.map((tab) => tab.id),
          active,
          setActive,
          (id) => `term-tab-${id}`,
        )}
      >
        {tabs.map((tab) => (
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
        {tabs.map((tab) => (
          <XtermView key={tab.id} tab={tab} active={tab.id === active} register={register} openShell={openShell} close={close} />
        ))}
      </div>
    </div>
  );
}
