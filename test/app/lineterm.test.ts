/**
 * The light terminal, which takes commands before xterm.js has loaded: its
 * screen (src/app/terminal/screen.ts) reads what a ShellSession and the
 * programs write as xterm would (wrapping, cursor moves, erasing, colours),
 * its keys are the bytes xterm sends (key-data.ts), its rows render as text
 * only (markup in the output stays characters), and a tab hands over to xterm
 * with its scrollback and half-typed line (tab-session.ts).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { keyData, type KeyPress } from '../../src/app/terminal/key-data.ts';
import { runStyle, ScreenRows } from '../../src/app/terminal/LineTerminal.tsx';
import { Screen } from '../../src/app/terminal/screen.ts';
import { type LineOutcome, ShellSession } from '../../src/app/terminal/session.ts';
import { type TabCallbacks, TerminalTab } from '../../src/app/terminal/tab-session.ts';
import { DARK, LIGHT } from '../../src/app/terminal/theme.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { MemoryStorage } from './memory-storage.ts';

/** The screen's rows as text, trailing blanks dropped. */
const text = (screen: Screen): string[] => screen.rows.map((r) => r.cells.map((c) => c.ch).join('').trimEnd());

describe('the light screen', () => {
  it('writes lines, wraps at its width with xterm’s pending wrap, and marks wrapped rows', () => {
    const screen = new Screen(10);
    screen.write('0123456789');
    // At the last column the cursor waits: the row is not wrapped yet.
    expect([screen.row, screen.col, screen.rows.length]).toEqual([0, 10, 1]);
    screen.write('ab\r\ncd');
    expect(text(screen)).toEqual(['0123456789', 'ab', 'cd']);
    expect(screen.rows.map((r) => r.wrapped)).toEqual([false, true, false]);
    expect([screen.row, screen.col]).toEqual([2, 2]);
  });

  it('moves the cursor and erases as a ShellSession’s redraw needs', () => {
    const screen = new Screen(20);
    screen.write('one\r\ntwo\r\nthree');
    screen.write('\x1b[2A\r\x1b[J$ x');
    expect(text(screen)).toEqual(['$ x']);
    screen.write('yz\x1b[2D\x1b[1CQ');
    expect(text(screen)).toEqual(['$ xyQ']);
    screen.write('\r\x1b[3CK\x1b[K');
    expect(text(screen)).toEqual(['$ xK']);
    screen.write('\tT');
    expect(screen.rows[0]!.cells.length).toBe(9);
  });

  it('keeps colours and attributes per cell, and hands them over as SGR sequences', () => {
    const screen = new Screen(40);
    screen.write('\x1b[1;32mroot@dockerhost\x1b[0m:\x1b[1;34m~\x1b[0m# \x1b[90mnote\x1b[0m plain\r\n');
    const row = screen.rows[0]!;
    expect(row.cells[0]!.style).toEqual({ bold: true, fg: 2 });
    expect(row.cells[15]!.style).toEqual({});
    expect(row.cells[19]!.style).toEqual({ fg: 8 });
    expect(screen.toAnsi(1)).toBe('\x1b[0;1;32mroot@dockerhost\x1b[0m:\x1b[0;1;34m~\x1b[0m# \x1b[0;90mnote\x1b[0m plain\r\n');
    // Bold in the first eight colours is drawn in the bright ones, as xterm does.
    expect(runStyle({ bold: true, fg: 2 }, DARK)).toEqual({ color: 'var(--lt-10)', fontWeight: 'bold' });
    expect(runStyle({ fg: 196 }, LIGHT)).toEqual({ color: '#ff0000' });
    expect(runStyle({ inverse: true }, LIGHT)).toEqual({ color: 'var(--lt-bg)', backgroundColor: 'var(--lt-fg)' });
  });

  it('reads an escape sequence cut between two writes, and ignores the ones it does not draw', () => {
    const screen = new Screen(40);
    screen.write('a\x1b[3');
    screen.write('1mb\x1b]0;title\x07\x1b[?25lc');
    expect(text(screen)).toEqual(['abc']);
    expect(screen.rows[0]!.cells[1]!.style).toEqual({ fg: 1 });
  });

  it('gives wide characters two cells, as xterm does', () => {
    const screen = new Screen(5);
    screen.write('ab终端x');
    expect(text(screen)).toEqual(['ab终', '端x']);
    expect(screen.rows[1]!.wrapped).toBe(true);
  });

  it('wraps its lines again when its width changes, the cursor kept at its character', () => {
    const screen = new Screen(80);
    screen.write('a line of thirty characters...\r\n$ typed');
    screen.resize(12);
    expect(text(screen)).toEqual(['a line of th', 'irty charact', 'ers...', '$ typed']);
    expect([screen.row, screen.col]).toEqual([3, 7]);
    screen.resize(40);
    expect(text(screen)).toEqual(['a line of thirty characters...', '$ typed']);
    expect([screen.row, screen.col]).toEqual([1, 7]);
  });

  it('renders markup in the output as text, never as elements', () => {
    const screen = new Screen(80);
    const img = '<img src=x onerror="document.title=`pwned`">';
    screen.write(`\x1b[31m${img}\x1b[0m <script>alert(1)</script> &amp;\r\n`);
    const html = renderToStaticMarkup(createElement(ScreenRows, { screen, theme: DARK }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;document.title=`pwned`&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;');
  });
});

describe('the light terminal’s keys', () => {
  const key = (k: string, mods: Partial<KeyPress> = {}): string | undefined => keyData({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

  it('sends the bytes xterm sends for the keys the shell reads', () => {
    expect(key('Enter')).toBe('\r');
    expect(key('Backspace')).toBe('\x7f');
    expect(key('ArrowUp')).toBe('\x1b[A');
    expect(key('ArrowDown')).toBe('\x1b[B');
    expect(key('Home')).toBe('\x1b[H');
    expect(key('Delete')).toBe('\x1b[3~');
    expect(key('c', { ctrlKey: true })).toBe('\x03');
    expect(key('d', { ctrlKey: true })).toBe('\x04');
    expect(key('ArrowLeft', { ctrlKey: true })).toBe('\x1b[1;5D');
    expect(key('b', { altKey: true })).toBe('\x1bb');
    expect(key('Tab', { shiftKey: true })).toBe('\x1b[Z');
  });

  it('leaves text, lone modifiers and the browser’s own shortcuts alone', () => {
    expect(key('a')).toBeUndefined();
    expect(key('A', { shiftKey: true })).toBeUndefined();
    expect(key('Shift', { shiftKey: true })).toBeUndefined();
    expect(key('c', { metaKey: true })).toBeUndefined();
    expect(key('F5')).toBeUndefined();
  });
});

describe('a shell session on the light screen', () => {
  function onScreen(cols: number, run: (line: string) => LineOutcome) {
    const screen = new Screen(cols);
    const session = new ShellSession({ write: (d) => screen.write(d), cols: () => screen.cols, run, complete: () => ({ candidates: [], start: 0, end: 0 }), clear: () => screen.clear() }, '$ ', '$ ', ['first', 'second']);
    session.start();
    return { screen, session };
  }

  it('edits a line longer than the screen is wide, and browses history with up and down', () => {
    const { screen, session } = onScreen(10, (line) => ({ output: `ran ${line}` }));
    session.handleData('echo 0123456789abc');
    // Ending at the last column, the session moves the cursor down for real, as on xterm.
    expect(text(screen)).toEqual(['$ echo 012', '3456789abc', '']);
    session.handleData('\x1b[D'.repeat(12) + 'X');
    expect(text(screen)).toEqual(['$ echo 0X1', '23456789ab', 'c']);
    expect(session.promptRows()).toBe(0);
    session.handleData('\x1b[A');
    expect(text(screen)).toEqual(['$ second']);
    session.handleData('\x1b[A\x1b[B\x1b[B');
    expect(text(screen)).toEqual(['$ echo 0X1', '23456789ab', 'c']);
    session.handleData('\r');
    expect(text(screen)).toEqual(['$ echo 0X1', '23456789ab', 'c', 'ran echo 0', 'X123456789', 'abc', '$']);
  });

  it('has no prompt to hand over while a line waits for its programs, and keeps the keys typed meanwhile', async () => {
    let finish!: (outcome: LineOutcome) => void;
    const screen = new Screen(40);
    const written: string[] = [];
    const session = new ShellSession(
      { write: (d) => (written.push(d), screen.write(d)), cols: () => screen.cols, run: () => new Promise<LineOutcome>((resolve) => (finish = resolve)), complete: () => ({ candidates: [], start: 0, end: 0 }), clear: () => screen.clear() },
      '$ ',
    );
    session.start();
    session.handleData('slow\rnext');
    expect(session.promptRows()).toBeUndefined();
    const before = written.length;
    session.reattach();
    expect(written.length).toBe(before);
    finish({ output: 'done' });
    await new Promise((r) => setTimeout(r, 0));
    expect(text(screen)).toEqual(['$ slow', 'done', '$ next']);
    expect(session.promptRows()).toBe(0);
  });

  it('clears the screen and keeps the prompt on the first row', () => {
    const { screen, session } = onScreen(40, () => ({ output: '' , clear: true }));
    session.handleData('ls\rclear\r');
    expect(text(screen)).toEqual(['$']);
  });
});

describe('the hand-over to xterm', () => {
  const callbacks: { current: TabCallbacks } = {
    current: { openShell: () => undefined, close: () => undefined, detached: () => undefined, t: ((key: string) => key) as unknown as TabCallbacks['t'] },
  };

  /** A second screen standing for xterm, at its own width. */
  function xterm(cols: number) {
    const screen = new Screen(cols);
    return { screen, target: { write: (d: string) => screen.write(d), cols: () => screen.cols, clear: () => screen.clear(), focus: () => undefined } };
  }

  it('carries the scrollback, its colours and the half-typed line, and the session goes on there', () => {
    const store = createAppStore({ storage: new MemoryStorage(), now: () => 0 });
    const tab = new TerminalTab(store, { id: 'host', kind: 'host' }, callbacks, 70);
    const light = tab.screen!;
    tab.session.handleData('docker network create lt_net\r');
    tab.session.handleData('docker network ls --format "{{.Name}} has a long line to wrap"');
    tab.session.handleData('\x1b[D\x1b[D');
    const before = text(light);
    expect(before.at(-3)).toMatch(/^[0-9a-f]{64}$/);
    const typed = before.slice(-2).join('');

    const { screen, target } = xterm(100);
    tab.handOver(target);
    expect(tab.screen).toBeUndefined();
    const after = text(screen);
    // Every row above the prompt as it was (at xterm's width), then the prompt and the line, unwrapped at 100 columns.
    expect(after.slice(0, -1)).toEqual(before.slice(0, -2));
    expect(after.at(-1)).toBe(typed);
    expect(screen.rows[0]!.cells[0]!.style).toEqual({ fg: 8 });
    // The cursor is where it was in the line: two characters from its end.
    expect(screen.col).toBe(typed.length - 2);

    // Keys typed after the swap land on the same line, and it runs there.
    tab.session.handleData('X\r');
    const line = 'docker network ls --format "{{.Name}} has a long line to wraXp"';
    expect(text(screen)).toContain(`root@dockerhost:~# ${line}`);
    expect(text(screen)).toContain('lt_net has a long line to wraXp');
    expect(store.getState().commands.at(-1)).toBe(line);
    expect(text(screen).at(-1)).toBe('root@dockerhost:~#');
    // Nothing is written to the light screen any more.
    expect(text(light)).toEqual(before);
  });
});
