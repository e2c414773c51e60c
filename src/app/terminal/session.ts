/**
 * One shell tab's behaviour, independent of xterm: the prompt, line editing and
 * redraw (wrapped lines included), history, Tab completion, running a line and
 * printing its output. The terminal that draws it (tab-session.ts: the light
 * terminal's screen, then xterm.js) feeds it onData chunks and gives it a
 * writer; tests give it a fake one.
 */
import { needsContinuation } from '../../sim/shell/sh.ts';
import { applyCompletion, type Completion } from './complete.ts';
import { editLine, parseInput, type LineState } from './keys.ts';

/** The shell's continuation prompt (PS2), after a line that opens a loop, a quote or a here-document. */
export const PS2 = '> ';

/** Whether the text typed so far is an unfinished construct the shell would read more lines for. */
export function awaitsMore(text: string): boolean {
  if (text.trim() === '') return false;
  // `lan$ CMD` and `gw$ CMD` run CMD on those machines.
  return needsContinuation(text.replace(/^(lan|gw)\$\s+/, ''));
}

export interface LineOutcome {
  /** Text to print, exactly as the program wrote it (`\n` line ends). */
  output: string;
  /** Clear the screen (the `clear` command). */
  clear?: boolean;
  /** Close this shell (`exit` in a container's shell). */
  exit?: boolean;
}

export interface SessionHost {
  /** Writes to the terminal (escape sequences allowed; `\r\n` line ends). */
  write(data: string): void;
  /** Columns of the terminal now. */
  cols(): number;
  /** A promise while the line waits for a program to load: keys typed meanwhile wait their turn. */
  run(line: string): LineOutcome | Promise<LineOutcome>;
  complete(line: string, cursor: number): Completion;
  /** Clears the screen and scrollback. */
  clear(): void;
  onExit?(): void;
  /**
   * Ctrl-D at an empty prompt; without it the shell runs `exit` (bash's and
   * ash's answer). A REPL ends its own way.
   */
  eof?(): LineOutcome | Promise<LineOutcome>;
  /**
   * Docker's detach keys (Ctrl-P Ctrl-Q) on a container's terminal: called
   * instead of passing them on. Without it the keys edit the line.
   */
  onDetach?(): void;
  /** Gives the terminal the keyboard (after a button typed into it). */
  focus?(): void;
  /** What to say when a paste is refused for its size (`PASTE_LIMITS`); nothing of it is run. */
  pasteTooLarge?(size: { bytes: number; lines: number }): string;
}

/**
 * The most one paste (one onData chunk) may hold. Each line of a paste runs as
 * a command and is saved with the session, so a runaway paste (a log file, a
 * binary) would freeze the tab and fill the browser's storage; it is refused
 * whole instead, with a message. Keys typed by hand are far below both.
 */
export const PASTE_LIMITS = { bytes: 64 * 1024, lines: 500 } as const;

/** Bytes (UTF-8) and lines of a pasted chunk. */
export function pasteSize(data: string): { bytes: number; lines: number } {
  const breaks = data.match(/\r\n|\r|\n/g)?.length ?? 0;
  const lines = breaks + (/[\r\n]$/.test(data) || data === '' ? 0 : 1);
  return { bytes: new TextEncoder().encode(data).length, lines };
}

/** `\n` -> `\r\n` for the terminal; output that does not end a line gets one, so the prompt starts at column 0. */
export function toTerminal(text: string): string {
  if (text === '') return '';
  const withEnd = text.endsWith('\n') ? text : `${text}\n`;
  return withEnd.replace(/\r?\n/g, '\r\n');
}

/** Lists candidates in columns, as bash does on a second Tab. */
export function formatColumns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(words.slice(i, i + perRow).map((w, j, row) => (j === row.length - 1 ? w : w.padEnd(width))).join(''));
  }
  return rows.join('\r\n');
}

