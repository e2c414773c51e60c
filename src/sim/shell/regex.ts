/**
 * POSIX regular expressions as JavaScript ones, for grep, sed, awk and find:
 * basic (BRE: `\(`, `\{m,n\}`, and GNU's `\|`, `\+`, `\?`) and extended (ERE)
 * syntax, bracket expressions with `[:classes:]` (a backslash is literal
 * inside them), GNU's `\<`, `\>`, `\b`, `\w`, `\s`, and shell globs (`*.conf`)
 * for find -name. What cannot compile comes back as the kind of error, which
 * each tool words its own way. JavaScript's leftmost-first alternation stands
 * in for POSIX's leftmost-longest (they differ only for alternatives that are
 * prefixes of each other).
 */

export type RegexError = 'paren' | 'close-paren' | 'bracket' | 'brace' | 'backref' | 'trailing-backslash' | 'class' | 'range' | 'invalid';

const ERRORS: ReadonlySet<string> = new Set<RegexError>(['paren', 'close-paren', 'bracket', 'brace', 'backref', 'trailing-backslash', 'class', 'range', 'invalid']);

/** Whether posixSource's answer is an error rather than a source. */
export const isRegexError = (s: string): s is RegexError => ERRORS.has(s);

export interface RegexOptions {
  extended: boolean;
  ignoreCase?: boolean;
  global?: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  word: '0-9a-zA-Z_',
};

/** A character as it may stand inside a JavaScript character class. */
const classChar = (ch: string): string => (/[\\\]^[-]/.test(ch) ? `\\${ch}` : ch);
/** A character as a literal outside a class. */
export const literal = (ch: string): string => (/[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch);

/** Reads a bracket expression starting at `[`; returns the class source and where it ends. */
function bracket(pattern: string, start: number): { source: string; end: number } | RegexError {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= pattern.length) return 'bracket';
    const ch = pattern[i]!;
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '.' || pattern[i + 1] === '=')) {
      const kind = pattern[i + 1]!;
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) return 'bracket';
      const name = pattern.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return 'class';
        body += cls;
      } else body += [...name].map(classChar).join('');
      i = close + 2;
      continue;
    }
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      const to = pattern[i + 2]!;
      if (to.charCodeAt(0) < ch.charCodeAt(0)) return 'range';
      body += `${classChar(ch)}-${classChar(to)}`;
      i += 3;
      continue;
    }
    body += classChar(ch);
    i++;
  }
  return { source: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
}

/** Whether `{...}` at `i` is an interval (`{2}`, `{1,}`, `{,3}`, `{1,3}`); its source and end. */
function interval(pattern: string, i: number, closer: string): { source: string; end: number } | undefined {
  const rest = pattern.slice(i);
  const m = closer === '}' ? /^\{(\d*)(,?)(\d*)\}/.exec(rest) : /^\\\{(\d*)(,?)(\d*)\\\}/.exec(rest);
  if (!m || (m[1] === '' && m[3] === '' && m[2] === '')) return undefined;
  return { source: `{${m[1] === '' ? '0' : m[1]}${m[2]}${m[3]}}`, end: i + m[0].length };
}

/** The JavaScript source of a POSIX regular expression, or why it cannot compile. */
export function posixSource(pattern: string, extended: boolean): string | RegexError {
  let out = '';
  let depth = 0;
  let groups = 0;
  /** Where a `*` is literal and `^` is an anchor: at the start, after `(` or `|`. */
  let atStart = true;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    const startHere = atStart;
    atStart = false;
    if (ch === '[') {
      const b = bracket(pattern, i);
      if (typeof b === 'string') return b;
      out += b.source;
      i = b.end;
      continue;
    }
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return 'trailing-backslash';
      i += 2;
      if (!extended && next === '(') {
        out += '(';
        depth++;
        groups++;
        atStart = true;
      } else if (!extended && next === ')') {
        if (depth === 0) return 'close-paren';
        out += ')';
        depth--;
      } else if (!extended && next === '|') {
        out += '|';
        atStart = true;
      } else if (!extended && (next === '+' || next === '?')) out += startHere ? `\\${next}` : next;
      else if (!extended && next === '{') {
        const iv = interval(pattern, i - 2, '\\}');
        if (!iv) return 'brace';
        out += iv.source;
        i = iv.end;
      } else if (/[1-9]/.test(next)) {
        if (Number(next) > groups) return 'backref';
        out += `\\${next}`;
      } else if (next === '<') out += '\\b(?=\\w)';
      else if (next === '>') out += '\\b(?<=\\w)';
      else if ('bBwWsS'.includes(next)) out += `\\${next}`;
      else if (next === 'n') out += '\\n';
      else if (next === 't') out += '\\t';
      else out += literal(next);
      continue;
    }
    i++;
    if (extended) {
      if (ch === '(') {
        out += '(';
        depth++;
        groups++;
        atStart = true;
      } else if (ch === ')') {
        if (depth === 0) out += '\\)';
        else {
          out += ')';
          depth--;
        }
      } else if (ch === '|') {
        out += '|';
        atStart = true;
      } else if (ch === '{') {
        const iv = interval(pattern, i - 1, '}');
        if (iv && !startHere) {
          out += iv.source;
          i = iv.end;
        } else out += '\\{';
      } else if (ch === '}') out += '\\}';
      else if ((ch === '*' || ch === '+' || ch === '?') && startHere) out += `\\${ch}`;
      else if (ch === '^') {
        out += '^';
        atStart = true;
      } else if (ch === '/') out += '\\/';
      else out += ch;
      continue;
    }
    // Basic syntax: ( ) { } | + ? are plain characters.
    if ('(){}|+?/'.includes(ch)) out += `\\${ch}`;
    else if (ch === '*') out += startHere ? '\\*' : '*';
    else if (ch === '^') {
      if (startHere) {
        out += '^';
        atStart = true;
      } else out += '\\^';
    } else if (ch === '$') {
      const rest = pattern.slice(i);
      out += rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$';
    } else out += ch;
  }
  if (depth > 0) return 'paren';
  return out;
}

/** A compiled POSIX regular expression, or why it cannot compile. */
export function posixRegex(pattern: string, options: RegexOptions): RegExp | RegexError {
  const source = posixSource(pattern, options.extended);
  if (!isRegexError(source)) {
    try {
      return new RegExp(source, `${options.global ? 'g' : ''}${options.ignoreCase ? 'i' : ''}`);
    } catch {
      return 'invalid';
    }
  }
  return source;
}

/** glibc's regerror() text for each kind (GNU grep and sed print these). */
export const GNU_REGEX_MESSAGES: Record<RegexError, string> = {
  paren: 'Unmatched ( or \\(',
  'close-paren': 'Unmatched ) or \\)',
  bracket: 'Unmatched [, [^, [:, [., or [=',
  brace: 'Unmatched \\{',
  backref: 'Invalid back reference',
  'trailing-backslash': 'Trailing backslash',
  class: 'Invalid character class name',
  range: 'Invalid range end',
  invalid: 'Invalid regular expression',
};

/** A shell glob (find -name, case patterns): `*`, `?`, `[...]`, `\x`, matched against the whole name. */
export function globRegex(glob: string, ignoreCase = false): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '\\' && i + 1 < glob.length) out += literal(glob[++i]!);
    else if (ch === '[') {
      const b = bracket(glob.replace(/\[!/g, '[^'), i);
      if (typeof b === 'string') out += '\\[';
      else {
        out += b.source;
        i = b.end - 1;
      }
    } else out += literal(ch);
  }
  return new RegExp(`^${out}$`, ignoreCase ? 'is' : 's');
}
