/**
 * The text tools that reorder or rewrite lines: sort (-n -r -u -k -t), uniq
 * (-c -d -u), tr (ranges, classes, -d, -s) and sed (s///, d, p, q with line,
 * `$` and /regex/ addresses; -n, -e, -E). GNU behaviour in the C locale, which
 * busybox matches for these forms.
 */
import { basicToExtended, inputText } from './text-cmds.ts';
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';

const lines = (text: string): string[] => {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
};
const join = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

/** Splits argv into single-letter flags (with their values) and operands. */
function options(argv: string[], withValue: string): { flags: Map<string, string>; operands: string[] } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a.length === 1) {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (withValue.includes(f)) {
        flags.set(f, j + 1 < a.length ? a.slice(j + 1) : (argv[++i] ?? ''));
        break;
      }
      flags.set(f, '');
    }
  }
  return { flags, operands };
}

export const sortCommand: Command = (argv, ctx) => {
  const { flags, operands } = options(argv, 'kt');
  const input = inputText('sort', operands, ctx);
  if (typeof input !== 'string') return input;
  const separator = flags.get('t');
  const keySpec = flags.get('k');
  const key = (line: string): string => {
    if (keySpec === undefined) return line;
    const m = /^(\d+)(?:,(\d+))?/.exec(keySpec);
    if (!m) return line;
    const fields = separator ? line.split(separator) : line.trim().split(/\s+/);
    const from = Number(m[1]) - 1;
    const to = m[2] === undefined ? fields.length : Number(m[2]);
    return fields.slice(from, to).join(separator ?? ' ');
  };
  const numeric = flags.has('n');
  const compare = (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    if (numeric) {
      const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    // GNU's last-resort comparison of whole lines keeps the order total.
    return a === b ? 0 : a < b ? -1 : 1;
  };
  let sorted = lines(input).sort(compare);
  if (flags.has('r')) sorted.reverse();
  if (flags.has('u')) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1]!, l) !== 0);
  return ok(join(sorted));
};

export const uniqCommand: Command = (argv, ctx) => {
  const { flags, operands } = options(argv, '');
  const input = inputText('uniq', operands.slice(0, 1), ctx);
  if (typeof input !== 'string') return input;
  const groups: { line: string; count: number }[] = [];
  for (const line of lines(input)) {
    const last = groups[groups.length - 1];
    if (last && last.line === line) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter((g) => (flags.has('d') ? g.count > 1 : flags.has('u') ? g.count === 1 : true));
  return ok(join(kept.map((g) => (flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line))));
};

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** A tr SET as the characters it stands for: ranges, [:classes:] and escapes. */
function expandSet(set: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]!]) {
      out.push(...CLASSES[cls[1]!]!);
      i += cls[0].length - 1;
      continue;
    }
    let ch = set[i]!;
    if (ch === '\\' && i + 1 < set.length) {
      const e = set[++i]!;
      ch = ({ n: '\n', t: '\t', r: '\r', '\\': '\\' } as Record<string, string>)[e] ?? e;
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set.charCodeAt(i + 2);
      for (let c = ch.charCodeAt(0); c <= end; c++) out.push(String.fromCharCode(c));
      i += 2;
      continue;
    }
    out.push(ch);
  }
  return out;
}

export const trCommand: Command = (argv, ctx) => {
  const { flags, operands } = options(argv, '');
  const del = flags.has('d');
  const squeeze = flags.has('s');
  const [set1, set2] = operands;
  if (set1 === undefined || (!del && !squeeze && set2 === undefined)) {
    return fail(set1 === undefined ? "tr: missing operand\nTry 'tr --help' for more information.\n" : `tr: missing operand after '${set1}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`, 1);
  }
  const from = expandSet(set1);
  const to = set2 === undefined ? [] : expandSet(set2);
  let out = '';
  let last: string | undefined;
  const squeezeSet = new Set(del ? to : to.length > 0 ? to : from);
  for (const ch of ctx.stdin) {
    let c: string | undefined = ch;
    const at = from.indexOf(ch);
    if (del && at >= 0) c = undefined;
    else if (!del && at >= 0 && to.length > 0) c = to[Math.min(at, to.length - 1)]!;
    if (c === undefined) continue;
    if (squeeze && c === last && squeezeSet.has(c)) continue;
    out += c;
    last = c;
  }
  return ok(out);
};

// ---- sed ---------------------------------------------------------------------------

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  op: 's' | 'd' | 'p' | 'q';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
}

class SedError extends Error {}

function sedRegex(source: string, extended: boolean, flags = ''): RegExp {
  try {
    return new RegExp(extended ? source : basicToExtended(source), flags);
  } catch {
    throw new SedError(`-e expression #1, char ${source.length}: Invalid preceding regular expression`);
  }
}

