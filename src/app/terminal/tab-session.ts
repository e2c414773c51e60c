/**
 * One shell tab, whatever draws it: its ShellSession, what a line does there
 * (the host's docker and tools, a container's shell, a Python REPL, the
 * terminal's own builtins), and where its text goes. A tab starts on a light
 * screen (screen.ts: the light terminal draws it, and it holds the scrollback);
 * when xterm.js takes over (`handOver`) the screen's rows are written into
 * xterm, the line being typed is drawn anew there at xterm's width, and the
 * screen is dropped: the session, its history, its half-typed line and any
 * keys waiting behind a loading program carry on unchanged.
 */
import type { TFunction } from '../i18n/index.ts';
import { isPythonCommand } from '../../sim/docker/engine.ts';
import { hostPrompt, sessionPrompt, type ShellSessionRef } from '../../sim/shell/console.ts';
import { HOST_HOSTNAME } from '../../sim/docker/world.ts';
import type { ExecSettings } from '../../sim/shell/types.ts';
import { whenProgramsReady } from '../state/programs.ts';
import type { AppStore } from '../state/store.ts';
import { complete, imageCompletions, type CompletionContext } from './complete.ts';
import { articleHint } from './hints.ts';
import { Screen } from './screen.ts';
import { type LineOutcome, PASTE_LIMITS, ShellSession } from './session.ts';
import { builtinOf, exitStatus, formatHistory, interactiveExecTarget, splitWords } from './shell-lines.ts';

export const HOST_PROMPT = 'root@dockerhost:~# ';
export const CONTAINER_PROMPT = '/ # ';

/**
 * Muted text (the welcome, hints, a shell tab's first line): bright black, whose colour
 * each theme sets to keep 4.5:1 on its background. Not SGR 2 (dim): xterm draws dim as
 * the foreground at half opacity, which no foreground brings to 4.5:1.
 */
export const MUTED = '\x1b[90m';

export interface Tab {
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

export interface OpenedShell {
  container: string;
  main?: boolean;
  shell: string;
  via: Tab['via'];
  exec?: ExecSettings;
}

/** What a tab asks of the pane around it (read at call time: the pane's latest). */
export interface TabCallbacks {
  openShell(opened: OpenedShell): void;
  close(id: string): void;
  /** A container tab detached: the host's terminal says what the client printed. */
  detached(message?: string): void;
  t: TFunction;
}

/** What draws a tab once the light screen hands over: xterm.js. */
export interface ScreenTarget {
  write(data: string): void;
  cols(): number;
  clear(): void;
  focus(): void;
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

export class TerminalTab {
  readonly session: ShellSession;
  /** The light screen, until xterm takes over; then undefined (xterm's buffer is the scrollback). */
  screen: Screen | undefined;
  private target: ScreenTarget | undefined;
  /** Gives the light terminal the keyboard (its input element), while it draws the tab. */
  private lightFocus: (() => void) | undefined;

