/**
 * The light terminal's screen (LineTerminal.tsx): what a ShellSession and the
 * programs write, kept as rows of styled cells the way xterm.js keeps its
 * buffer, so that the same byte stream looks the same in both. It reads the
 * part of VT100 that the session and the simulator write: printable text
 * (wide characters take two cells), CR, LF, BS, TAB, cursor moves (CUU, CUD,
 * CUF, CUB, CHA, CUP), erase in display and in line, and SGR colours and
 * attributes; any other escape sequence is consumed and ignored. Lines wrap at
 * `cols` with xterm's pending wrap (the cursor waits past the last column until
 * the next character). Pure: no DOM; the view subscribes to changes.
 *
 * It is the one copy of the scrollback while the light terminal shows it: when
 * xterm takes over, `toAnsi` hands the rows over as text with their colours
 * and this screen is dropped.
 */

/** A palette index (0–255) or a `#rrggbb` colour. */
export type Color = number | string;

export interface Style {
  readonly fg?: Color;
  readonly bg?: Color;
  readonly bold?: true;
  readonly dim?: true;
  readonly italic?: true;
  readonly underline?: true;
  readonly inverse?: true;
}

export const PLAIN: Style = Object.freeze({});

export interface Cell {
  /** The character; '' for the second cell of a wide character. */
  readonly ch: string;
  readonly style: Style;
}

export class Row {
  cells: Cell[] = [];
  /** This row continues the one above (the text wrapped), as xterm's isWrapped. */
  wrapped = false;
  /** Bumped on every change, so a view redraws only rows that changed. */
  rev = 0;
}

/** As many rows as xterm.js keeps (TerminalPane's `scrollback`). */
export const SCROLLBACK = 5000;

const TAB_WIDTH = 8;

/** East Asian wide and fullwidth characters and emoji, which xterm draws across two cells. */
export function charWidth(code: number): 1 | 2 {
  if (code < 0x1100) return 1;
  return (code <= 0x115f ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd))
    ? 2
    : 1;
}

/** The style after an SGR sequence's parameters. */
export function applySgr(style: Style, params: number[]): Style {
  const next: { -readonly [K in keyof Style]: Style[K] } = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) for (const key of Object.keys(next)) delete next[key as keyof Style];
    else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 22) {
      delete next.bold;
      delete next.dim;
    } else if (p === 23) delete next.italic;
    else if (p === 24) delete next.underline;
    else if (p === 27) delete next.inverse;
    else if (p >= 30 && p <= 37) next.fg = p - 30;
    else if (p === 39) delete next.fg;
    else if (p >= 40 && p <= 47) next.bg = p - 40;
    else if (p === 49) delete next.bg;
    else if (p >= 90 && p <= 97) next.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) next.bg = p - 100 + 8;
    else if (p === 38 || p === 48) {
      const key = p === 38 ? 'fg' : 'bg';
      if (params[i + 1] === 5 && params[i + 2] !== undefined) {
        next[key] = params[i + 2]! & 255;
        i += 2;
      } else if (params[i + 1] === 2 && params[i + 4] !== undefined) {
        const hex = params.slice(i + 2, i + 5).map((n) => Math.min(255, n).toString(16).padStart(2, '0')).join('');
        next[key] = `#${hex}`;
        i += 4;
      } else break;
    }
  }
  return Object.keys(next).length === 0 ? PLAIN : Object.freeze(next);
}

/** The SGR sequence that sets `style` from a reset. */
export function sgrOf(style: Style): string {
  const codes: (number | string)[] = [0];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  const color = (c: Color, base: number, brightBase: number, extended: number) => {
    if (typeof c === 'string') codes.push(`${extended};2;${parseInt(c.slice(1, 3), 16)};${parseInt(c.slice(3, 5), 16)};${parseInt(c.slice(5, 7), 16)}`);
    else if (c < 8) codes.push(base + c);
    else if (c < 16) codes.push(brightBase + c - 8);
    else codes.push(`${extended};5;${c}`);
  };
  if (style.fg !== undefined) color(style.fg, 30, 90, 38);
  if (style.bg !== undefined) color(style.bg, 40, 100, 48);
  return `\x1b[${codes.join(';')}m`;
}

const sameStyle = (a: Style, b: Style) =>
  a === b ||
  (a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline && a.inverse === b.inverse);

