/**
 * Shell patterns (`*`, `?`, `[...]`) for `case`, `${x%pat}` and friends, and
 * pathname expansion. A pattern here is text in which a backslash makes the
 * next character literal: the expander escapes whatever was quoted, so
 * `case $x in "*")` matches only a star.
 */
import type { FileSystem } from '../fs.ts';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

const reEscape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Escapes text so that it matches only itself. */
export function literalPattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** The bracket expression starting at `[` (index i): its regex and where it ends, or undefined when it has no `]`. */
function bracket(p: string, i: number): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  while (j < p.length) {
    let c = p[j]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: j + 1 };
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      const name = p.slice(j + 2, close);
      const cls = close > 0 && Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
      if (cls !== undefined) {
        body += cls;
        j = close + 2;
        continue;
      }
    }
    if (c === '\\' && j + 1 < p.length) c = p[++j]!;
    if (p[j + 1] === '-' && p[j + 2] !== undefined && p[j + 2] !== ']') {
      let hi = p[j + 2]!;
      let skip = 3;
      if (hi === '\\' && p[j + 3] !== undefined) {
        hi = p[j + 3]!;
        skip = 4;
      }
      body += `${reEscape(c)}-${reEscape(hi)}`;
      j += skip;
      continue;
    }
    body += reEscape(c);
    j++;
  }
  return undefined;
}

function toRegexSource(p: string, hiddenSafe: boolean): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const atStart = i === 0 && hiddenSafe;
    if (c === '\\' && i + 1 < p.length) re += reEscape(p[++i]!);
    else if (c === '*') re += atStart ? '(?!\\.)[\\s\\S]*' : '[\\s\\S]*';
    else if (c === '?') re += atStart ? '(?!\\.)[\\s\\S]' : '[\\s\\S]';
    else if (c === '[') {
      const b = bracket(p, i);
      if (b) {
        re += atStart ? `(?!\\.)${b.re}` : b.re;
        i = b.end - 1;
      } else re += '\\[';
    } else re += reEscape(c);
  }
  return re;
}

const cache = new Map<string, RegExp>();

/** Whether the whole text matches the pattern. */
export function matchPattern(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${toRegexSource(pattern, false)}$`);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

/** Whether the pattern has an unescaped `*`, `?` or a complete `[...]`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracket(pattern, i)) return true;
  }
  return false;
}

/** The pattern's text with its escapes removed (what a word that matched no file stays as). */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/** `${x%pat}`, `${x%%pat}`, `${x#pat}`, `${x##pat}`. */
export function trimPattern(value: string, pattern: string, op: '%' | '%%' | '#' | '##'): string {
  const n = value.length;
  if (op === '#') {
    for (let k = 0; k <= n; k++) if (matchPattern(pattern, value.slice(0, k))) return value.slice(k);
  } else if (op === '##') {
    for (let k = n; k >= 0; k--) if (matchPattern(pattern, value.slice(0, k))) return value.slice(k);
  } else if (op === '%') {
    for (let k = n; k >= 0; k--) if (matchPattern(pattern, value.slice(k))) return value.slice(0, k);
  } else {
    for (let k = 0; k <= n; k++) if (matchPattern(pattern, value.slice(k))) return value.slice(0, k);
  }
  return value;
}

/** ash's `${x/pat/rep}` (first match) and `${x//pat/rep}` (every match), longest match at each place. */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  let out = '';
  let i = 0;
  while (i <= value.length) {
    let matched = -1;
    for (let k = value.length; k >= i; k--) {
      if (matchPattern(pattern, value.slice(i, k))) {
        matched = k;
        break;
      }
    }
    if (matched >= 0 && (matched > i || pattern === '')) {
      if (pattern === '') return value;
      out += replacement;
      i = matched;
      if (!all) return out + value.slice(i);
      continue;
    }
    if (i < value.length) out += value[i];
    i++;
  }
  return out;
}

/**
 * Pathname expansion: the paths that match, sorted; empty when none does.
 * A leading `.` is matched only by a pattern that spells it.
 */
export function globPaths(pattern: string, fs: FileSystem): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let candidates: string[] = [absolute ? '/' : ''];
  const join = (base: string, name: string) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
  for (const comp of absolute ? components.slice(1) : components) {
    const next: string[] = [];
    if (!hasGlob(comp)) {
      const name = unescapePattern(comp);
      for (const base of candidates) {
        const path = join(base, name);
        if (fs.stat(path) !== undefined) next.push(path);
      }
    } else {
      const re = new RegExp(`^${toRegexSource(comp, !comp.startsWith('.') && !comp.startsWith('\\.'))}$`);
      for (const base of candidates) {
        const dir = base === '' ? '.' : base;
        if (fs.stat(dir) !== 'dir') continue;
        const names = fs.list(dir);
        if (typeof names === 'string') continue;
        for (const name of names) if (name !== '.' && name !== '..' && re.test(name)) next.push(join(base, name));
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  if (pattern.endsWith('/')) candidates = candidates.filter((c) => fs.stat(c) === 'dir').map((c) => `${c}/`);
  return candidates.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