export class ShellSession {
  private line: LineState = { text: '', cursor: 0 };
  /** Rows between the prompt's first row and the cursor. */
  private cursorRow = 0;
  private readonly history: string[];
  /** Position while browsing history; history.length means the line being typed. */
  private historyIndex: number;
  private draft = '';
  private closed = false;
  /** Lines already entered of a construct that is not finished yet (a loop, a here-document). */
  private pending: string[] = [];
  /** The prompt of the line being edited: the shell's own, or PS2 while a construct is open. */
  private prompt: string;
  private promptStyled: string;
  /** The program's own prompt (the shell's, or a REPL's `>>> ` / `... `). */
  private ownPrompt: string;
  private ownPromptStyled: string;
  /** Whether unfinished shell constructs continue at PS2 (not in a REPL, which asks for more itself). */
  private shellContinuation = true;
  /** Ctrl-P was typed: docker holds it until the next key shows whether it detaches. */
  private heldCtrlP = false;
  /** A line is waiting for its programs (`run` gave a promise): input is held in `held`, in order, until it is done. */
  private busy = false;
  private held: (() => void)[] = [];

  constructor(
    private readonly host: SessionHost,
    /** Plain text of the prompt (its length is what the cursor math needs). */
    private mainPrompt: string,
    /** The prompt as written, possibly coloured. */
    private mainPromptStyled: string = mainPrompt,
    history: string[] = [],
  ) {
    this.prompt = mainPrompt;
    this.promptStyled = mainPromptStyled;
    this.ownPrompt = mainPrompt;
    this.ownPromptStyled = mainPromptStyled;
    this.history = [...history];
    this.historyIndex = this.history.length;
  }

  get text(): string {
    return this.line.text;
  }

  get cursor(): number {
    return this.line.cursor;
  }

  /** The lines entered so far (oldest first), for `history`. */
  get historyLines(): readonly string[] {
    return this.history;
  }

  /**
   * Rows from the prompt's first row down to the cursor while a line is being
   * edited; undefined while a line runs (waits for its programs) or once closed.
   */
  promptRows(): number | undefined {
    return this.busy || this.closed ? undefined : this.cursorRow;
  }

  /**
   * The session is drawn on another terminal (xterm taking over from the light
   * one), whose cursor is at the start of an empty row: the prompt and the line
   * being typed are drawn there, at its width. Nothing while a line runs: its
   * output and the next prompt will be.
   */
  reattach(): void {
    if (this.busy || this.closed) return;
    this.cursorRow = 0;
    this.redraw(true);
  }

  /** Prints a fresh prompt (at start, after output): PS2 while a construct is open. */
  start(): void {
    this.cursorRow = 0;
    this.line = { text: '', cursor: 0 };
    const more = this.pending.length > 0;
    this.prompt = more ? PS2 : this.ownPrompt;
    this.promptStyled = more ? PS2 : this.ownPromptStyled;
    this.host.write(this.promptStyled);
  }

  /**
   * The program on this terminal changed (a REPL started or ended): its prompt
   * from the next line on, and whether shell constructs continue at PS2.
   * Without arguments, the session's own shell again.
   */
  setProgram(program?: { prompt: string; styled?: string; shellContinuation: boolean }): void {
    this.ownPrompt = program?.prompt ?? this.mainPrompt;
    this.ownPromptStyled = program ? (program.styled ?? program.prompt) : this.mainPromptStyled;
    this.shellContinuation = program?.shellContinuation ?? true;
    this.pending = [];
  }

  /** The shell's prompt from the next line on (it shows the directory a `cd` went to). */
  setShellPrompt(prompt: string, styled: string = prompt): void {
    const inShell = this.ownPrompt === this.mainPrompt;
    this.mainPrompt = prompt;
    this.mainPromptStyled = styled;
    if (inShell) {
      this.ownPrompt = prompt;
      this.ownPromptStyled = styled;
    }
  }

  /** Writes program output above the prompt (undimmed), keeping what was typed. */
  print(text: string): void {
    let out = '';
    if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
    this.host.write(`${out}\r\x1b[J${toTerminal(text)}`);
    this.cursorRow = 0;
    this.redraw(true);
  }

  /** Prints a note above the prompt line (dimmed), keeping what was typed. */
  note(text: string): void {
    this.moveToEnd();
    this.host.write(`\r\n\x1b[90m${toTerminal(text)}\x1b[0m`); // MUTED (TerminalPane.tsx): not dim, for contrast
    this.cursorRow = 0;
    this.redraw();
  }

  /** Types a line as if the user did, then runs it (buttons that run commands). */
  typeAndRun(text: string): void {
    if (this.hold(() => this.typeAndRun(text))) return;
    this.line = { text: '', cursor: 0 };
    this.redraw();
    this.handleData(`${text}\r`);
  }