/** Parses a sed script: `;`- or newline-separated commands with optional addresses. */
function parseSed(script: string, extended: boolean): SedCommand[] {
  const commands: SedCommand[] = [];
  let i = 0;
  const readDelimited = (delim: string): string => {
    let out = '';
    for (; i < script.length; i++) {
      const ch = script[i]!;
      if (ch === '\\' && script[i + 1] === delim) {
        out += delim;
        i++;
      } else if (ch === '\\' && i + 1 < script.length) {
        out += ch + script[++i]!;
      } else if (ch === delim) {
        i++;
        return out;
      } else out += ch;
    }
    throw new SedError(`-e expression #1, char ${script.length}: unterminated \`s' command`);
  };
  const address = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/') {
      i++;
      return { kind: 're', re: sedRegex(readDelimited('/'), extended) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCommand = { negate: false, op: 'p' };
    const from = address();
    if (from) cmd.from = from;
    if (from && script[i] === ',') {
      i++;
      const to = address();
      if (!to) throw new SedError(`-e expression #1, char ${i}: unexpected \`,'`);
      cmd.to = to;
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const op = script[i++];
    if (op === 's') {
      const delim = script[i++];
      if (delim === undefined) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
      const pattern = readDelimited(delim);
      const replacement = readDelimited(delim);
      const flagText = /^[gpiI0-9]*/.exec(script.slice(i))![0];
      i += flagText.length;
      cmd.op = 's';
      cmd.re = sedRegex(pattern, extended, `${flagText.includes('g') ? 'g' : ''}${/[iI]/.test(flagText) ? 'i' : ''}`);
      cmd.replacement = replacement;
      cmd.global = flagText.includes('g');
      cmd.print = flagText.includes('p');
    } else if (op === 'd' || op === 'p' || op === 'q') {
      cmd.op = op;
    } else {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${op ?? ''}'`);
    }
    commands.push(cmd);
  }
  return commands;
}

/** sed's replacement text: `&` is the match, `\1`-`\9` the groups, `\n` a newline. */
function substitute(replacement: string, match: RegExpExecArray | string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i]!;
      out += /\d/.test(next) ? (match[Number(next)] ?? '') : next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else out += ch === '&' ? match[0]! : ch;
  }
  return out;
}

export const sedCommand: Command = (argv, ctx) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '');
    else if (a === '-n' || a === '--quiet') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-i') inPlace = true;
    else if (/^-[nEri]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
      inPlace ||= a.includes('i');
    } else if (scripts.length === 0 && files.length === 0 && !a.startsWith('-')) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) return fail('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n', 1);
  let program: SedCommand[];
  try {
    program = parseSed(scripts.join('\n'), extended);
  } catch (e) {
    if (e instanceof SedError) return fail(`sed: ${e.message}\n`, 1);
    throw e;
  }
  const edit = (text: string): string => {
    const all = lines(text);
    const active = new Map<SedCommand, boolean>();
    const matches = (a: Address, n: number, line: string) => (a.kind === 'line' ? a.n === n : a.kind === 'last' ? n === all.length : a.re.test(line));
    let out = '';
    for (let n = 1; n <= all.length; n++) {
      let line = all[n - 1]!;
      let deleted = false;
      let quit = false;
      for (const cmd of program) {
        let selected = true;
        if (cmd.from && !cmd.to) selected = matches(cmd.from, n, line);
        else if (cmd.from && cmd.to) {
          if (active.get(cmd)) {
            selected = true;
            if (cmd.to.kind === 'line' ? n >= cmd.to.n : matches(cmd.to, n, line)) active.set(cmd, false);
          } else if (matches(cmd.from, n, line)) {
            selected = true;
            active.set(cmd, !(cmd.to.kind === 'line' && cmd.to.n <= n));
          } else selected = false;
        }
        if (selected === cmd.negate) continue;
        if (cmd.op === 'd') {
          deleted = true;
          break;
        }
        if (cmd.op === 'p') out += `${line}\n`;
        if (cmd.op === 'q') {
          quit = true;
          break;
        }
        if (cmd.op === 's') {
          const re = cmd.re!;
          re.lastIndex = 0;
          let changed = false;
          line = line.replace(re, (...m: unknown[]) => {
            changed = true;
            const groups = m.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''));
            return substitute(cmd.replacement!, groups);
          });
          if (changed && cmd.print) out += `${line}\n`;
        }
      }
      if (!deleted && !quiet) out += `${line}\n`;
      if (quit) break;
    }
    return out;
  };
  if (inPlace) {
    let stderr = '';
    for (const file of files) {
      const text = ctx.fs.read(file);
      if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') stderr += `sed: can't read ${file}: No such file or directory\n`;
      else ctx.fs.write(file, edit(text), false);
    }
    return { stdout: '', stderr, exitCode: stderr ? 2 : 0 };
  }
  const input = inputText('sed', files, ctx);
  if (typeof input !== 'string') return input;
  return ok(edit(input));
};