  constructor(
    store: AppStore,
    readonly tab: Tab,
    callbacks: { readonly current: TabCallbacks },
    cols = 80,
  ) {
    this.screen = new Screen(cols);
    const isHost = tab.kind === 'host';
    /** This tab's shell as its recorded lines name it: the container's main shell, or a `docker exec -it` session of its own. */
    const shellRef: ShellSessionRef | undefined = isHost
      ? undefined
      : { container: tab.container!, shell: tab.shell ?? 'sh', main: tab.main === true, ...(tab.main ? {} : { session: store.getState().newShellSession() }), ...(tab.exec ? { exec: tab.exec } : {}) };
    /** The prompt as the shell draws it in `cwd` (where its last line left it). */
    const promptAt = (cwd?: string): { plain: string; styled: string } => {
      if (isHost) return hostPrompt(cwd ?? store.getState().sim.machineShellCwd('host'), HOST_HOSTNAME);
      const plain = sessionPrompt(store.getState().sim.engine, { container: tab.container!, shell: tab.shell ?? 'sh', ...(tab.exec ? { exec: tab.exec } : {}), ...(cwd !== undefined ? { cwd } : {}) });
      return { plain, styled: plain };
    };
    const { plain: prompt, styled } = promptAt();
    /** A line ran at this tab's shell: its prompt follows the shell's directory. */
    const shellMoved = (out: { shell?: { cwd: string } }) => {
      if (!out.shell) return;
      const next = promptAt(out.shell.cwd);
      session.setShellPrompt(next.plain, next.styled);
    };
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
        shellMoved(out);
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
      const out = s.runInContainer(shellRef!, line);
      status = out.exitCode;
      shellMoved(out);
      // `... && exit` ended the shell: its tab goes (a main shell's container has exited with it).
      return { output: out.stdout + out.stderr, ...(out.shell?.ended ? { exit: true } : {}) };
    };
    // A line that may need a program still loading waits for it, in turn with every other line of the app.
    const run = (line: string) => whenProgramsReady([line], () => runNow(line));
    const session: ShellSession = new ShellSession(
      {
        write: (data) => this.write(data),
        cols: () => this.target?.cols() ?? this.screen?.cols ?? cols,
        run,
        complete: (line, cursor) => complete(line, cursor, completionContext(store, isHost ? 'host' : 'container', tab.container)),
        clear: () => (this.target ? this.target.clear() : this.screen?.clear()),
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
        focus: () => (this.target ? this.target.focus() : this.lightFocus?.()),
        pasteTooLarge: ({ bytes, lines }) =>
          callbacks.current.t('terminal.pasteTooLarge', { bytes, lines, maxBytes: PASTE_LIMITS.bytes, maxLines: PASTE_LIMITS.lines }),
      },
      prompt,
      styled,
      history,
    );
    this.session = session;
    const t0 = callbacks.current.t;
    if (isHost) {
      const s = store.getState();
      const intro = s.origin === 'restored'
        ? t0('terminal.restored', { count: s.commands.length })
        : s.intro
          ? t0(s.intro.key, s.intro.values ?? {})
          : t0('terminal.welcome', { count: s.commands.length });
      this.write(`${MUTED}${intro.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
    } else {
      this.write(`${MUTED}${t0(tab.main ? 'terminal.mainShell' : 'terminal.containerShell', { name: tab.container, shell: tab.shell ?? 'sh' })}\x1b[0m\r\n`);
      // A tab whose program is Python's REPL opens with its banner and `>>> `.
      if (tab.shell !== undefined && isPythonCommand(tab.shell.split(' '))) this.write(enterPython(tab.shell, true).replace(/\n/g, '\r\n'));
    }
    session.start();
  }

  /** The light terminal's way to take the keyboard (a line put on the prompt gives it); returns its removal. */
  focusLightWith(focus: () => void): () => void {
    this.lightFocus = focus;
    return () => {
      if (this.lightFocus === focus) this.lightFocus = undefined;
    };
  }

  private write(data: string): void {
    if (this.target) this.target.write(data);
    else this.screen?.write(data);
  }

  /** Whether xterm draws this tab now. */
  get handedOver(): boolean {
    return this.target !== undefined;
  }

  /**
   * xterm takes over: the rows above the line being typed go to it as text with
   * their colours, then the session draws its prompt and line there anew (at
   * xterm's width); a line still waiting for its programs prints there when done.
   */
  handOver(target: ScreenTarget): void {
    const screen = this.screen;
    if (screen) {
      const promptRows = this.session.promptRows();
      target.write(screen.toAnsi(promptRows === undefined ? screen.row : screen.row - promptRows));
    }
    this.screen = undefined;
    this.target = target;
    this.session.reattach();
  }

  /**
   * xterm went away while the tab lives on (React's development mode mounts a
   * view twice): its rows above the prompt, as plain text, on a light screen again.
   */
  takeBack(lines: string, cols: number): void {
    this.target = undefined;
    this.screen = new Screen(cols);
    this.screen.write(lines);
    this.session.reattach();
  }
}
