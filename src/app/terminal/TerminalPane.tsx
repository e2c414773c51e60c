/**
 * The terminal (lazy-loaded with xterm.js): a tab with the Docker host's shell,
 * and one tab per container shell: `docker exec -it C sh`, or the main shell of
 * `docker run -it IMAGE sh` / `docker attach C`, whose `exit` ends the container
 * (its × and Docker's Ctrl-P Ctrl-Q detach). A container's Python REPL
 * (`docker exec -it C python3`, `python` typed in its shell, `docker run -it
 * python`) runs in a tab the same way. Each tab is an xterm driving a
 * ShellSession; lines go to the store, which runs and records them.
 */
import { FitAddon } from '@xterm/addon-fit';
import { type ITheme, Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../ui/mode.ts';
import { articleHint } from './hints.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { preloadPrograms, whenProgramsReady } from '../state/programs.ts';
import type { AppStore } from '../state/store.ts';
import { tablistKeyDown } from '../ui/tablist.ts';
import { useEffectiveTheme } from '../ui/theme.ts';
import { complete, imageCompletions, type CompletionContext } from './complete.ts';
import { type LineOutcome, PASTE_LIMITS, ShellSession } from './session.ts';
import { builtinOf, exitStatus, formatHistory, interactiveExecTarget, splitWords } from './shell-lines.ts';
import { isPythonCommand } from '../../sim/docker/engine.ts';
import { sessionPrompt } from '../../sim/shell/console.ts';
import type { ExecSettings } from '../../sim/shell/types.ts';

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
  /** The program the tab started with (`sh`, `bash`, `python3`). */
  shell?: string;
  /** The client command that holds the terminal: on a detach `docker attach` and `docker exec` say `read escape sequence`, `docker run` nothing. */
  via?: 'run' | 'attach' | 'exec';
  /** What `docker exec -it` was given besides the shell (`-e`, `-w`, `-u`): every line of the tab runs with it. */
  exec?: ExecSettings;
}

/** What `docker exec` and `docker attach` print when Ctrl-P Ctrl-Q detaches them (moby/term's EscapeError; `docker run -it` prints nothing): recorded on the rig with script(1). */
const DETACHED = 'read escape sequence';

/** `python`, `python3` (or a path) typed alone: the REPL on this terminal. */
const isBarePython = (line: string): string | undefined => {
  const words = splitWords(line.trim());
  return words.length === 1 && isPythonCommand(words) ? words[0] : undefined;
};

function completionContext(store: AppStore, shell: 'host' | 'container', container?: string): CompletionContext {
  const { sim } = store.getState();
  const { engine } = sim;
  const containers = [...engine.containers.values()];
  return {
    shell,
    containers: containers.map((c) => c.name),
    running: containers.filter((c) => c.state === 'running').map((c) => c.name),
    networks: [...engine.networks.values()].map((n) => n.name),
    images: imageCompletions(engine.images, (id) => engine.imageService.store.repoTags(id)),
    programs: shell === 'host' ? sim.programNames('host') : container ? sim.programNames({ container }) : [],
    programsOf: (name) => sim.programNames({ container: name }),
  };
}

interface ViewProps {
  tab: Tab;
  active: boolean;
  register(id: string, session: ShellSession | null): void;
  openShell(opened: { container: string; main?: boolean; shell: string; via: Tab['via']; exec?: ExecSettings }): void;
  close(id: string): void;
  /** A container tab detached: the host's terminal says what the client printed. */
  detached(message?: string): void;
}

