/**
 * xterm.js drawing a shell tab (its own chunk with xterm and its stylesheet,
 * loaded after the light terminal takes commands, or at once for a tab only
 * xterm can draw). It takes the tab over from the light screen (tab-session.ts)
 * before the browser paints or reads another key, so no key is lost; the pane
 * keeps the light terminal on show until xterm has drawn the same rows
 * (`onDrawn`), so nothing jumps.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { TerminalTab } from './tab-session.ts';
import { DARK, LIGHT } from './theme.ts';
import { useReducedMotion } from '../ui/motion.ts';

interface Props {
  tab: TerminalTab;
  active: boolean;
  readOnly: boolean;
  theme: 'light' | 'dark';
  /** xterm has drawn the rows it took over. */
  onDrawn(): void;
}

/** The plain text of xterm's rows above `endRow`, wrapped rows joined (for a light screen again). */
function textAbove(xterm: Terminal, endRow: number): string {
  const buffer = xterm.buffer.active;
  let out = '';
  for (let y = 0; y < endRow; y++) {
    const line = buffer.getLine(y);
    if (!line) break;
    const next = buffer.getLine(y + 1);
    const continues = y + 1 < endRow && next?.isWrapped === true;
    out += line.translateToString(!continues) + (continues ? '' : '\r\n');
  }
  return out;
}

export default function XtermView({ tab, active, readOnly, theme, onDrawn }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const callbacks = useRef({ onDrawn, t });
  const reducedMotion = useReducedMotion();
  const blink = !readOnly && !reducedMotion;
  useEffect(() => {
    callbacks.current = { onDrawn, t };
  });

  // A layout effect: the tab moves to xterm in the same task as xterm appears, before another key can arrive.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const xterm = new Terminal({
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace",
      fontSize: 13,
      lineHeight: 1.15,
      scrollback: 5000,
      disableStdin: readOnly,
      // Set by the effect below, which follows the reader's motion preference.
      cursorBlink: false,
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

    // The light terminal had the keyboard: xterm has it now.
    const hadFocus = el.parentElement?.contains(document.activeElement) === true;
    tab.handOver({ write: (data) => xterm.write(data), cols: () => xterm.cols, clear: () => xterm.clear(), focus: () => xterm.focus() });
    if (hadFocus) xterm.focus();
    // Shown once the rows it was given are drawn (xterm parses, then draws on the next frame).
    let drawn = false;
    const shown = xterm.onRender(() => {
      if (drawn) return;
      drawn = true;
      callbacks.current.onDrawn();
    });
    const fallback = window.setTimeout(() => {
      if (!drawn) {
        drawn = true;
        callbacks.current.onDrawn();
      }
    }, 1000);
    // Read-only: what runs is typed by the Guide or the host page, never by the keyboard.
    const data = xterm.onData((d) => {
      if (!readOnly) tab.session.handleData(d);
    });

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
      window.clearTimeout(fallback);
      shown.dispose();
      data.dispose();
      const buffer = xterm.buffer.active;
      const promptRows = tab.session.promptRows();
      const cursor = buffer.baseY + buffer.cursorY;
      tab.takeBack(textAbove(xterm, promptRows === undefined ? cursor : cursor - promptRows), xterm.cols);
      xterm.dispose();
      term.current = null;
    };
  }, [tab, readOnly]);

  useEffect(() => {
    if (term.current) term.current.options.cursorBlink = blink;
  }, [blink, tab]);

  useEffect(() => {
    if (term.current) term.current.options.theme = theme === 'dark' ? DARK : LIGHT;
  }, [theme]);

  // The host's shell does not take the focus when the page opens (Tab goes from the header on); a tab shown later does.
  const focusOnShow = useRef(tab.tab.kind !== 'host');
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

  return <div className="xterm-box" ref={box} />;
}