  /** Puts a line on the prompt, unrun, for the user to edit or run with Enter. */
  typeLine(text: string): void {
    if (this.hold(() => this.typeLine(text))) return;
    this.line = { text, cursor: text.length };
    this.historyIndex = this.history.length;
    this.redraw();
    this.host.focus?.();
  }

  handleData(data: string): void {
    if (data.length > PASTE_LIMITS.lines) {
      const size = pasteSize(data);
      if (size.bytes > PASTE_LIMITS.bytes || size.lines > PASTE_LIMITS.lines) {
        this.note(this.host.pasteTooLarge?.(size) ?? `vethlab: paste too large (${size.bytes} bytes, ${size.lines} lines); nothing was run`);
        return;
      }
    }
    if (this.host.onDetach) {
      const kept = this.detachKeys(data);
      if (kept === undefined) return;
      data = kept;
    }
    this.handleKeys(parseInput(data));
  }

  private handleKeys(keys: ReturnType<typeof parseInput>): void {
    for (const [i, key] of keys.entries()) {
      if (this.closed) return;
      // Behind a line that waits for its programs, the keys after it wait too, in order.
      if (this.hold(() => this.handleKeys(keys.slice(i)))) return;
      switch (key.kind) {
        case 'enter':
          this.submit();
          break;
        case 'tab':
          this.tab();
          break;
        case 'up':
          this.browse(-1);
          break;
        case 'down':
          this.browse(1);
          break;
        case 'interrupt':
          this.moveToEnd();
          this.host.write('^C\r\n');
          this.historyIndex = this.history.length;
          this.pending = [];
          this.start();
          break;
        case 'eof':
          // At PS2, end of input: the shell reads what it has (and says what is missing).
          if (this.line.text === '' && this.pending.length > 0) this.submitText('', false, true);
          else if (this.line.text === '' && this.host.eof) this.settle(this.host.eof());
          else if (this.line.text === '') this.submitText('exit', true);
          else this.setLine(editLine(this.line, { kind: 'delete' }));
          break;
        case 'clear-screen':
          this.host.clear();
          this.cursorRow = 0;
          this.redraw(true);
          break;
        default:
          this.setLine(editLine(this.line, key));
      }
    }
  }

  /**
   * Docker's detach sequence, as the client's escape proxy reads it: Ctrl-P is
   * held back; Ctrl-Q next detaches (nothing after it is typed); any other key
   * releases the held Ctrl-P before it. The keys left to type, or undefined
   * once detached.
   */
  private detachKeys(data: string): string | undefined {
    let kept = '';
    for (const ch of data) {
      if (this.heldCtrlP) {
        this.heldCtrlP = false;
        if (ch === '\x11') {
          this.closed = true;
          this.host.onDetach?.();
          return undefined;
        }
        kept += '\x10';
      }
      if (ch === '\x10') this.heldCtrlP = true;
      else kept += ch;
    }
    return kept;
  }

  private setLine(next: LineState): void {
    if (next.text === this.line.text && next.cursor === this.line.cursor) return;
    this.line = next;
    this.redraw();
  }

  /**
   * The text as drawn, line by line: the first after the prompt, any further
   * line (a multi-line entry from history) after PS2; each line's first row.
   */
  private layout(): { row: number; lead: number; start: number; length: number }[] {
    const cols = Math.max(1, this.host.cols());
    const out: { row: number; lead: number; start: number; length: number }[] = [];
    let row = 0;
    let start = 0;
    this.line.text.split('\n').forEach((text, i) => {
      const lead = i === 0 ? this.prompt.length : PS2.length;
      out.push({ row, lead, start, length: text.length });
      row += Math.max(1, Math.ceil((lead + text.length) / cols));
      start += text.length + 1;
    });
    return out;
  }

  /** Row (from the prompt's first row) and column of a position in the text. */
  private place(offset: number): { row: number; col: number } {
    const cols = Math.max(1, this.host.cols());
    const lines = this.layout();
    const line = [...lines].reverse().find((l) => l.start <= offset) ?? lines[0]!;
    const abs = line.lead + offset - line.start;
    return { row: line.row + Math.floor(abs / cols), col: abs % cols };
  }

