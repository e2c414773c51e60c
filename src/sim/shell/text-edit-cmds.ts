/**
 * The text tools that reorder or rewrite characters and lines: sort (-b -f -n
 * -g -h -r -u -s -c -o -t, -k KEYDEF with per-key options), uniq (-c -d -u -i
 * -f -s -w) and tr (ranges, classes, escapes, -c -d -s). GNU coreutils in the
 * C.UTF-8 locale (code point order) on the Debian machines, busybox in
 * containers; sed has its own module (sed.ts).
 */
import { appletUsage } from './busybox-help.ts';
import { isOutput, join, lines, readOperand, toolOptions } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

// ---- sort ----------------------------------------------------------------------------

interface KeyOptions {
  blanks: boolean;
  fold: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  reverse: boolean;
  dictionary: boolean;
}

interface SortKey {
  startField: number;
  startChar: number;
  endField?: number;
  endChar?: number;
  options: KeyOptions;
  /** The key carries options of its own (then the global ones do not apply to it). */
  own: boolean;
}

const NO_OPTIONS: KeyOptions = { blanks: false, fold: false, numeric: false, general: false, human: false, reverse: false, dictionary: false };

function applyLetters(o: KeyOptions, letters: string): KeyOptions {
  const out = { ...o };
  for (const l of letters) {
    if (l === 'b') out.blanks = true;
    else if (l === 'f') out.fold = true;
    else if (l === 'n') out.numeric = true;
    else if (l === 'g') out.general = true;
    else if (l === 'h') out.human = true;
    else if (l === 'r') out.reverse = true;
    else if (l === 'd') out.dictionary = true;
  }
  return out;
}

/** KEYDEF: F[.C][OPTS][,F[.C][OPTS]], or the GNU error text for it. */
function parseKey(spec: string): SortKey | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinrRMV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrRMV]*))?$/.exec(spec);
  if (!m) return `invalid number at field start: invalid count at start of \u2018${spec}\u2019`;
  if (Number(m[1]) === 0) return `field number is zero: invalid field specification \u2018${spec}\u2019`;
  const letters = (m[3] ?? '') + (m[6] ?? '');
  const key: SortKey = { startField: Number(m[1]), startChar: m[2] ? Number(m[2]) : 1, options: applyLetters(NO_OPTIONS, letters), own: letters !== '' };
  if (m[4] !== undefined) {
    key.endField = Number(m[4]);
    key.endChar = m[5] ? Number(m[5]) : 0;
  }
  return key;
}

/** The text of a key in a line: fields by `sep`, or by GNU's blank-to-nonblank transitions (leading blanks kept). */
function keyText(line: string, key: SortKey, sep: string | undefined, globalBlanks: boolean): string {
  const starts: number[] = [];
  const ends: number[] = [];
  if (sep !== undefined) {
    let at = 0;
    for (const f of line.split(sep)) {
      starts.push(at);
      ends.push(at + f.length);
      at += f.length + sep.length;
    }
  } else {
    const re = /[ \t]*[^ \t]+/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    if (/[ \t]+$/.test(line)) {
      starts.push(ends[ends.length - 1] ?? 0);
      ends.push(line.length);
    }
  }
  const blanks = key.own ? key.options.blanks : globalBlanks;
  const fieldStart = (n: number) => (n - 1 < starts.length ? starts[n - 1]! : line.length);
  let from = fieldStart(key.startField);
  if (blanks) while (from < line.length && (line[from] === ' ' || line[from] === '\t')) from++;
  from = Math.min(line.length, from + key.startChar - 1);
  let to = line.length;
  if (key.endField !== undefined) {
    if (key.endChar === 0) to = key.endField - 1 < ends.length ? ends[key.endField - 1]! : line.length;
    else {
      let base = fieldStart(key.endField);
      if (blanks) while (base < line.length && (line[base] === ' ' || line[base] === '\t')) base++;
      to = Math.min(line.length, base + (key.endChar ?? 0));
    }
  }
  return to > from ? line.slice(from, to) : '';
}

const HUMAN = 'KMGTPEZY';

function numericValue(s: string, o: KeyOptions): number {
  if (o.general) {
    const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s);
    return m ? Number(m[0]) : Number.NEGATIVE_INFINITY;
  }
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?([KMGTPEZYk]?)/.exec(s)!;
  if (m[2] === '' && (m[3] ?? '') === '') return 0;
  let v = Number(`${m[1]}${m[2] || '0'}.${m[3] ?? ''}0`);
  if (o.human && m[4]) v *= 1024 ** (HUMAN.indexOf(m[4].toUpperCase()) + 1);
  return v;
}