export class Screen {
  rows: Row[] = [new Row()];
  /** The cursor's row in `rows` and its column; `col === cols` is xterm's pending wrap. */
  row = 0;
  col = 0;
  private style: Style = PLAIN;
  /** An escape sequence cut off at the end of a write, completed by the next. */
  private partial = '';
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    public cols: number,
    /** Rows the view shows at once: where CUP's row 1 is (the last `screenRows` rows). */
    public screenRows = 24,
  ) {}

  /** For useSyncExternalStore: a number that changes with every change. */
  readonly getVersion = (): number => this.version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new width: wrapped lines are wrapped again at it, the cursor kept at its character, as xterm reflows. */
  resize(cols: number, screenRows = this.screenRows): void {
    cols = Math.max(1, cols);
    this.screenRows = Math.max(1, screenRows);
    if (cols === this.cols) return;
    const old = this.cols;
    this.cols = cols;
    const rows: Row[] = [];
    let cursor: { row: number; col: number } | undefined;
    for (let r = 0; r < this.rows.length; ) {
      // One line: a row and the rows that continue it.
      let end = r + 1;
      while (end < this.rows.length && this.rows[end]!.wrapped) end++;
      const cells: Cell[] = [];
      for (let i = r; i < end; i++) {
        const row = this.rows[i]!;
        cells.push(...row.cells);
        // A row that wrapped before its last column (a wide character that did not fit) is padded to it.
        if (i + 1 < end) while (cells.length < (i - r + 1) * old) cells.push({ ch: ' ', style: PLAIN });
      }
      const start = rows.length;
      for (let at = 0; at === 0 || at < cells.length; at += cols) {
        const row = new Row();
        row.cells = cells.slice(at, at + cols);
        row.wrapped = at > 0;
        rows.push(row);
      }
      if (this.row >= r && this.row < end) {
        const offset = (this.row - r) * old + this.col;
        // Right after the line's last character, at a row's end: the pending wrap, as before.
        const pending = offset > 0 && offset % cols === 0 && offset >= cells.length;
        const row = start + Math.floor(offset / cols) - (pending ? 1 : 0);
        cursor = { row, col: pending ? cols : offset % cols };
        while (rows.length <= row) {
          const extra = new Row();
          extra.wrapped = true;
          rows.push(extra);
        }
      }
      r = end;
    }
    this.rows = rows;
    this.row = cursor?.row ?? rows.length - 1;
    this.col = cursor?.col ?? 0;
    this.changed();
  }

  write(data: string): void {
    const text = this.partial + data;
    this.partial = '';
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        const end = this.escape(text, i);
        if (end === undefined) {
          this.partial = text.slice(i);
          break;
        }
        i = end;
        continue;
      }
      const code = text.codePointAt(i)!;
      const size = code > 0xffff ? 2 : 1;
      if (code < 0x20 || code === 0x7f) this.control(ch);
      else this.print(String.fromCodePoint(code), charWidth(code));
      i += size;
    }
    this.changed();
  }

  /** xterm's `clear()`: the scrollback goes, the cursor's row becomes the first. */
  clear(): void {
    const current = this.rows[this.row]!;
    current.wrapped = false;
    current.rev++;
    this.rows = [current];
    this.row = 0;
    this.changed();
  }

  /**
   * The rows before `endRow` as text with their colours, lines ending in CRLF
   * (wrapped rows joined, so the receiving terminal wraps them at its own width),
   * trailing unstyled blanks dropped as xterm stores none: what xterm is given
   * when it takes over.
   */
  toAnsi(endRow: number): string {
    let out = '';
    let current: Style = PLAIN;
    for (let r = 0; r < Math.min(endRow, this.rows.length); r++) {
      const row = this.rows[r]!;
      const next = this.rows[r + 1];
      const continues = r + 1 < endRow && next?.wrapped === true;
      let cells = row.cells;
      if (!continues) {
        let n = cells.length;
        while (n > 0 && cells[n - 1]!.ch === ' ' && cells[n - 1]!.style === PLAIN) n--;
        cells = cells.slice(0, n);
      }
      for (const cell of cells) {
        if (cell.ch === '') continue;
        if (!sameStyle(cell.style, current)) {
          out += sgrOf(cell.style);
          current = cell.style;
        }
        out += cell.ch;
      }
      if (!continues) {
        if (current !== PLAIN) {
          out += '\x1b[0m';
          current = PLAIN;
        }
        out += '\r\n';
      }
    }
    return out;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private touch(row: number): Row {
    while (this.rows.length <= row) this.rows.push(new Row());
    const r = this.rows[row]!;
    r.rev++;
    return r;
  }

  private put(row: Row, col: number, cell: Cell): void {
    while (row.cells.length < col) row.cells.push({ ch: ' ', style: PLAIN });
    row.cells[col] = cell;
  }

  private print(ch: string, width: 1 | 2): void {
    if (this.col >= this.cols || (width === 2 && this.col === this.cols - 1 && this.cols > 1)) this.wrap();
    const row = this.touch(this.row);
    this.put(row, this.col, { ch, style: this.style });
    if (width === 2 && this.col + 1 < this.cols) this.put(row, this.col + 1, { ch: '', style: this.style });
    this.col += width;
  }

  private wrap(): void {
    this.lineFeed();
    this.col = 0;
    this.touch(this.row).wrapped = true;
  }

  private lineFeed(): void {
    this.row++;
    this.touch(this.row);
    if (this.rows.length > SCROLLBACK) {
      const drop = this.rows.length - SCROLLBACK;
      this.rows.splice(0, drop);
      this.row -= drop;
    }
  }

  private control(ch: string): void {
    switch (ch) {
      case '\r':
        this.col = 0;
        break;
      case '\n':
      case '\x0b':
      case '\x0c':
        this.lineFeed();
        if (this.col >= this.cols) this.col = this.cols - 1;
        break;
      case '\b':
        this.col = Math.max(0, Math.min(this.col, this.cols - 1) - 1);
        break;
      case '\t':
        this.col = Math.min(this.cols - 1, (Math.floor(this.col / TAB_WIDTH) + 1) * TAB_WIDTH);
        break;
      default:
      // BEL and the other controls change nothing on screen.
    }
  }

  /** Reads the escape sequence at `start`; the index after it, or undefined if the data ends inside it. */
  private escape(text: string, start: number): number | undefined {
    const kind = text[start + 1];
    if (kind === undefined) return undefined;
    if (kind === '[') {
      let i = start + 2;
      while (i < text.length && /[0-9;:<=>?]/.test(text[i]!)) i++;
      while (i < text.length && /[ -/]/.test(text[i]!)) i++;
      if (i >= text.length) return undefined;
      this.csi(text.slice(start + 2, i), text[i]!);
      return i + 1;
    }
    if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
      // OSC and other strings: to BEL or ST, ignored.
      for (let i = start + 2; i < text.length; i++) {
        if (text[i] === '\x07') return i + 1;
        if (text[i] === '\x1b' && text[i + 1] === '\\') return i + 2;
      }
      return undefined;
    }
    if (kind === '(' || kind === ')' || kind === '#') return start + 3 <= text.length ? start + 3 : undefined;
    return start + 2;
  }

  private csi(body: string, final: string): void {
    if (/^[<=>?]/.test(body)) return; // private modes (cursor visibility, bracketed paste): nothing to draw
    const params = body === '' ? [] : body.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
    const n = Math.max(1, params[0] ?? 1);
    const col = () => Math.min(this.col, this.cols - 1);
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        this.col = col();
        break;
      case 'B':
        this.row += n;
        this.touch(this.row);
        this.col = col();
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, col() + n);
        break;
      case 'D':
        this.col = Math.max(0, col() - n);
        break;
      case 'G':
        this.col = Math.min(this.cols - 1, n - 1);
        break;
      case 'H':
      case 'f': {
        const top = Math.max(0, this.rows.length - this.screenRows);
        this.row = top + n - 1;
        this.touch(this.row);
        this.col = Math.min(this.cols - 1, Math.max(1, params[1] ?? 1) - 1);
        break;
      }
      case 'J':
        this.eraseDisplay(params[0] ?? 0);
        break;
      case 'K':
        this.eraseLine(params[0] ?? 0);
        break;
      case 'm':
        this.style = applySgr(this.style, params);
        break;
      default:
      // Other sequences (scroll regions, reports) do not occur in what the simulator writes.
    }
  }

  private eraseLine(mode: number): void {
    const row = this.touch(this.row);
    const at = Math.min(this.col, this.cols);
    if (mode === 0) row.cells.length = Math.min(row.cells.length, at);
    else if (mode === 1) for (let c = 0; c <= Math.min(at, row.cells.length - 1); c++) row.cells[c] = { ch: ' ', style: PLAIN };
    else row.cells = [];
  }

  private eraseDisplay(mode: number): void {
    if (mode === 0) {
      this.eraseLine(0);
      this.rows.length = this.row + 1;
      return;
    }
    if (mode === 1) {
      for (let r = Math.max(0, this.rows.length - this.screenRows); r < this.row; r++) this.touch(r).cells = [];
      this.eraseLine(1);
      return;
    }
    // 2 and 3: the screen (and with 3 the scrollback) is blank; the cursor stays where it is.
    for (const row of this.rows) {
      row.cells = [];
      row.rev++;
    }
  }
}