  /** Redraws prompt and line from the prompt's first row, then puts the cursor in place. */
  private redraw(fromTop = false): void {
    const cols = Math.max(1, this.host.cols());
    let out = '';
    if (!fromTop && this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
    out += `\r\x1b[J${this.promptStyled}${this.line.text.replace(/\n/g, `\r\n${PS2}`)}`;
    const last = this.layout().pop()!;
    const total = last.lead + last.length;
    // At an exact multiple of the width the cursor waits at the last column: move it down for real.
    if (total > 0 && total % cols === 0) out += '\r\n';
    const endRow = last.row + Math.floor(total / cols);
    const { row, col } = this.place(this.line.cursor);
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += '\r';
    if (col > 0) out += `\x1b[${col}C`;
    this.cursorRow = row;
    this.host.write(out);
  }

  /** Moves the cursor after the line's last character (before printing below it). */
  private moveToEnd(): void {
    const cols = Math.max(1, this.host.cols());
    const last = this.layout().pop()!;
    const total = last.lead + last.length;
    const endRow = last.row + Math.floor(Math.max(0, total - 1) / cols);
    let out = '';
    if (endRow > this.cursorRow) out += `\x1b[${endRow - this.cursorRow}B`;
    else if (endRow < this.cursorRow) out += `\x1b[${this.cursorRow - endRow}A`;
    const endCol = total === 0 ? 0 : ((total - 1) % cols) + 1;
    out += '\r';
    if (endCol > 0) out += `\x1b[${endCol}C`;
    this.cursorRow = endRow;
    this.host.write(out);
  }

  private browse(delta: number): void {
    const next = this.historyIndex + delta;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.line.text;
    this.historyIndex = next;
    const text = next === this.history.length ? this.draft : this.history[next]!;
    this.line = { text, cursor: text.length };
    this.redraw();
  }

  private tab(): void {
    const completion = this.host.complete(this.line.text, this.line.cursor);
    const applied = applyCompletion(this.line.text, completion);
    if (applied.list) {
      this.moveToEnd();
      this.host.write(`\r\n${formatColumns(applied.list, this.host.cols())}\r\n`);
      this.cursorRow = 0;
      this.redraw(true);
      return;
    }
    this.setLine({ text: applied.text, cursor: applied.cursor });
  }

  private submit(): void {
    this.submitText(this.line.text, false);
  }

  /**
   * Enter: the line runs, unless it leaves a construct open (`for ...; do`,
   * `cat <<EOF`, an open quote): then the shell's PS2 asks for the next line,
   * and the whole construct runs, and is remembered, as one command. `force`
   * (end of input at PS2) runs what there is.
   */
  private submitText(text: string, echo: boolean, force = false): void {
    this.moveToEnd();
    if (echo) this.host.write(text);
    this.host.write('\r\n');
    const full = this.pending.length > 0 ? [...this.pending, text].join('\n') : text;
    this.historyIndex = this.history.length;
    this.draft = '';
    if (!force && this.shellContinuation && awaitsMore(full)) {
      this.pending.push(text);
      this.start();
      return;
    }
    this.pending = [];
    const trimmed = full.trim();
    if (trimmed !== '' && this.history[this.history.length - 1] !== full) this.history.push(full);
    this.historyIndex = this.history.length;
    if (trimmed === '') {
      this.start();
      return;
    }
    this.settle(this.host.run(full));
  }

  /** Keeps an action for later while a line waits for its programs; whether it was kept. */
  private hold(action: () => void): boolean {
    if (!this.busy) return false;
    this.held.push(action);
    return true;
  }

  /** Finishes a line now, or once its programs have loaded, then replays what was typed meanwhile. */
  private settle(outcome: LineOutcome | Promise<LineOutcome>): void {
    if (!(outcome instanceof Promise)) {
      this.finish(outcome);
      return;
    }
    this.busy = true;
    void outcome
      .catch((error: unknown): LineOutcome => ({ output: `vethlab: a program could not be loaded (${error instanceof Error ? error.message : String(error)}); the line did not run\n` }))
      .then((done) => {
        this.busy = false;
        this.finish(done);
        const held = this.held;
        this.held = [];
        // Each action holds itself again once a line among them waits in turn, so the order stays.
        for (const action of held) action();
      });
  }

  /** Prints what a line (or Ctrl-D) gave, then closes the tab or shows the next prompt. */
  private finish(outcome: LineOutcome): void {
    if (outcome.clear) this.host.clear();
    this.host.write(toTerminal(outcome.output));
    if (outcome.exit) {
      this.closed = true;
      this.host.onExit?.();
      return;
    }
    this.start();
  }
}
