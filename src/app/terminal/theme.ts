/**
 * The terminal's colours in each theme, given to xterm.js as its theme and to
 * the light terminal (LineTerminal.tsx) as CSS variables, so both draw the
 * same text in the same colours. The sixteen ANSI colours are xterm.js's own
 * defaults (6.0's DEFAULT_ANSI_COLORS) where a theme does not set them.
 */

export interface TerminalTheme {
  background: string;
  foreground: string;
  cursor: string;
  cursorAccent?: string;
  selectionBackground: string;
  black: string;
  red: string;
  green: string;
  yellow: string;
  blue: string;
  magenta: string;
  cyan: string;
  white: string;
  brightBlack: string;
  brightRed: string;
  brightGreen: string;
  brightYellow: string;
  brightBlue: string;
  brightMagenta: string;
  brightCyan: string;
  brightWhite: string;
}

const XTERM_ANSI = {
  black: '#2e3436',
  red: '#cc0000',
  green: '#4e9a06',
  yellow: '#c4a000',
  blue: '#3465a4',
  magenta: '#75507b',
  cyan: '#06989a',
  white: '#d3d7cf',
  brightBlack: '#555753',
  brightRed: '#ef2929',
  brightGreen: '#8ae234',
  brightYellow: '#fce94f',
  brightBlue: '#729fcf',
  brightMagenta: '#ad7fa8',
  brightCyan: '#34e2e2',
  brightWhite: '#eeeeec',
};

export const DARK: TerminalTheme = {
  ...XTERM_ANSI,
  background: '#0f1419',
  foreground: '#d7dde4',
  cursor: '#f0c674',
  selectionBackground: '#3a4a5e',
  green: '#8fd19e',
  blue: '#7cb7ff',
  brightBlack: '#7d8793',
};

export const LIGHT: TerminalTheme = {
  ...XTERM_ANSI,
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

/** The sixteen ANSI colours in palette order. */
export function ansiColors(theme: TerminalTheme): string[] {
  const t = theme;
  return [t.black, t.red, t.green, t.yellow, t.blue, t.magenta, t.cyan, t.white, t.brightBlack, t.brightRed, t.brightGreen, t.brightYellow, t.brightBlue, t.brightMagenta, t.brightCyan, t.brightWhite];
}

/** xterm's 256-colour palette above the sixteen: the 6×6×6 cube, then 24 greys. */
export function paletteColor(index: number, theme: TerminalTheme): string {
  if (index < 16) return ansiColors(theme)[index]!;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  if (index < 232) {
    const i = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex(level(Math.floor(i / 36)))}${hex(level(Math.floor(i / 6) % 6))}${hex(level(i % 6))}`;
  }
  const grey = 8 + (index - 232) * 10;
  return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
}