function compareText(a: string, b: string, o: KeyOptions): number {
  if (o.numeric || o.general || o.human) {
    const d = numericValue(a, o) - numericValue(b, o);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  let x = a;
  let y = b;
  if (o.dictionary) {
    x = x.replace(/[^ \t0-9A-Za-z]/g, '');
    y = y.replace(/[^ \t0-9A-Za-z]/g, '');
  }
  if (o.fold) {
    x = x.toUpperCase();
    y = y.toUpperCase();
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

export const sortCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('sort', argv, ctx, {
    flags: busybox ? 'nrufbdgMsScmztV' : 'bdfghinMrRsuVcCmz',
    valued: busybox ? 'kto' : 'ktoST',
    long: { reverse: { key: 'r' }, unique: { key: 'u' }, numeric: { key: 'n' }, 'numeric-sort': { key: 'n' }, 'ignore-case': { key: 'f' }, 'human-numeric-sort': { key: 'h' }, 'general-numeric-sort': { key: 'g' }, key: { key: 'k', value: 'required' }, 'field-separator': { key: 't', value: 'required' }, output: { key: 'o', value: 'required' }, stable: { key: 's' }, check: { key: 'c', value: 'optional' }, 'ignore-leading-blanks': { key: 'b' } },
  });
  if (isOutput(parsed)) return { ...parsed, exitCode: 2 };
  let global = { ...NO_OPTIONS };
  const keys: SortKey[] = [];
  let sep: string | undefined;
  let unique = false;
  let stable = false;
  let check = false;
  let output: string | undefined;
  const err = (m: string): CommandOutput => fail(busybox ? `sort: ${m.startsWith('field number') || m.startsWith('invalid number') ? 'bad field specification' : m}\n` : `sort: ${m}\n`, 2);
  for (const [k, v] of parsed.options) {
    if (k === 'k') {
      const key = parseKey(v!);
      if (typeof key === 'string') return err(key);
      keys.push(key);
    } else if (k === 't') {
      if (v!.length !== 1) return err(busybox ? 'bad -t parameter' : `multi-character tab \u2018${v}\u2019`);
      sep = v;
    } else if (k === 'u') unique = true;
    else if (k === 's') stable = true;
    else if (k === 'c' || k === 'C') check = true;
    else if (k === 'o') output = v;
    else global = applyLetters(global, k);
  }
  let text = '';
  let stderr = '';
  for (const path of parsed.operands.length > 0 ? parsed.operands : ['-']) {
    const r = readOperand('sort', path, ctx, 'perror');
    if ('error' in r) stderr += busybox ? r.error : `sort: cannot read: ${path}: No such file or directory\n`;
    else text += r.text && !r.text.endsWith('\n') ? `${r.text}\n` : r.text;
  }
  if (stderr) return fail(stderr, 2);
  const compareKeys = (a: string, b: string): number => {
    const list = keys.length > 0 ? keys : [{ startField: 1, startChar: 1, options: global, own: false } as SortKey];
    for (const key of list) {
      const o = key.own ? key.options : global;
      const d = compareText(keyText(a, key, sep, global.blanks), keyText(b, key, sep, global.blanks), o);
      if (d !== 0) return o.reverse ? -d : d;
    }
    return 0;
  };
  const compare = (a: string, b: string): number => {
    const d = compareKeys(a, b);
    if (d !== 0 || stable || unique) return d;
    // GNU's last resort: the whole lines, byte by byte (reversed with -r).
    const last = a < b ? -1 : a > b ? 1 : 0;
    return global.reverse ? -last : last;
  };
  const all = lines(text);
  if (check) {
    for (let i = 1; i < all.length; i++) {
      const d = compare(all[i - 1]!, all[i]!);
      if (d > 0 || (unique && d === 0)) return fail(busybox ? `Check line ${i}\n` : `sort: -:${i + 1}: disorder: ${all[i]}\n`, 1);
    }
    return ok();
  }
  let sorted = all.map((l, i) => ({ l, i })).sort((x, y) => compare(x.l, y.l) || x.i - y.i).map((x) => x.l);
  if (unique) sorted = sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1]!, l) !== 0);
  if (output !== undefined) {
    const failed = ctx.fs.write(output, join(sorted), false);
    if (failed) return fail(busybox ? `sort: can't open '${output}': No such file or directory\n` : `sort: open failed: ${output}: No such file or directory\n`, 2);
    return ok();
  }
  return ok(join(sorted));
};

// ---- uniq ----------------------------------------------------------------------------