function XtermView({ tab, active, register, openShell, close, detached }: ViewProps) {
  const { t } = useTranslation();
  const store = useAppStore();
  const readOnly = useReadOnly();
  const theme = useEffectiveTheme();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const callbacks = useRef({ openShell, close, detached, t });
  useEffect(() => {
    callbacks.current = { openShell, close, detached, t };
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
    const { sim: world } = store.getState();
    const prompt = isHost ? HOST_PROMPT : sessionPrompt(world.engine, { container: tab.container!, shell: tab.shell ?? 'sh', ...(tab.exec ? { exec: tab.exec } : {}) });
    const styled = isHost ? `\x1b[1;32mroot@dockerhost\x1b[0m:\x1b[1;34m~\x1b[0m# ` : prompt;
    const history = isHost ? store.getState().commands : [];
    // `$?` of this shell: what a bare `exit` (or Ctrl-D) ends it with.
    let status = 0;
    /** The Python REPL on this terminal: how it was started, and whether it is this tab's own program (else it returns to the shell). */
    let python: { program: string; ownTab: boolean } | undefined;
    const enterPython = (program: string, ownTab: boolean): string => {
      const repl = store.getState().sim.repl(tab.container!);
      if (!repl) return '';
      python = { program, ownTab };
      const next = repl.prompt();
      session.setProgram({ prompt: next.plain, styled: next.styled, shellContinuation: false });
      return repl.banner();
    };
    /** The REPL ended: the tab closes when the REPL was its program, else its shell's prompt comes back. */
    const leavePython = (output: string): LineOutcome => {
      const ownTab = python?.ownTab === true;
      python = undefined;
      if (ownTab) return { output, exit: true };
      session.setProgram();
      return { output };
    };
    const runPython = (line: string): LineOutcome => {
      const out = store.getState().runInRepl(tab.container!, python!.program, line, tab.main === true);
      const output = out.stdout + out.stderr;
      if (out.repl?.ended || !out.repl) return leavePython(output);
      session.setProgram({ prompt: out.repl.prompt!, styled: out.repl.styledPrompt!, shellContinuation: false });
      return { output };
    };
    const runNow = (line: string): LineOutcome => {
      if (python) return runPython(line);
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
          callbacks.current.openShell({ container: c.name, shell: splitWords(line).at(-1)!, via: 'exec' });
          return { output: '' };
        }
        const out = s.runHost(line);
        // `docker run -it IMAGE sh`, `docker attach C`, `docker exec -it C python3`: the program opens in its own tab.
        if (out.session) {
          const verb = splitWords(line)[1];
          const via = verb === 'attach' ? 'attach' : verb === 'exec' ? 'exec' : 'run';
          callbacks.current.openShell({ container: out.session.container, main: out.session.main === true, shell: out.session.shell, via, ...(out.session.exec ? { exec: out.session.exec } : {}) });
        }
        const hint = articleHint(line, out);
        const note = hint ? `${MUTED}${callbacks.current.t(hint)}\x1b[0m\n` : '';
        return { output: (out.stderrFirst ? out.stderr + out.stdout : out.stdout + out.stderr) + note };
      }
      // `python` typed in a container's shell: its REPL takes this terminal until it ends.
      const program = isBarePython(line);
      if (program !== undefined) {
        const out = s.runHost(`docker exec -it ${tab.container!} ${program}`);
        if (out.session) return { output: enterPython(program, false) };
        status = out.exitCode;
        return { output: out.stdout + out.stderr };
      }
      const out = s.runInContainer(tab.container!, line, tab.exec);
      status = out.exitCode;
      return { output: out.stdout + out.stderr };
    };
    // A line that may need a program still loading waits for it, in turn with every other line of the app.
    const run = (line: string) => whenProgramsReady([line], () => runNow(line));
    const session: ShellSession = new ShellSession(
      {
        write: (data) => xterm.write(data),
        cols: () => xterm.cols,
        run,
        complete: (line, cursor) => complete(line, cursor, completionContext(store, isHost ? 'host' : 'container', tab.container)),
        clear: () => xterm.clear(),
        onExit: () => callbacks.current.close(tab.id),
        ...(isHost
          ? {}
          : {
              // Ctrl-D: the REPL's end of input; a shell's is `exit`.
              eof: () => {
                if (!python) return run('exit');
                return whenProgramsReady([], (): LineOutcome => {
                  const repl = store.getState().sim.repl(tab.container!);
                  const end = repl?.eof() ?? { output: '\n', exit: 0 };
                  if (end.exit === undefined) return { output: end.output };
                  if (tab.main) store.getState().exitContainerShell(tab.container!, end.exit, true);
                  return leavePython(end.output);
                });
              },
              onDetach: () => {
                callbacks.current.detached(tab.via === 'run' ? undefined : DETACHED);
                callbacks.current.close(tab.id);
              },
            }),
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
      xterm.write(`${MUTED}${t0(tab.main ? 'terminal.mainShell' : 'terminal.containerShell', { name: tab.container, shell: tab.shell ?? 'sh' })}\x1b[0m\r\n`);
      // A tab whose program is Python's REPL opens with its banner and `>>> `.
      if (tab.shell !== undefined && isPythonCommand(tab.shell.split(' '))) xterm.write(enterPython(tab.shell, true).replace(/\n/g, '\r\n'));
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

/** `onReady`: the host terminal takes commands (the app then fetches what it defers until then). */
export default function TerminalPane({ onReady }: { onReady?: () => void } = {}) {
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

  const openShell = useCallback((opened: { container: string; main?: boolean; shell: string; via: Tab['via']; exec?: ExecSettings }) => {
    const id = `c${++counter.current}`;
    setTabs((old) => [...old, { id, kind: 'container', ...opened, main: opened.main === true }]);
    setActive(id);
  }, []);

  const detached = useCallback((message?: string) => {
    if (message !== undefined) sessions.current.get('host')?.print(message);
  }, []);

  const close = useCallback((id: string) => {
    setTabs((old) => old.filter((x) => x.id !== id));
    setActive((cur) => (cur === id ? 'host' : cur));
  }, []);

  // The terminal takes commands: the programs loaded on first use come in the background.
  useEffect(() => {
    if (!hostReady) return;
    preloadPrograms();
    onReady?.();
  }, [hostReady, onReady]);

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
          <XtermView key={tab.id} tab={tab} active={tab.id === active} register={register} openShell={openShell} close={close} detached={detached} />
        ))}
      </div>
    </div>
  );
}
