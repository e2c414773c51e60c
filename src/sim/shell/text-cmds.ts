/**
 * The line tools tutorials pipe through: cut (-d -f -s, -c, -b), head and
 * tail (-n N, -N, -n +N, -n -N, -c N, several files with headers), wc (-l -w
 * -c -m -L), tee (-a) and seq (FIRST INC LAST, -s, -w). GNU coreutils' words
 * on the Debian machines, busybox's in containers, where they differ.
 */
import { appletUsage } from './busybox-help.ts';
import { getopt, getoptMessage, gnuTryHelp, isGetoptError, type OptionSpec, type Parsed } from './getopt.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

export const lines = (text: string): string[] => {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
};
export const join = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

/** A file operand's content, or the tool's error line for it. */
export function readOperand(tool: string, path: string, ctx: CommandContext, busyboxStyle: 'cant-open' | 'perror' = 'cant-open'): { text: string } | { error: string } {
  if (path === '-') return { text: ctx.stdin };
  const content = ctx.fs.read(path);
  if (content === 'ENOENT' || content === 'ENOTDIR' || content === 'EEXIST') {
    const reason = content === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
    if (tool === 'sed') return { error: `sed: can't read ${path}: ${reason}\n` };
    return { error: ctx.userland === 'busybox' && busyboxStyle === 'cant-open' ? `${tool}: can't open '${path}': ${reason}\n` : `${tool}: ${path}: ${reason}\n` };
  }
  if (content === 'EISDIR') return { error: ctx.userland === 'busybox' ? `${tool}: read error: Is a directory\n` : `${tool}: ${path}: Is a directory\n` };
  return { text: content };
}

/**
 * A tool's input: its file operands concatenated, or stdin when there are none
 * (or for `-`). A missing file is the tool's error (exit 1, grep and sed 2).
 */
export function inputText(tool: string, paths: string[], ctx: CommandContext): string | CommandOutput {
  if (paths.length === 0) return ctx.stdin;
  let text = '';
  let stderr = '';
  for (const path of paths) {
    const r = readOperand(tool, path, ctx);
    if ('error' in r) stderr += r.error;
    else text += r.text;
  }
  return stderr ? { stdout: text, stderr, exitCode: tool === 'sed' ? 2 : 1 } : text;
}

/** A usage error in the userland's words: GNU's message and "Try ...", or busybox's message and usage. */
export function usageError(tool: string, ctx: CommandContext, message: string, busyboxMessage = message): CommandOutput {
  if (ctx.userland === 'busybox') return fail(`${busyboxMessage}${appletUsage(tool)}`, 1);
  return fail(`${message}${gnuTryHelp(tool)}`, 1);
}

/** getopt for a tool, its errors as the tool prints them (busybox has no long options here). */
export function toolOptions(tool: string, argv: readonly string[], ctx: CommandContext, spec: OptionSpec): Parsed | CommandOutput {
  const parsed = getopt(argv, ctx.userland === 'busybox' ? { ...spec, long: {} } : spec);
  if (isGetoptError(parsed)) return usageError(tool, ctx, getoptMessage(tool, parsed));
  return parsed;
}

export const isOutput = (v: unknown): v is CommandOutput => typeof v === 'object' && v !== null && 'exitCode' in v;

// ---- cut ------------------------------------------------------------------------------

