/**
 * The text tools tutorials pipe through, for the forms they use: cut (-d -f,
 * -c), head (-N, -n N), tail (-n N), wc (-l -w -c), grep (-v -c -q -E -F -i -o).
 * GNU coreutils/grep and busybox print these alike; where they differ (wc's
 * padding with several counts) the GNU form is used on hosts.
 */
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

const lines = (text: string): string[] => {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
};
const join = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

/**
 * A tool's input: its file operands concatenated, or stdin when there are none
 * (or for `-`). A missing file is the tool's error (exit 1, grep and sed 2).
 */
export function inputText(tool: string, paths: string[], ctx: CommandContext): string | CommandOutput {
  if (paths.length === 0) return ctx.stdin;
  let text = '';
  let stderr = '';
  for (const path of paths) {
    const content = path === '-' ? ctx.stdin : ctx.fs.read(path);
    if (content === 'ENOENT' || content === 'ENOTDIR' || content === 'EEXIST') {
      stderr +=
        tool === 'sed' ? `sed: can't read ${path}: No such file or directory\n` : ctx.userland === 'busybox' ? `${tool}: can't open '${path}': No such file or directory\n` : `${tool}: ${path}: No such file or directory\n`;
    } else if (content === 'EISDIR') stderr += ctx.userland === 'busybox' ? `${tool}: read error: Is a directory\n` : `${tool}: ${path}: Is a directory\n`;
    else text += content;
  }
  return stderr ? { stdout: text, stderr, exitCode: tool === 'grep' || tool === 'sed' ? 2 : 1 } : text;
}

/** Operands of a tool whose options take no values except those listed. */
function fileOperands(argv: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (valued.includes(a)) i++;
    else if (!a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

/** Runs a text tool over its input, passing a missing file's error through. */
function withInput(tool: string, argv: string[], valued: string[], ctx: CommandContext, run: (text: string) => CommandOutput): CommandOutput {
  const input = inputText(tool, fileOperands(argv, valued), ctx);
  if (typeof input !== 'string') {
    const partial = run(input.stdout);
    return { stdout: partial.stdout, stderr: input.stderr, exitCode: input.exitCode };
  }
  return run(input);
}

/** `1,3`, `2-`, `-2`, `1-3`: 1-based positions a list selects. */
function selector(list: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    ranges.push([from, to]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cutCommand: Command = (argv, ctx) => {
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string) => (a.length > 2 ? a.slice(2) : argv[++i]) ?? flag;
    if (a.startsWith('-d')) delim = value('');
    else if (a.startsWith('-f')) fields = value('');
    else if (a.startsWith('-c')) chars = value('');
  }
  const list = fields ?? chars;
  const pick = list === undefined ? undefined : selector(list);
  if (!pick) return fail("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1);
  if (chars !== undefined) return ok(join(lines(ctx.stdin).map((l) => [...l].filter((_c, i) => pick(i + 1)).join(''))));
  if (delim.length !== 1) return fail('cut: the delimiter must be a single character\nTry \'cut --help\' for more information.\n', 1);
  return ok(
    join(
      lines(ctx.stdin).map((l) => {
        if (!l.includes(delim)) return l;
        return l.split(delim).filter((_f, i) => pick(i + 1)).join(delim);
      }),
    ),
  );
};

function countArg(argv: string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^-\d+$/.test(a)) return Number(a.slice(1));
    if (a === '-n') return Number(argv[i + 1]);
    if (/^-n\d+$/.test(a)) return Number(a.slice(2));
  }
  return 10;
}

export const headCommand: Command = (argv, ctx) => withInput('head', argv, ['-n'], ctx, (text) => ok(join(lines(text).slice(0, countArg(argv)))));
export const tailCommand: Command = (argv, ctx) =>
  withInput('tail', argv, ['-n'], ctx, (text) => {
    const n = countArg(argv) ?? 10;
    const all = lines(text);
    return ok(join(n === 0 ? [] : all.slice(-n)));
  });

export const wcCommand: Command = (argv, ctx) => withInput('wc', argv, [], ctx, (text) => wcText(argv, text));

function wcText(argv: string[], text: string): CommandOutput {
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter((w) => w !== '').length, c: new TextEncoder().encode(text).length };
  const wanted = argv.filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]) as ('l' | 'w' | 'c')[];
  const order: ('l' | 'w' | 'c')[] = wanted.length === 0 ? ['l', 'w', 'c'] : (['l', 'w', 'c'] as const).filter((k) => wanted.includes(k));
  if (order.length === 1) return ok(`${counts[order[0]!]}\n`);
  // GNU pads every count to the widest one's width (at least 7 when reading a pipe).
  const width = Math.max(7, ...order.map((k) => String(counts[k]).length));
  return ok(`${order.map((k) => String(counts[k]).padStart(width)).join(' ')}\n`);
}

export const grepCommand: Command = (argv, ctx): CommandOutput => {
  const flags = new Set<string>();
  let pattern: string | undefined;
  const files: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-') && a.length > 1 && pattern === undefined) for (const f of a.slice(1)) flags.add(f);
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
  let re: RegExp;
  try {
    const source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : basicToExtended(pattern);
    re = new RegExp(source, flags.has('i') ? 'i' : '');
  } catch {
    return fail(`grep: Unmatched ( or \\(\n`, 2);
  }
  const input = inputText('grep', files, ctx);
  if (typeof input !== 'string') return { ...input, stdout: '' };
  const matching = lines(input).filter((l) => re.test(l) !== flags.has('v'));
  const status = matching.length > 0 ? 0 : 1;
  if (flags.has('q')) return { stdout: '', stderr: '', exitCode: status };
  if (flags.has('c')) return { stdout: `${matching.length}\n`, stderr: '', exitCode: status };
  if (flags.has('o')) return { stdout: join(matching.flatMap((l) => l.match(new RegExp(re.source, `g${re.flags}`)) ?? [])), stderr: '', exitCode: status };
  return { stdout: join(matching), stderr: '', exitCode: status };
};

/** POSIX basic regular expressions: `\(`, `\|`, `\+` are the special forms; bare ones are literal. */
export function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      out += '(){}|+?'.includes(next) ? next : `\\${next}`;
    } else {
      out += '(){}|+?'.includes(ch) ? `\\${ch}` : ch;
    }
  }
  return out;
}
