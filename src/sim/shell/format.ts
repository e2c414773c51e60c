/**
 * C's printf conversions, for the printf command and awk's printf/sprintf:
 * `%[-+ #0][width][.precision](d|i|o|u|x|X|e|E|f|F|g|G|c|s|%)` with `*`
 * widths, and the escapes printf(1) takes in its format (`\n`, `\t`, `\NNN`,
 * `\xHH`...). How an argument becomes a number or a string is the caller's:
 * printf(1) parses strings, awk converts its values.
 */

export interface Spec {
  flags: string;
  width?: number;
  precision?: number;
  conv: string;
}

/** The pieces of a format: literal text and conversions (`%%` is text). */
export type Piece = { text: string } | { spec: Spec; widthArg: boolean; precisionArg: boolean; raw: string };

export function parseFormat(format: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      text += ch;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXeEfFgGcsb%])?/.exec(format.slice(i))!;
    if (m[5] === '%' && m[0] === '%%') {
      text += '%';
      i += 1;
      continue;
    }
    if (text) pieces.push({ text });
    text = '';
    const spec: Spec = { flags: m[1]!, conv: m[5] ?? '' };
    if (m[2] !== undefined && m[2] !== '*') spec.width = Number(m[2]);
    if (m[3] !== undefined && m[3] !== '*') spec.precision = Number(m[3] || '0');
    pieces.push({ spec, widthArg: m[2] === '*', precisionArg: m[3] === '*', raw: m[0] });
    i += m[0].length - 1;
  }
  if (text) pieces.push({ text });
  return pieces;
}

function pad(body: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (body.length >= width) return body;
  if (spec.flags.includes('-')) return body.padEnd(width);
  if (numeric && spec.flags.includes('0') && (spec.precision === undefined || !'diouxX'.includes(spec.conv))) {
    const sign = /^[-+ ]/.test(body) ? body[0]! : '';
    const prefix = /^[-+ ]?0[xX]/.test(body) ? body.slice(sign.length, sign.length + 2) : '';
    const digits = body.slice(sign.length + prefix.length);
    return sign + prefix + digits.padStart(width - sign.length - prefix.length, '0');
  }
  return body.padStart(width);
}

const signOf = (negative: boolean, flags: string) => (negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '');

/** C's %e digits: `1.234568e+04`. */
function exponential(v: number, precision: number, upper: boolean, alt: boolean): string {
  let s = v.toExponential(Math.min(precision, 100));
  s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  if (alt && precision === 0) s = s.replace('e', '.e');
  return upper ? s.toUpperCase() : s;
}

/** C's %g: %e or %f by the exponent, trailing zeros dropped unless `#`. */
function general(v: number, precision: number, upper: boolean, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  const exp = Number(v.toExponential(p - 1).split('e')[1]);
  let s: string;
  if (exp < -4 || exp >= p) {
    s = exponential(v, p - 1, upper, alt);
    if (!alt) s = s.replace(/\.?0+e/, 'e').replace(/\.?0+E/, 'E');
  } else {
    s = v.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

/** A floating-point conversion (e, E, f, F, g, G) of a number. */
export function formatFloat(v: number, spec: Spec): string {
  const precision = spec.precision ?? 6;
  const upper = spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'F';
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : 'inf';
  else if (spec.conv === 'e' || spec.conv === 'E') body = exponential(Math.abs(v), precision, upper, spec.flags.includes('#'));
  else if (spec.conv === 'f' || spec.conv === 'F') body = Math.abs(v).toFixed(Math.min(precision, 100)) + (spec.flags.includes('#') && precision === 0 ? '.' : '');
  else body = general(Math.abs(v), precision, upper, spec.flags.includes('#'));
  if (upper) body = body.toUpperCase();
  const negative = v < 0 || Object.is(v, -0);
  return pad(signOf(negative && Number.isFinite(v) ? true : negative, spec.flags) + body, spec, Number.isFinite(v));
}

/** An integer conversion (d, i, o, u, x, X, c handled apart) of a number, truncated toward zero. */
export function formatInt(v: number, spec: Spec): string {
  const LIMIT = 1n << 63n;
  let big = Number.isNaN(v) ? 0n : Number.isFinite(v) ? BigInt(Math.trunc(v)) : v > 0 ? LIMIT - 1n : -LIMIT;
  if (big >= LIMIT) big = LIMIT - 1n;
  if (big < -LIMIT) big = -LIMIT;
  if ((spec.conv === 'u' || spec.conv === 'o' || spec.conv === 'x' || spec.conv === 'X') && big < 0n) big += 1n << 64n;
  const negative = big < 0n;
  const abs = negative ? -big : big;
  let digits = spec.conv === 'o' ? abs.toString(8) : spec.conv === 'x' ? abs.toString(16) : spec.conv === 'X' ? abs.toString(16).toUpperCase() : abs.toString();
  if (spec.precision !== undefined) digits = spec.precision === 0 && abs === 0n ? '' : digits.padStart(spec.precision, '0');
  if (spec.flags.includes('#') && abs !== 0n) {
    if (spec.conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if (spec.conv === 'x') digits = `0x${digits}`;
    if (spec.conv === 'X') digits = `0X${digits}`;
  }
  const sign = spec.conv === 'd' || spec.conv === 'i' ? signOf(negative, spec.flags) : '';
  return pad(sign + digits, spec, true);
}

/** %s with precision (the first N characters) and width. */
export function formatString(s: string, spec: Spec): string {
  return pad(spec.precision === undefined ? s : s.slice(0, spec.precision), spec, false);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", e: '\x1b' };

/**
 * printf(1)'s backslash escapes in its format (and in %b arguments, where
 * `\c` stops all output): returns the text and whether `\c` was met.
 */
export function unescape(text: string, forB = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1]!;
    if (next === 'c' && forB) return { text: out, stop: true };
    if (ESCAPES[next] !== undefined && !(next === '"' || next === "'") ) {
      out += ESCAPES[next];
      i++;
    } else if (/[0-7]/.test(next)) {
      const m = (forB ? /^0?[0-7]{1,3}/ : /^[0-7]{1,3}/).exec(text.slice(i + 1))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 255);
      i += m[0].length;
    } else if (next === 'x' && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))!;
      out += String.fromCharCode(parseInt(m[0], 16));
      i += 1 + m[0].length;
    } else if (next === '"' || next === "'") {
      out += next;
      i++;
    } else {
      out += `\\${next}`;
      i++;
    }
  }
  return { text: out, stop: false };
}
