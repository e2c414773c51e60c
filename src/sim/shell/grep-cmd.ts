/**
 * grep, egrep and fgrep: GNU grep 3.8 on the Debian machines and images,
 * busybox grep in the rig's and alpine's containers. Patterns from operands,
 * `-e` (repeatable) and `-f`; -E/-F/-G, -i, -v, -w, -x, -c, -l, -L, -o, -q,
 * -s, -n, -h/-H, -m, -A/-B/-C, -r over the file tree, `--` and the long
 * forms. Exit status 0 when a line was selected, 1 when none, 2 on an error
 * (GNU: unless -q found a line). Texts checked against both tools.
 */
import { appletUsage } from './busybox-help.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import { GNU_REGEX_MESSAGES, isRegexError, literal, posixSource } from './regex.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';

const LONG = {
  'extended-regexp': { key: 'E' },
  'fixed-strings': { key: 'F' },
  'basic-regexp': { key: 'G' },
  regexp: { key: 'e', value: 'required' },
  file: { key: 'f', value: 'required' },
  'ignore-case': { key: 'i' },
  'no-ignore-case': { key: 'no-i' },
  'invert-match': { key: 'v' },
  'word-regexp': { key: 'w' },
  'line-regexp': { key: 'x' },
  count: { key: 'c' },
  'files-with-matches': { key: 'l' },
  'files-without-match': { key: 'L' },
  'only-matching': { key: 'o' },
  quiet: { key: 'q' },
  silent: { key: 'q' },
  'no-messages': { key: 's' },
  'line-number': { key: 'n' },
  'with-filename': { key: 'H' },
  'no-filename': { key: 'h' },
  'max-count': { key: 'm', value: 'required' },
  'after-context': { key: 'A', value: 'required' },
  'before-context': { key: 'B', value: 'required' },
  context: { key: 'C', value: 'required' },
  recursive: { key: 'r' },
  'dereference-recursive': { key: 'R' },
  color: { key: 'color', value: 'optional' },
  colour: { key: 'color', value: 'optional' },
  text: { key: 'a' },
} as const;

const GNU_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

interface GrepOptions {
  mode: 'G' | 'E' | 'F';
  patterns: string[];
  patternGiven: boolean;
  ignoreCase: boolean;
  invert: boolean;
  word: boolean;
  line: boolean;
  count: boolean;
  listMatching: boolean;
  listMissing: boolean;
  only: boolean;
  quiet: boolean;
  noMessages: boolean;
  numbers: boolean;
  names?: boolean;
  max?: number;
  after: number;
  before: number;
  recursive: boolean;
}