/** `1,3`, `2-`, `-2`, `1-3`: 1-based positions a list selects. */
function selector(list: string): ((i: number) => boolean) | 'zero' | 'invalid' {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return 'invalid';
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return 'zero';
    ranges.push([from, to]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cutCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('cut', argv, ctx, { flags: 'snzD', valued: 'bcdfO', long: { delimiter: { key: 'd', value: 'required' }, fields: { key: 'f', value: 'required' }, characters: { key: 'c', value: 'required' }, bytes: { key: 'b', value: 'required' }, 'only-delimited': { key: 's' }, 'output-delimiter': { key: 'O', value: 'required' } } });
  if (isOutput(parsed)) return parsed;
  let delim: string | undefined;
  let list: string | undefined;
  let byField = false;
  let onlyDelimited = false;
  let outDelim: string | undefined;
  for (const [k, v] of parsed.options) {
    if (k === 'd') delim = v;
    else if (k === 'f' || k === 'c' || k === 'b') {
      if (list !== undefined) return busybox ? fail(appletUsage('cut'), 1) : usageError('cut', ctx, 'cut: only one list may be specified\n');
      list = v;
      byField = k === 'f';
    } else if (k === 's') onlyDelimited = true;
    else if (k === 'O') outDelim = v;
  }
  if (list === undefined) return busybox ? fail('cut: expected a list of bytes, characters, or fields\n', 1) : usageError('cut', ctx, 'cut: you must specify a list of bytes, characters, or fields\n');
  if (delim !== undefined && !byField) return busybox ? fail('cut: a delimiter may be specified only when operating on fields\n', 1) : usageError('cut', ctx, 'cut: an input delimiter may be specified only when operating on fields\n');
  const d = delim ?? '\t';
  if (d.length > 1 && !busybox) return usageError('cut', ctx, 'cut: the delimiter must be a single character\n');
  const chosen = selector(list);
  // busybox takes a 0 as "from the start": the whole line.
  const pick = chosen === 'zero' && busybox ? () => true : chosen;
  if (pick === 'zero') return usageError('cut', ctx, byField ? 'cut: fields are numbered from 1\n' : 'cut: byte/character positions are numbered from 1\n');
  if (pick === 'invalid') return busybox ? fail(`cut: invalid number '${list.split(/[,-]/).find((p) => !/^\d*$/.test(p)) ?? list}'\n`, 1) : usageError('cut', ctx, byField ? `cut: invalid field value \u2018${list}\u2019\n` : `cut: invalid byte or character range\n`);
  const sep = d.slice(0, 1);
  const cutLine = (l: string): string | undefined => {
    if (!byField) return [...l].filter((_c, i) => pick(i + 1)).join('');
    if (!l.includes(sep)) return onlyDelimited ? undefined : l;
    return l.split(sep).filter((_f, i) => pick(i + 1)).join(outDelim ?? sep);
  };
  let stdout = '';
  let stderr = '';
  for (const path of parsed.operands.length > 0 ? parsed.operands : ['-']) {
    const r = readOperand('cut', path, ctx, 'perror');
    if ('error' in r) {
      stderr += r.error;
      continue;
    }
    for (const l of lines(r.text)) {
      const out = cutLine(l);
      if (out !== undefined) stdout += `${out}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

// ---- head and tail -------------------------------------------------------------------

type Count = { n: number; bytes: boolean; fromStart: boolean; allBut: boolean };

function headTail(tool: 'head' | 'tail'): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    // `-N` and `+N` (tail) are old forms of -n N.
    const args = argv.map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const parsed = toolOptions(tool, args, ctx, { flags: 'qvfFs', valued: 'nc', long: { lines: { key: 'n', value: 'required' }, bytes: { key: 'c', value: 'required' }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' } } });
    if (isOutput(parsed)) return parsed;
    const count: Count = { n: 10, bytes: false, fromStart: false, allBut: false };
    let headers: boolean | undefined;
    for (const [k, v] of parsed.options) {
      if (k === 'q') headers = false;
      else if (k === 'v') headers = true;
      else if (k === 'f' || k === 'F') return fail(`vethlab: ${tool} -${k} waits for a file to grow, which nothing here does\n`, 1);
      else if (k === 'n' || k === 'c') {
        const m = /^([-+]?)(\d+)([kKmMbB]?)$/.exec(v!);
        if (!m) {
          if (busybox) return fail(`${tool}: invalid number '${v}'\n`, 1);
          return fail(k === 'n' ? `${tool}: invalid number of lines: \u2018${v}\u2019\n` : `${tool}: invalid number of bytes: \u2018${v}\u2019\n`, 1);
        }
        const mult = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, B: 512 }[m[3]!] ?? 1;
        count.n = Number(m[2]) * mult;
        count.bytes = k === 'c';
        count.fromStart = tool === 'tail' && m[1] === '+';
        count.allBut = tool === 'head' && m[1] === '-';
      }
    }
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
    const showHeaders = headers ?? operands.length > 1;
    let stdout = '';
    let stderr = '';
    let failed = 0;
    operands.forEach((path, i) => {
      const r = readOperand(tool, path, ctx, tool === 'head' ? 'perror' : 'cant-open');
      if ('error' in r) {
        stderr += busybox ? r.error : `${tool}: cannot open '${path}' for reading: No such file or directory\n`;
        failed++;
        return;
      }
      if (showHeaders) stdout += `${i > 0 && stdout !== '' ? '\n' : ''}==> ${path === '-' ? 'standard input' : path} <==\n`;
      stdout += slice(r.text, count, tool);
    });
    if (busybox && tool === 'tail' && failed === operands.length) stderr += 'tail: no files\n';
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  };
}

function slice(text: string, c: Count, tool: 'head' | 'tail'): string {
  if (c.bytes) {
    const bytes = new TextEncoder().encode(text);
    const part = tool === 'head' ? (c.allBut ? bytes.slice(0, Math.max(0, bytes.length - c.n)) : bytes.slice(0, c.n)) : c.fromStart ? bytes.slice(Math.max(0, c.n - 1)) : bytes.slice(Math.max(0, bytes.length - c.n));
    return new TextDecoder().decode(part);
  }
  // Keep a missing final newline where the slice ends at the text's end.
  const parts = text.split(/(?<=\n)/);
  let picked: string[];
  if (tool === 'head') picked = c.allBut ? parts.slice(0, Math.max(0, parts.length - c.n)) : parts.slice(0, c.n);
  else picked = c.fromStart ? parts.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : parts.slice(-c.n);
  return picked.join('');
}

export const headCommand: Command = headTail('head');
export const tailCommand: Command = headTail('tail');

// ---- wc -------------------------------------------------------------------------------

export const wcCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('wc', argv, ctx, { flags: 'lwcmL', long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' }, 'max-line-length': { key: 'L' } } });
  if (isOutput(parsed)) return parsed;
  type Key = 'l' | 'w' | 'c' | 'm' | 'L';
  const wanted = new Set(parsed.options.map(([k]) => k as Key));
  const order: Key[] = wanted.size === 0 ? ['l', 'w', 'c'] : (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => wanted.has(k));
  const counts = (text: string): Record<Key, number> => ({
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length,
    c: new TextEncoder().encode(text).length,
    m: [...text].length,
    L: Math.max(0, ...lines(text).map((l) => l.length)),
  });
  const operands = parsed.operands;
  const rows: { counts: Record<Key, number>; name?: string }[] = [];
  let stderr = '';
  for (const path of operands.length > 0 ? operands : ['-']) {
    const r = readOperand('wc', path, ctx);
    if ('error' in r) stderr += busybox ? `wc: ${path}: No such file or directory\n` : r.error;
    else rows.push(operands.length > 0 ? { counts: counts(r.text), name: path } : { counts: counts(r.text) });
  }
  if (rows.length > 1 || (operands.length > 1 && rows.length > 0)) {
    const total = { l: 0, w: 0, c: 0, m: 0, L: 0 };
    for (const row of rows) for (const k of order) total[k] = k === 'L' ? Math.max(total.L, row.counts.L) : total[k] + row.counts[k];
    rows.push({ counts: total, name: 'total' });
  }
  let stdout: string;
  if (busybox) {
    // busybox: one count of one input bare, anything more padded to 9 and separated by a space.
    const bare = order.length === 1 && operands.length <= 1;
    stdout = rows.map((row) => `${order.map((k) => String(row.counts[k]).padStart(bare ? 0 : 9)).join(' ')}${row.name !== undefined ? ` ${row.name}` : ''}\n`).join('');
  } else {
    // GNU pads every count to the widest one's width (at least 7 when reading a pipe, with several counts).
    // GNU sizes the columns from the files' sizes before reading them (7 when one is a pipe).
    const fromStdin = operands.length === 0 || operands.includes('-');
    const bytes = rows.filter((r) => r.name !== 'total').reduce((n, r) => n + r.counts.c, 0);
    const width = order.length === 1 && rows.length === 1 ? 0 : fromStdin ? 7 : String(bytes).length;
    stdout = rows.map((row) => `${order.map((k) => String(row.counts[k]).padStart(width)).join(' ')}${row.name !== undefined ? ` ${row.name}` : ''}\n`).join('');
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

// ---- tee ------------------------------------------------------------------------------

export const teeCommand: Command = (argv, ctx) => {
  const parsed = toolOptions('tee', argv, ctx, { flags: 'ai', long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' } } });
  if (isOutput(parsed)) return parsed;
  const append = parsed.options.some(([k]) => k === 'a');
  let stderr = '';
  for (const path of parsed.operands) {
    const failed = ctx.fs.write(path, '', append);
    const reason = failed === 'EISDIR' ? 'Is a directory' : failed === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
    if (failed) stderr += ctx.userland === 'busybox' ? `tee: ${path}: ${reason}\n` : `tee: ${path}: ${reason}\n`;
    else ctx.fs.write(path, ctx.stdin, true);
  }
  return { stdout: ctx.stdin, stderr, exitCode: stderr ? 1 : 0 };
};

// ---- seq ------------------------------------------------------------------------------

export const seqCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  // Negative numbers are operands, not options.
  let args: string[] = [];
  let separator = '\n';
  let equalWidth = false;
  if (busybox) {
    const parsed = toolOptions('seq', argv, ctx, { flags: 'w', valued: 's', stopAtOperand: true });
    if (isOutput(parsed)) return parsed;
    for (const [k, v] of parsed.options) {
      if (k === 'w') equalWidth = true;
      else separator = v!;
    }
    args = parsed.operands;
  } else for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-w' || a === '--equal-width') equalWidth = true;
    else if (a === '-s' || a.startsWith('-s')) separator = a === '-s' ? (argv[++i] ?? '') : a.slice(2);
    else if (/^-[^\d.]/.test(a) && !/^-(inf|nan)/i.test(a)) return usageError('seq', ctx, `seq: invalid option -- '${a[1]}'\n`, `seq: invalid option -- '${a[1]}'\n`);
    else args.push(a);
  }
  if (args.length === 0 || args.length > 3) {
    if (busybox) return fail(appletUsage('seq'), 1);
    return usageError('seq', ctx, args.length === 0 ? 'seq: missing operand\n' : `seq: extra operand \u2018${args[3]}\u2019\n`);
  }
  const nums = args.map(Number);
  const bad = args.find((a, i) => !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(a.trim()) || Number.isNaN(nums[i]!));
  if (bad !== undefined) return busybox ? fail(appletUsage('seq'), 1) : usageError('seq', ctx, `seq: invalid floating point argument: \u2018${bad}\u2019\n`);
  const [first, inc, last] = args.length === 1 ? [1, 1, nums[0]!] : args.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if (inc === 0) return busybox ? fail(`vethlab: seq with a zero increment would print ${args[0]} forever\n`, 1) : usageError('seq', ctx, `seq: invalid Zero increment value: \u2018${args[1]}\u2019\n`);
  const decimals = Math.max(...args.slice(0, args.length === 3 ? 2 : args.length === 2 ? 1 : 0).map((a) => (a.includes('.') ? a.split('.')[1]!.length : 0)), 0);
  const out: string[] = [];
  for (let i = 0; out.length < 100_000; i++) {
    const v = first + i * inc;
    if (inc > 0 ? v > last + 1e-9 : v < last - 1e-9) break;
    out.push(v.toFixed(decimals));
  }
  if (out.length >= 100_000) return fail(`vethlab: seq stops at 100000 numbers here\n`, 1);
  const width = equalWidth ? Math.max(...out.map((s) => s.replace('-', '').length)) : 0;
  const shown = out.map((s) => (s.startsWith('-') ? `-${s.slice(1).padStart(width, '0')}` : s.padStart(width, '0')));
  return ok(shown.length === 0 ? '' : `${shown.join(separator)}\n`);
};
