/**
 * The light terminal: what the host's shell tab is drawn with until xterm.js
 * (about 90 KB gzip) has loaded, so the page takes a command without it. Its
 * rows are the tab's screen (screen.ts), drawn as text in spans of the
 * terminal's colours; its keys are read by a textarea (typing, IME, paste) and
 * sent to the tab's ShellSession as xterm would send them (key-data.ts), so the
 * prompt, line editing, history, completion and every command are the
 * session's own. Text is only ever React text: nothing written to the screen
 * becomes markup. TerminalPane.tsx puts xterm in its place once it has loaded.
 */
import { type CSSProperties, memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { keyData } from './key-data.ts';
import type { Cell, Row, Screen, Style } from './screen.ts';
import type { TerminalTab } from './tab-session.ts';
import { ansiColors, paletteColor, type TerminalTheme } from './theme.ts';

/** xterm's fit addon leaves this much of the width for its scrollbar: the light terminal wraps at the same column. */
const SCROLLBAR = 14;

/** The CSS variables the rows' colours refer to, from the theme xterm is given. */
export function themeVariables(theme: TerminalTheme): CSSProperties {
  const vars: Record<string, string> = { '--lt-fg': theme.foreground, '--lt-bg': theme.background, '--lt-cursor': theme.cursor, '--lt-cursor-text': theme.cursorAccent ?? theme.background, '--lt-selection': theme.selectionBackground };
  ansiColors(theme).forEach((c, i) => (vars[`--lt-${i}`] = c));
  return vars as CSSProperties;
}

function colorCss(color: number | string, theme: TerminalTheme): string {
  if (typeof color === 'string') return color;
  return color < 16 ? `var(--lt-${color})` : paletteColor(color, theme);
}

/** A run of cells' inline style, as xterm draws them (bold in the bright colours, dim at half opacity). */
export function runStyle(style: Style, theme: TerminalTheme): CSSProperties | undefined {
  if (style.fg === undefined && style.bg === undefined && !style.bold && !style.dim && !style.italic && !style.underline && !style.inverse) return undefined;
  const fgIndex = style.bold && typeof style.fg === 'number' && style.fg < 8 ? style.fg + 8 : style.fg;
  let fg = fgIndex === undefined ? undefined : colorCss(fgIndex, theme);
  let bg = style.bg === undefined ? undefined : colorCss(style.bg, theme);
  if (style.inverse) [fg, bg] = [bg ?? 'var(--lt-bg)', fg ?? 'var(--lt-fg)'];
  const css: CSSProperties = {};
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  if (style.bold) css.fontWeight = 'bold';
  if (style.dim) css.opacity = 0.5;
  if (style.italic) css.fontStyle = 'italic';
  if (style.underline) css.textDecoration = 'underline';
  return css;
}

/** A row's cells as runs of one style; the cursor's cell a run of its own. */
function runs(cells: readonly Cell[], cursor: number | undefined): { text: string; style: Style; cursor: boolean }[] {
  const out: { text: string; style: Style; cursor: boolean }[] = [];
  const last = Math.max(cells.length, cursor === undefined ? 0 : cursor + 1);
  for (let c = 0; c < last; c++) {
    const cell = cells[c] ?? { ch: ' ', style: {} };
    const isCursor = c === cursor;
    const prev = out[out.length - 1];
    if (prev && !prev.cursor && !isCursor && prev.style === cell.style) prev.text += cell.ch;
    else out.push({ text: cell.ch === '' && isCursor ? ' ' : cell.ch, style: cell.style, cursor: isCursor });
  }
  return out;
}

const RowView = memo(function RowView({ row, cursor, theme }: { row: Row; rev: number; cursor: number | undefined; theme: TerminalTheme }) {
  return (
    <div className="lineterm-row">
      {runs(row.cells, cursor).map((run, i) => (
        <span key={i} className={run.cursor ? 'lineterm-cursor' : undefined} style={runStyle(run.style, theme)}>
          {run.text}
        </span>
      ))}
    </div>
  );
});

/** The rows of a screen with the cursor: for the view, and for tests (react-dom/server). */
export function ScreenRows({ screen, theme, cursor = true }: { screen: Screen; theme: TerminalTheme; cursor?: boolean }) {
  const cursorCol = Math.min(screen.col, screen.cols - 1);
  return (
    <div className="lineterm-rows">
      {screen.rows.map((row, i) => (
        <RowView key={i} row={row} rev={row.rev} cursor={cursor && i === screen.row ? cursorCol : undefined} theme={theme} />
      ))}
    </div>
  );
}

interface Props {
  tab: TerminalTab;
  theme: TerminalTheme;
  readOnly: boolean;
  /** The light terminal shows the prompt and takes keys. */
  onShown(): void;
}

export function LineTerminal({ tab, theme, readOnly, onShown }: Props) {
  const { t } = useTranslation();
  // The screen it was given: after the hand-over xterm writes elsewhere, and this one shows its last state until it is gone.
  const [screen] = useState(() => tab.screen);
  const version = useSyncExternalStore(screen?.subscribe ?? noSubscribe, screen?.getVersion ?? zero);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const measure = useRef<HTMLSpanElement>(null);
  const [focused, setFocused] = useState(false);
  const escaped = useRef(false);
  const composing = useRef(false);
  const atBottom = useRef(true);

  const send = useCallback(
    (data: string) => {
      atBottom.current = true;
      tab.session.handleData(data);
    },
    [tab],
  );

  // Wrap where xterm would: its fit addon's columns for this box.
  useLayoutEffect(() => {
    const el = box.current;
    const probe = measure.current;
    if (!el || !probe || !screen) return;
    const fit = () => {
      const charWidth = probe.getBoundingClientRect().width / 32;
      const rowHeight = probe.getBoundingClientRect().height;
      if (!charWidth || !rowHeight) return;
      const style = getComputedStyle(el);
      const width = parseInt(style.width) - SCROLLBAR;
      screen.resize(Math.max(2, Math.floor(width / charWidth)), Math.max(1, Math.floor(parseInt(style.height) / rowHeight)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [screen]);

  useEffect(() => {
    const release = tab.focusLightWith(() => input.current?.focus());
    onShown();
    return release;
  }, [tab, onShown]);

  // Follow the output, as xterm does, unless the user has scrolled up to read.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [version]);

  const onScroll = () => {
    const el = box.current;
    if (el) atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (readOnly || e.nativeEvent.isComposing) return;
    // After Esc, Tab and Shift+Tab leave the terminal (the browser moves the focus): no keyboard trap.
    if (e.key === 'Tab' && escaped.current) return;
    if (e.key !== 'Shift') escaped.current = e.key === 'Escape';
    const mod = e.ctrlKey || e.metaKey;
    // Copy with Ctrl+C when text is selected (and Ctrl+Shift+C); paste through the paste event.
    if (mod && (e.key === 'c' || e.key === 'C') && (e.shiftKey || !(window.getSelection()?.isCollapsed ?? true))) return;
    if (mod && (e.key === 'v' || e.key === 'V')) return;
    const data = keyData(e);
    if (data === undefined) return;
    e.preventDefault();
    send(data);
  };

  const takeText = () => {
    const el = input.current;
    if (!el || composing.current) return;
    const text = el.value;
    el.value = '';
    if (text && !readOnly) send(text.replace(/\r?\n/g, '\r'));
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    if (text && !readOnly) send(text.replace(/\r?\n/g, '\r'));
  };

  // A click gives the keyboard to the terminal, unless it selected text to copy.
  const onMouseUp = () => {
    if (window.getSelection()?.isCollapsed ?? true) input.current?.focus({ preventScroll: true });
  };

  if (!screen) return null;
  return (
    <div
      className={`lineterm${focused ? ' focused' : ''}`}
      ref={box}
      style={themeVariables(theme)}
      onScroll={onScroll}
      onMouseUp={onMouseUp}
      data-testid="lineterm"
    >
      <span className="lineterm-measure" ref={measure} aria-hidden="true">
        {'W'.repeat(32)}
      </span>
      <ScreenRows screen={screen} theme={theme} />
      <textarea
        ref={input}
        className="lineterm-input"
        aria-label={t('terminal.input')}
        aria-description={t('terminal.leave')}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        readOnly={readOnly}
        rows={1}
        onKeyDown={onKeyDown}
        onInput={takeText}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => {
          composing.current = false;
          takeText();
        }}
        onPaste={onPaste}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
    </div>
  );
}

const noSubscribe = () => () => undefined;
const zero = () => 0;