/** grep as `tool` (grep, egrep, fgrep) of one userland. */
export function grepCommand(tool: 'grep' | 'egrep' | 'fgrep' = 'grep'): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const usage = (message: string): CommandOutput => ({ stdout: '', stderr: message + (busybox ? appletUsage('grep') : GNU_USAGE), exitCode: 2 });
    const parsed = getopt(argv, busybox ? { flags: 'HhnlLoqvsrRiwxFEzc', valued: 'mABCef' } : { flags: 'EFGivwxclLoqsnhHrRyaIzZUbTu', valued: 'efmABCd', long: LONG, digits: true });
    if (isGetoptError(parsed)) return usage(getoptMessage(tool, parsed));
    const o: GrepOptions = { mode: tool === 'egrep' ? 'E' : tool === 'fgrep' ? 'F' : 'G', patterns: [], patternGiven: false, ignoreCase: false, invert: false, word: false, line: false, count: false, listMatching: false, listMissing: false, only: false, quiet: false, noMessages: false, numbers: false, after: 0, before: 0, recursive: false };
    for (const [key, value] of parsed.options) {
      switch (key) {
        case 'E':
        case 'F':
        case 'G':
          o.mode = key;
          break;
        case 'e':
          o.patterns.push(...value!.split('\n'));
          o.patternGiven = true;
          break;
        case 'f': {
          const text = ctx.fs.read(value!);
          if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') return { stdout: '', stderr: `${tool}: ${value}: No such file or directory\n`, exitCode: 2 };
          if (text !== '') o.patterns.push(...text.replace(/\n$/, '').split('\n'));
          o.patternGiven = true;
          break;
        }
        case 'i':
        case 'y':
          o.ignoreCase = true;
          break;
        case 'no-i':
          o.ignoreCase = false;
          break;
        case 'v':
          o.invert = true;
          break;
        case 'w':
          o.word = true;
          break;
        case 'x':
          o.line = true;
          break;
        case 'c':
          o.count = true;
          break;
        case 'l':
          o.listMatching = true;
          break;
        case 'L':
          o.listMissing = true;
          break;
        case 'o':
          o.only = true;
          break;
        case 'q':
          o.quiet = true;
          break;
        case 's':
          o.noMessages = true;
          break;
        case 'n':
          o.numbers = true;
          break;
        case 'H':
          o.names = true;
          break;
        case 'h':
          o.names = false;
          break;
        case 'r':
        case 'R':
          o.recursive = true;
          break;
        case 'm':
        case 'A':
        case 'B':
        case 'C':
        case 'digits': {
          const n = Number(value);
          if (!/^\d+$/.test(value!)) {
            if (busybox) return { stdout: '', stderr: `${tool}: invalid number '${value}'\n`, exitCode: 2 };
            return { stdout: '', stderr: key === 'm' ? `${tool}: invalid max count\n` : `${tool}: ${value}: invalid context length argument\n`, exitCode: 2 };
          }
          if (key === 'm') o.max = n;
          if (key === 'A' || key === 'C' || key === 'digits') o.after = n;
          if (key === 'B' || key === 'C' || key === 'digits') o.before = n;
          break;
        }
        default:
          break;
      }
    }
    const operands = [...parsed.operands];
    if (!o.patternGiven) {
      const first = operands.shift();
      if (first === undefined) return usage('');
      o.patterns.push(...first.split('\n'));
    }
    const matcher = compile(o, busybox, tool);
    if (typeof matcher === 'string') return { stdout: '', stderr: matcher, exitCode: 2 };
    return search(o, matcher, operands, ctx, tool);
  };
}

type Matcher = { test: (line: string) => boolean; all: (line: string) => string[] };

/** One regular expression for all the patterns (any of them selects a line), or the error text. */
function compile(o: GrepOptions, busybox: boolean, tool: string): Matcher | string {
  const sources: string[] = [];
  for (const p of o.patterns) {
    if (o.mode === 'F') {
      sources.push([...p].map(literal).join(''));
      continue;
    }
    const source = posixSource(p, o.mode === 'E');
    if (isRegexError(source)) {
      return busybox ? `${tool}: bad regex '${p}'\n` : `${tool}: ${GNU_REGEX_MESSAGES[source]}\n`;
    }
    sources.push(source);
  }
  if (sources.length === 0) return { test: () => false, all: () => [] };
  const wrap = (s: string) => (o.line ? `^(?:${s})$` : o.word ? `(?<![0-9A-Za-z_])(?:${s})(?![0-9A-Za-z_])` : s);
  const flags = o.ignoreCase ? 'i' : '';
  let re: RegExp;
  let global: RegExp;
  try {
    const joined = sources.map((s) => `(?:${wrap(s)})`).join('|');
    re = new RegExp(joined, flags);
    global = new RegExp(joined, `g${flags}`);
  } catch {
    return busybox ? `${tool}: bad regex '${o.patterns[0]}'\n` : `${tool}: ${GNU_REGEX_MESSAGES.invalid}\n`;
  }
  return {
    test: (line) => re.test(line),
    all: (line) => {
      global.lastIndex = 0;
      const found: string[] = [];
      for (let m = global.exec(line); m; m = global.exec(line)) {
        if (m[0] === '') global.lastIndex++;
        else found.push(m[0]);
      }
      return found;
    },
  };
}