export const uniqCommand: Command = (argv, ctx) => {
  const parsed = toolOptions('uniq', argv, ctx, {
    flags: 'cdDuiz',
    valued: 'fsw',
    long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' }, 'skip-fields': { key: 'f', value: 'required' }, 'skip-chars': { key: 's', value: 'required' }, 'check-chars': { key: 'w', value: 'required' } },
  });
  if (isOutput(parsed)) return parsed;
  const has = (k: string) => parsed.options.some(([x]) => x === k);
  const num = (k: string) => Number(parsed.options.find(([x]) => x === k)?.[1] ?? 0);
  const [inputPath, outputPath] = parsed.operands;
  const r = readOperand('uniq', inputPath ?? '-', ctx);
  if ('error' in r) return fail(ctx.userland === 'busybox' ? r.error : `uniq: ${inputPath}: No such file or directory\n`, 1);
  const skipFields = num('f');
  const skipChars = num('s');
  const width = has('w') ? num('w') : Infinity;
  const keyOf = (line: string): string => {
    let rest = line;
    for (let f = 0; f < skipFields; f++) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
    rest = rest.slice(skipChars).slice(0, width);
    return has('i') ? rest.toLowerCase() : rest;
  };
  const groups: { line: string; key: string; count: number }[] = [];
  for (const line of lines(r.text)) {
    const last = groups[groups.length - 1];
    const key = keyOf(line);
    if (last && last.key === key) last.count++;
    else groups.push({ line, key, count: 1 });
  }
  const kept = groups.filter((g) => (has('d') ? g.count > 1 : has('u') ? g.count === 1 : true));
  const text = join(kept.map((g) => (has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line)));
  if (outputPath !== undefined) {
    ctx.fs.write(outputPath, text, false);
    return ok();
  }
  return ok(text);
};

// ---- tr ------------------------------------------------------------------------------

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  xdigit: '0123456789ABCDEFabcdef',
  space: '\t\n\v\f\r ',
  blank: '\t ',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** A tr SET as the characters it stands for: ranges, [:classes:], [c*n] and escapes. */
function expandSet(set: string): string[] {
  const out: string[] = [];
  const charAt = (i: number): [string, number] => {
    const ch = set[i]!;
    if (ch === '\\' && i + 1 < set.length) {
      const e = set[i + 1]!;
      if (/[0-7]/.test(e)) {
        const m = /^[0-7]{1,3}/.exec(set.slice(i + 1))!;
        return [String.fromCharCode(parseInt(m[0], 8)), 1 + m[0].length];
      }
      return [({ n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[e] ?? e, 2];
    }
    return [ch, 1];
  };
  for (let i = 0; i < set.length; ) {
    const cls = /^\[:(\w+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]!]) {
      out.push(...CLASSES[cls[1]!]!);
      i += cls[0].length;
      continue;
    }
    const [ch, len] = charAt(i);
    if (set[i + len] === '-' && i + len + 1 < set.length) {
      const [end, endLen] = charAt(i + len + 1);
      for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) out.push(String.fromCharCode(c));
      i += len + 1 + endLen;
      continue;
    }
    out.push(ch);
    i += len;
  }
  return out;
}

export const trCommand: Command = (argv, ctx: CommandContext) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('tr', argv, ctx, { flags: busybox ? 'cdsC' : 'cdstC', long: { complement: { key: 'c' }, delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, truncate: { key: 't' } } });
  if (isOutput(parsed)) return parsed;
  const has = (k: string) => parsed.options.some(([x]) => x === k || (k === 'c' && x === 'C'));
  const del = has('d');
  const squeeze = has('s');
  const [set1, set2] = parsed.operands;
  if (set1 === undefined || (busybox && del && set1 === undefined)) {
    return busybox ? fail(appletUsage('tr'), 1) : fail("tr: missing operand\nTry 'tr --help' for more information.\n", 1);
  }
  if (!busybox && !del && !squeeze && set2 === undefined) {
    return fail(`tr: missing operand after \u2018${set1}\u2019\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`, 1);
  }
  if (!busybox && del && !squeeze && set2 !== undefined) return fail(`tr: extra operand \u2018${set2}\u2019\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n`, 1);
  const from = expandSet(set1);
  const to = set2 === undefined ? [] : expandSet(set2);
  const fromSet = new Set(from);
  const inFrom = (ch: string) => fromSet.has(ch) !== has('c');
  const translate = (ch: string): string => {
    if (del || to.length === 0) return ch;
    if (has('c')) return inFrom(ch) ? to[to.length - 1]! : ch;
    const at = from.lastIndexOf(ch);
    return at < 0 ? ch : to[Math.min(at, to.length - 1)]!;
  };
  const squeezeSet = new Set(del || set2 !== undefined ? to : from);
  let out = '';
  let last: string | undefined;
  for (const ch of ctx.stdin) {
    if (del && inFrom(ch)) continue;
    const c = translate(ch);
    if (squeeze && c === last && (del || set2 !== undefined ? squeezeSet.has(c) : inFrom(c))) continue;
    out += c;
    last = c;
  }
  return ok(out);
};
