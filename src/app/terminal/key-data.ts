/**
 * What a key sends to the shell in the light terminal: the bytes xterm.js's
 * onData gives for the same key (normal cursor mode, Backspace as DEL, Alt as
 * an ESC prefix), so a ShellSession reads the light terminal's keys and
 * xterm's alike (keys.ts). Printable text does not come through here but from
 * the input element's text (typing, an IME, a paste). Pure.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const NAMED: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  Escape: '\x1b',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  Delete: '\x1b[3~',
  Insert: '\x1b[2~',
  PageUp: '\x1b[5~',
  PageDown: '\x1b[6~',
};

/** The bytes for a key that is not plain text, or undefined (text, a lone modifier, a browser shortcut). */
export function keyData(e: KeyPress): string | undefined {
  if (e.metaKey) return undefined;
  if (e.key === 'Tab' && e.shiftKey) return '\x1b[Z';
  if (e.ctrlKey && !e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return e.key === 'ArrowLeft' ? '\x1b[1;5D' : '\x1b[1;5C';
  const named = NAMED[e.key];
  if (named !== undefined) return e.altKey && e.key !== 'Escape' ? `\x1b${named}` : named;
  if (e.key.length !== 1) return undefined;
  if (e.ctrlKey && !e.altKey) {
    const code = e.key.toUpperCase().charCodeAt(0);
    // Ctrl+@ … Ctrl+_ are the C0 controls; Ctrl+Space is NUL, Ctrl+? is DEL.
    if (code >= 64 && code <= 95) return String.fromCharCode(code - 64);
    if (e.key === ' ') return '\x00';
    if (e.key === '?') return '\x7f';
    return undefined;
  }
  if (e.altKey && !e.ctrlKey) return `\x1b${e.key}`;
  return undefined;
}
