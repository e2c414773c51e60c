/**
 * The values the scripted REPL holds and how CPython prints them: repr() as
 * the REPL echoes an expression, str() as print() writes it. Objects of
 * redis-py are opaque handles the REPL resolves through redis-py.ts.
 */
import type { Literal } from './parse.ts';

export type PyValue =
  | Literal
  | { t: 'list' | 'tuple'; items: PyValue[] }
  | { t: 'dict'; entries: [PyValue, PyValue][] }
  | { t: 'module'; name: string }
  | { t: 'builtin'; name: string }
  | { t: 'class'; module: string; name: string }
  | { t: 'redis'; host: string; port: number; db: number; decode: boolean }
  | { t: 'method'; self: PyValue & { t: 'redis' }; name: string };

export const NONE: PyValue = { t: 'none' };
export const TRUE: PyValue = { t: 'bool', v: true };

/** Python's type name, as error messages quote it. */
export function typeName(v: PyValue): string {
  switch (v.t) {
    case 'none':
      return 'NoneType';
    case 'builtin':
      return 'builtin_function_or_method';
    case 'class':
      return 'type';
    case 'redis':
      return 'Redis';
    case 'method':
      return 'method';
    default:
      return v.t;
  }
}

/** repr() of a str or bytes body: single quotes unless it holds ' and no ", escapes as CPython writes them. */
function quoted(text: string, bytes: boolean): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (bytes && code > 0x7e)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${bytes ? 'b' : ''}${quote}${out}${quote}`;
}

/** float.__repr__: the shortest digits that round-trip, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exponent = Math.floor(Math.log10(Math.abs(x)));
  if (exponent >= 16 || exponent < -4) {
    const [mantissa, exp] = x.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const fixed = String(x);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

export function repr(v: PyValue): string {
  switch (v.t) {
    case 'int':
      return v.v.toString();
    case 'float':
      return floatRepr(v.v);
    case 'str':
      return quoted(v.v, false);
    case 'bytes':
      return quoted(v.v, true);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${v.items.map(repr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${repr(v.items[0]!)},)` : `(${v.items.map(repr).join(', ')})`;
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`;
    case 'builtin':
      return `<built-in function ${v.name}>`;
    case 'class':
      return `<class '${v.module}.${v.name}'>`;
    case 'module':
    case 'redis':
    case 'method':
      // Their reprs name file paths and connection pools of one redis-py release: not modelled.
      return '';
  }
}

/** str(): a str as it is, anything else as its repr. */
export function str(v: PyValue): string {
  return v.t === 'str' ? v.v : repr(v);
}

/** Python's truth value. */
export function truthy(v: PyValue): boolean {
  switch (v.t) {
    case 'int':
      return v.v !== 0n;
    case 'float':
      return v.v !== 0;
    case 'str':
    case 'bytes':
      return v.v !== '';
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    default:
      return true;
  }
}

/** `==` between values (numbers across int, float and bool; containers item by item). */
export function equal(a: PyValue, b: PyValue): boolean {
  const num = (v: PyValue): number | bigint | undefined => (v.t === 'int' ? v.v : v.t === 'float' ? v.v : v.t === 'bool' ? (v.v ? 1n : 0n) : undefined);
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return typeof x === typeof y ? x === y : Number(x) === Number(y);
  if (a.t !== b.t) return false;
  if ((a.t === 'str' || a.t === 'bytes') && (b.t === 'str' || b.t === 'bytes')) return a.v === b.v;
  if ((a.t === 'list' || a.t === 'tuple') && (b.t === 'list' || b.t === 'tuple')) return a.items.length === b.items.length && a.items.every((item, i) => equal(item, b.items[i]!));
  if (a.t === 'none') return true;
  return a === b;
}