const lines = (text: string): string[] => {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
};

/** The files a recursive grep reads under a directory, depth first in name order. */
function walk(ctx: CommandContext, dir: string): string[] {
  const names = ctx.fs.list(dir);
  if (typeof names === 'string') return [];
  const out: string[] = [];
  for (const name of names) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const kind = ctx.fs.stat(path);
    if (kind === 'dir') out.push(...walk(ctx, path));
    else if (kind === 'file') out.push(path);
  }
  return out;
}

function search(o: GrepOptions, m: Matcher, operands: string[], ctx: CommandContext, tool: string): CommandOutput {
  const busybox = ctx.userland === 'busybox';
  const targets = operands.length > 0 ? operands : o.recursive && !busybox ? ['.'] : ['-'];
  const withNames = o.names ?? (targets.length > 1 || o.recursive);
  const context = o.before > 0 || o.after > 0;
  let stdout = '';
  let stderr = '';
  let error = false;
  let selectedAny = false;
  /** The last line printed (input, index), for the `--` between groups of context. */
  let last: { input: number; index: number } | undefined;
  let inputNo = 0;

  /** Reads one input; true when -q can stop. */
  const grepInput = (name: string, text: string): boolean => {
    const input = inputNo++;
    const all = lines(text);
    const emit = (i: number, sep: ':' | '-', body: string) => {
      if (context && last && (last.input !== input || i > last.index + 1)) stdout += '--\n';
      stdout += (withNames ? `${name}${sep}` : '') + (o.numbers ? `${i + 1}${sep}` : '') + `${body}\n`;
      last = { input, index: i };
    };
    const printedUpTo = () => (last && last.input === input ? last.index + 1 : 0);
    let selected = 0;
    let afterLeft = 0;
    const listing = o.count || o.listMatching || o.listMissing || o.quiet;
    for (let i = 0; i < all.length; i++) {
      const line = all[i]!;
      const done = o.max !== undefined && selected >= o.max;
      const hit = !done && m.test(line) !== o.invert;
      if (!hit) {
        if (done && afterLeft === 0) break;
        if (afterLeft > 0 && !listing) {
          emit(i, '-', line);
          afterLeft--;
        }
        continue;
      }
      selected++;
      selectedAny = true;
      if (o.quiet) return true;
      if (listing) continue;
      if (!o.only) for (let b = Math.max(printedUpTo(), i - o.before); b < i; b++) emit(b, '-', all[b]!);
      if (!o.only) emit(i, ':', line);
      else if (!o.invert) for (const part of m.all(line)) emit(i, ':', part);
      afterLeft = o.after;
    }
    if (o.count) stdout += `${withNames ? `${name}:` : ''}${selected}\n`;
    else if (o.listMatching && selected > 0) stdout += `${name}\n`;
    else if (o.listMissing && selected === 0) stdout += `${name}\n`;
    return false;
  };

  const fail = (message: string) => {
    error = true;
    if (!o.noMessages) stderr += message;
  };
  outer: for (const target of targets) {
    if (target === '-') {
      if (grepInput('(standard input)', ctx.stdin)) break;
      continue;
    }
    const kind = ctx.fs.stat(target);
    if (kind === undefined) fail(`${tool}: ${target}: No such file or directory\n`);
    else if (kind === 'file') {
      if (grepInput(target, ctx.fs.read(target) as string)) break;
    } else if (o.recursive) {
      for (const path of walk(ctx, target)) {
        if (grepInput(operands.length === 0 && path.startsWith('./') ? path.slice(2) : path, ctx.fs.read(path) as string)) break outer;
      }
    } else if (!busybox) fail(`${tool}: ${target}: Is a directory\n`);
  }
  if (o.quiet && selectedAny) return { stdout: '', stderr, exitCode: 0 };
  const success = o.listMissing ? stdout !== '' : selectedAny;
  return { stdout, stderr, exitCode: error ? 2 : success ? 0 : 1 };
}
