/**
 * sed: GNU sed 4.9 on the Debian machines, busybox sed in containers. A
 * script is parsed once into commands with addresses (N, $, /re/, \cREc,
 * first~step, addr,+N, 0,/re/, `!`), then run over the input's lines with a
 * pattern space and a hold space: s (flags g, p, N, I, w), y, d, D, p, P, n,
 * N, q, Q, =, a, i, c, l, h, H, g, G, x, b, t, T, :label, { }, r, w and `#`
 * comments; options -n, -e, -f, -E/-r, -i[SUFFIX], -s. Errors in each sed's
 * words (GNU: `-e expression #1, char N: ...`).
 */
import { appletUsage } from './busybox-help.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import { GNU_REGEX_MESSAGES, isRegexError, posixSource } from './regex.ts';
import { readOperand } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp | undefined } | { kind: 'step'; first: number; step: number } | { kind: 'zero' };
type End = Address | { kind: 'plus'; n: number } | { kind: 'multiple'; n: number };

interface SedCmd {
  from?: Address;
  to?: End;
  negate: boolean;
  name: string;
  /** s: pattern (undefined: the last regex used), replacement, flags. */
  re?: RegExp | undefined;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  /** a/i/c text, r/w file, b/t/T/: label, y strings. */
  text?: string;
  map?: Map<string, string>;
  /** `{`: index of its `}`; `}`: nothing. */
  block?: number;
  /** A range in progress, and where it began. */
  active?: boolean;
  rangeEnd?: number;
}

class SedError extends Error {}

/** GNU's usage text (sed 4.9, `sed` with no script). */
const GNU_USAGE =
  'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l\' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n';

/** A parse error: GNU's message with its place, busybox's own line. */
interface ParseFailure {
  gnu: string;
  busybox: string;
  at: number;
}

class Parser {
  private i = 0;
  readonly commands: SedCmd[] = [];
  private readonly open: number[] = [];

  constructor(
    private readonly script: string,
    private readonly extended: boolean,
    private readonly busybox: boolean,
  ) {}

  private failure(gnu: string, busybox: string, at = this.i): never {
    throw Object.assign(new SedError(gnu), { failure: { gnu, busybox, at } satisfies ParseFailure });
  }

  private regex(source: string, flags: string): RegExp | undefined {
    if (source === '') return undefined;
    const js = posixSource(source, this.extended);
    if (isRegexError(js)) this.failure(GNU_REGEX_MESSAGES[js], `bad regex '${source}': ${GNU_REGEX_MESSAGES[js]}`);
    try {
      return new RegExp(js, flags);
    } catch {
      return this.failure(GNU_REGEX_MESSAGES.invalid, `bad regex '${source}'`);
    }
  }

  /** Text up to an unescaped `delim` (`\delim` is the delimiter itself, `\n` a newline). */
  private delimited(delim: string, what: 'address' | 's' | 'y'): string {
    let out = '';
    const s = this.script;
    for (; this.i < s.length; this.i++) {
      const ch = s[this.i]!;
      if (ch === '\\' && this.i + 1 < s.length) {
        const next = s[this.i + 1]!;
        this.i++;
        if (next === delim) out += delim === '&' && what === 's' ? '\\&' : delim;
        else if (next === 'n' && what !== 'y') out += what === 's' ? '\\n' : '\n';
        else out += `\\${next}`;
      } else if (ch === delim) {
        this.i++;
        return out;
      } else if (ch === '\n' && what !== 'address') {
        break;
      } else out += ch;
    }
    if (what === 'address') this.failure('unterminated address regex', `unmatched '${delim}'`);
    if (what === 's') this.failure("unterminated `s' command", `unmatched '${delim}'`);
    return this.failure("unterminated `y' command", `unmatched '${delim}'`);
  }

  private address(): Address | undefined {
    const s = this.script;
    const rest = s.slice(this.i);
    let m = /^(\d+)~(\d+)/.exec(rest);
    if (m && this.busybox) this.failure('', 'unsupported command ~');
    if (m) {
      this.i += m[0].length;
      return { kind: 'step', first: Number(m[1]), step: Number(m[2]) };
    }
    m = /^\d+/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return Number(m[0]) === 0 ? { kind: 'zero' } : { kind: 'line', n: Number(m[0]) };
    }
    if (s[this.i] === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (s[this.i] === '/' || s[this.i] === '\\') {
      const delim = s[this.i] === '\\' ? s[++this.i]! : '/';
      this.i++;
      const source = this.delimited(delim, 'address');
      let flags = '';
      while (s[this.i] === 'I' || s[this.i] === 'M') {
        if (s[this.i] === 'I') flags += 'i';
        this.i++;
      }
      return { kind: 're', re: this.regex(source, flags) };
    }
    return undefined;
  }

  private skipBlanks(): void {
    while (this.script[this.i] === ' ' || this.script[this.i] === '\t') this.i++;
  }

  /** What may follow a command: blanks, then `;`, a newline, `}`, `#` or the end. */
  private endOfCommand(): void {
    this.skipBlanks();
    const ch = this.script[this.i];
    if (ch === undefined || ch === '\n' || ch === ';') {
      if (ch !== undefined) this.i++;
      return;
    }
    if (ch === '}' || ch === '#' || this.busybox) return;
    this.failure('extra characters after command', `extra characters after command`, this.i + 1);
  }

  /** a, i, c text: `a\` newline TEXT, `a\TEXT` or GNU's one-liner `a TEXT`. */
  private text(): string {
    const s = this.script;
    this.skipBlanks();
    if (s[this.i] === '\\') {
      this.i++;
      if (s[this.i] === '\n') this.i++;
    }
    let out = '';
    for (; this.i < s.length; this.i++) {
      const ch = s[this.i]!;
      if (ch === '\\' && this.i + 1 < s.length) out += s[++this.i]!;
      else if (ch === '\n') {
        this.i++;
        break;
      } else out += ch;
    }
    return out;
  }

  /** A label or file name: the rest of the line (up to `;` for labels in GNU). */
  private word(stopAtSemicolon: boolean): string {
    this.skipBlanks();
    const s = this.script;
    let out = '';
    while (this.i < s.length && s[this.i] !== '\n' && !(stopAtSemicolon && (s[this.i] === ';' || s[this.i] === '}'))) out += s[this.i++]!;
    if (s[this.i] === '\n' || s[this.i] === ';') this.i++;
    return out.trimEnd();
  }

  parse(): SedCmd[] {
    const s = this.script;
    while (this.i < s.length) {
      while (this.i < s.length && /[\s;]/.test(s[this.i]!)) this.i++;
      if (this.i >= s.length) break;
      if (s[this.i] === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      const cmd: SedCmd = { negate: false, name: '' };
      const from = this.address();
      if (from) cmd.from = from;
      if (from && s[this.i] === ',') {
        this.i++;
        this.skipBlanks();
        const plus = /^([+~])(\d+)/.exec(s.slice(this.i));
        if (plus) {
          this.i += plus[0].length;
          cmd.to = plus[1] === '+' ? { kind: 'plus', n: Number(plus[2]) } : { kind: 'multiple', n: Number(plus[2]) };
        } else {
          const to = this.address();
          if (!to) this.failure("unexpected `,'", 'unexpected end of file', this.i + 1);
          cmd.to = to;
        }
      }
      if (from?.kind === 'zero' && !(cmd.to && cmd.to.kind === 're') && !this.busybox) this.failure('invalid usage of line address 0', 'bad address 0');
      this.skipBlanks();
      while (s[this.i] === '!') {
        cmd.negate = true;
        this.i++;
        this.skipBlanks();
      }
      const name = s[this.i];
      if (name === undefined) this.failure('missing command', 'missing command', this.i);
      this.i++;
      cmd.name = name;
      if ((cmd.to && '=aiqQrR'.includes(name) && name !== 'a' && name !== 'i') || (cmd.from && (name === ':' || name === '}'))) {
        if (name === ':' ) this.failure(": doesn't want any addresses", "unexpected ':'");
        if (name === 'q' || name === 'Q') this.failure('command only uses one address', 'command only uses one address');
      }
      switch (name) {
        case '{':
          this.open.push(this.commands.length);
          this.commands.push(cmd);
          continue;
        case '}': {
          const at = this.open.pop();
          if (at === undefined && this.busybox) continue;
          if (at === undefined) this.failure("unexpected `}'", "unexpected '}'");
          this.commands[at]!.block = this.commands.length;
          this.commands.push(cmd);
          this.endOfCommand();
          continue;
        }
        case 's': {
          const delim = s[this.i++];
          if (delim === undefined || delim === '\n' || delim === '\\') this.failure("unterminated `s' command", 'unterminated s command');
          const pattern = this.delimited(delim, 's');
          const replacement = this.delimited(delim, 's');
          let flags = '';
          cmd.global = false;
          for (;;) {
            const f = s[this.i];
            if (f === 'g') cmd.global = true;
            else if (f === 'p') cmd.print = true;
            else if (f === 'i' || f === 'I') flags += 'i';
            else if (f === 'm' || f === 'M') flags += 'm';
            else if (f !== undefined && /\d/.test(f)) {
              const m = /^\d+/.exec(s.slice(this.i))!;
              cmd.nth = Number(m[0]);
              this.i += m[0].length - 1;
            } else if (f === 'w') {
              this.i++;
              cmd.text = this.word(false);
              break;
            } else if (f === undefined || f === ';' || f === '\n' || f === ' ' || f === '\t' || f === '}' || f === '#') break;
            else this.failure("unknown option to `s'", `bad option in substitution expression`, this.i + 1);
            this.i++;
          }
          cmd.re = this.regex(pattern, `g${flags}`);
          cmd.replacement = replacement;
          if (cmd.text === undefined) this.endOfCommand();
          break;
        }
        case 'y': {
          const delim = s[this.i++] ?? '/';
          const a = [...this.delimited(delim, 'y').replace(/\\\\/g, '\\')];
          const b = [...this.delimited(delim, 'y').replace(/\\\\/g, '\\')];
          if (a.length !== b.length) this.failure("strings for `y' command are different lengths", 'different lengths');
          cmd.map = new Map(a.map((c, k) => [c, b[k]!]));
          this.endOfCommand();
          break;
        }
        case 'a':
        case 'i':
        case 'c':
          if (this.i >= s.length && s[this.i - 1] === name && !this.busybox) this.failure("expected \\ after `a', `c' or `i'", `missing text`);
          cmd.text = this.text();
          break;
        case ':':
          cmd.text = this.word(true);
          if (cmd.text === '') this.failure('":" lacks a label', "':' lacks a label");
          break;
        case 'b':
        case 't':
        case 'T':
          cmd.text = this.word(true);
          break;
        case 'r':
        case 'R':
        case 'w':
        case 'W':
          cmd.text = this.word(false);
          break;
        case 'q':
        case 'Q':
        case 'l':
        case 'L': {
          this.skipBlanks();
          const m = /^\d+/.exec(s.slice(this.i));
          if (m && this.busybox) this.failure('', 'missing command');
          if (m) {
            cmd.nth = Number(m[0]);
            this.i += m[0].length;
          }
          this.endOfCommand();
          break;
        }
        case 'd':
        case 'D':
        case 'p':
        case 'P':
        case 'n':
        case 'N':
        case '=':
        case 'h':
        case 'H':
        case 'g':
        case 'G':
        case 'x':
        case 'z':
          this.endOfCommand();
          break;
        default:
          this.failure(`unknown command: \`${name}'`, `unsupported command ${name}`);
      }
      this.commands.push(cmd);
    }
    if (this.open.length > 0 && !this.busybox) this.failure("unmatched `{'", "unmatched '{'", 0);
    for (const at of this.open) this.commands[at]!.block = this.commands.length;
    for (const c of this.commands) {
      if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.text && !this.commands.some((d) => d.name === ':' && d.text === c.text)) {
        this.failure(`can't find label for jump to \`${c.text}'`, `can't find label for jump to '${c.text}'`, -1);
      }
    }
    return this.commands;
  }
}

/** sed's replacement text: `&` the match, `\1`-`\9` the groups, `\n` a newline, `\L\U\E` aside. */
function substitute(replacement: string, groups: string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i]!;
      out += /\d/.test(next) ? (groups[Number(next)] ?? '') : next === 'n' ? '\n' : next === 't' ? '\t' : next === '&' ? '&' : next;
    } else out += ch === '&' ? groups[0]! : ch;
  }
  return out;
}

/** `l`: the pattern space with escapes, wrapped at 69 characters plus `\`, ending in `$`. */
function listLine(text: string, width = 70): string {
  let body = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\') body += '\\\\';
    else if (ch === '\n') body += '\\n';
    else if (ch === '\t') body += '\\t';
    else if (ch === '\b') body += '\\b';
    else if (ch === '\f') body += '\\f';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\v') body += '\\v';
    else if (ch === '\x07') body += '\\a';
    else if (code < 32 || code === 127) body += `\\${code.toString(8).padStart(3, '0')}`;
    else body += ch;
  }
  let out = '';
  while (width > 1 && body.length > width - 1) {
    out += `${body.slice(0, width - 1)}\\\n`;
    body = body.slice(width - 1);
  }
  return `${out}${body}$\n`;
}

interface RunResult {
  stdout: string;
  status: number;
}

function execute(program: SedCmd[], inputs: string[], quiet: boolean, ctx: CommandContext, separate: boolean): RunResult {
  const all: { line: string; last: boolean; newline: boolean }[] = [];
  inputs.forEach((text, f) => {
    const ls = text.split('\n');
    const newline = ls[ls.length - 1] === '';
    if (newline) ls.pop();
    ls.forEach((line, k) => all.push({ line, last: k === ls.length - 1 && (separate || f === inputs.length - 1), newline: k < ls.length - 1 || newline }));
  });
  // The last line of all input is `$` (without -s).
  if (!separate) for (let k = 0; k < all.length - 1; k++) all[k]!.last = false;
  let out = '';
  let hold = '';
  let lastRe: RegExp | undefined;
  let status = 0;
  let n = 0;
  let space = '';
  let lineHasNewline = true;
  let append = '';
  const writes = new Map<string, string>();
  const regexOf = (re: RegExp | undefined) => {
    if (re) lastRe = re;
    return re ?? lastRe;
  };
  const next = (): boolean => {
    if (n >= all.length) return false;
    const entry = all[n++]!;
    space = entry.line;
    lineHasNewline = entry.newline;
    return true;
  };
  const isLast = () => n === all.length || (all[n - 1]?.last ?? false);
  /** The last line lacked its newline: GNU adds it back before anything else is written. */
  let missingNewline = false;
  const write = (text: string) => {
    if (text === '') return;
    if (missingNewline) out += '\n';
    missingNewline = false;
    out += text;
  };
  const flushAppend = () => {
    write(append);
    append = '';
  };
  const emit = (text: string) => {
    write(text);
    if (lineHasNewline || !isLast()) out += '\n';
    else missingNewline = true;
  };
  const matches = (a: Address): boolean => {
    switch (a.kind) {
      case 'line':
        return n === a.n;
      case 'last':
        return isLast();
      case 'zero':
        return false;
      case 'step':
        return a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
      case 're': {
        const re = regexOf(a.re);
        if (!re) return false;
        re.lastIndex = 0;
        const found = re.test(space);
        re.lastIndex = 0;
        return found;
      }
    }
  };
  const selected = (c: SedCmd): boolean => {
    if (!c.from) return true;
    if (!c.to) return matches(c.from);
    if (c.active) {
      const to = c.to;
      let ends: boolean;
      if (to.kind === 'plus') ends = n >= c.rangeEnd!;
      else if (to.kind === 'multiple') ends = to.n <= 0 || n % to.n === 0;
      else if (to.kind === 'line') ends = n >= to.n;
      else ends = matches(to);
      if (ends) c.active = false;
      return true;
    }
    // busybox has no 0,/re/: its line 0 never comes.
    if (c.from.kind === 'zero' && ctx.userland === 'busybox') return false;
    const starts = c.from.kind === 'zero' ? n === 1 || false : matches(c.from);
    if (!starts && !(c.from.kind === 'zero' && n >= 1 && c.rangeEnd === undefined)) return false;
    if (c.from.kind === 'zero') {
      c.rangeEnd = 0;
      // 0,/re/: the end may match on the very first line.
      const to = c.to;
      c.active = !(to.kind === 're' && matches(to));
      return true;
    }
    const to = c.to;
    if (to.kind === 'plus') {
      c.rangeEnd = n + to.n;
      c.active = to.n > 0;
    } else if (to.kind === 'multiple') c.active = !(to.n <= 0 || n % to.n === 0);
    else if (to.kind === 'line') c.active = to.n > n;
    else c.active = true;
    return true;
  };
  const labels = new Map<string, number>();
  program.forEach((c, k) => {
    if (c.name === ':') labels.set(c.text!, k);
  });
  cycle: while (next()) {
    let substituted = false;
    const autoprint = !quiet;
    for (let pc = 0; pc < program.length; pc++) {
      const c = program[pc]!;
      if (c.name === '}' || c.name === ':') continue;
      if (selected(c) === c.negate) {
        if (c.name === '{') pc = c.block!;
        continue;
      }
      switch (c.name) {
        case '{':
          break;
        case 's': {
          const re = regexOf(c.re);
          if (!re) break;
          let count = 0;
          let changed = false;
          re.lastIndex = 0;
          space = space.replace(re, (...m: unknown[]) => {
            count++;
            const groups = m.slice(0, -2).filter((g) => typeof g === 'string' || g === undefined).map((g) => (typeof g === 'string' ? g : ''));
            const whole = groups[0]!;
            const nth = c.global && ctx.userland === 'busybox' ? undefined : c.nth;
            if (nth !== undefined ? count < nth || (!c.global && count > nth) : !c.global && count > 1) return whole;
            changed = true;
            return substitute(c.replacement!, groups);
          });
          if (changed) {
            substituted = true;
            if (c.print) emit(space);
            if (c.text !== undefined) writes.set(c.text, (writes.get(c.text) ?? '') + `${space}\n`);
          }
          break;
        }
        case 'y':
          space = [...space].map((ch) => c.map!.get(ch) ?? ch).join('');
          break;
        case 'd':
          flushAppend();
          continue cycle;
        case 'D': {
          const nl = space.indexOf('\n');
          if (nl < 0) {
            flushAppend();
            continue cycle;
          }
          space = space.slice(nl + 1);
          flushAppend();
          pc = -1;
          continue;
        }
        case 'p':
          emit(space);
          break;
        case 'P':
          write(`${space.split('\n')[0]}\n`);
          break;
        case '=':
          write(`${n}\n`);
          break;
        case 'a':
          append += `${c.text}\n`;
          break;
        case 'i':
          write(`${c.text}\n`);
          break;
        case 'c':
          if (!c.to || !c.active || c.negate) write(`${c.text}\n`);
          flushAppend();
          continue cycle;
        case 'l':
          // busybox 1.35's l prints nothing (its builds here leave it out).
          if (ctx.userland !== 'busybox') write(listLine(space, c.nth ?? 70));
          break;
        case 'n':
          if (autoprint) emit(space);
          flushAppend();
          if (!next()) break cycle;
          break;
        case 'N':
          if (n >= all.length) {
            // GNU prints the pattern space when N has no next line.
            break;
          }
          {
            const before = space;
            next();
            space = `${before}\n${space}`;
          }
          break;
        case 'h':
          hold = space;
          break;
        case 'H':
          hold = `${hold}\n${space}`;
          break;
        case 'g':
          space = hold;
          break;
        case 'G':
          space = `${space}\n${hold}`;
          break;
        case 'x':
          [space, hold] = [hold, space];
          break;
        case 'z':
          space = '';
          break;
        case 'b':
          pc = c.text ? labels.get(c.text)! : program.length;
          break;
        case 't':
        case 'T':
          if (substituted === (c.name === 't')) {
            substituted = false;
            pc = c.text ? labels.get(c.text)! : program.length;
          }
          break;
        case 'q':
          if (autoprint) emit(space);
          flushAppend();
          status = c.nth ?? 0;
          return { stdout: out, status, ...flushWrites(writes, ctx) };
        case 'Q':
          status = c.nth ?? 0;
          return { stdout: out, status, ...flushWrites(writes, ctx) };
        case 'r': {
          const content = ctx.fs.read(c.text!);
          if (typeof content === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(content)) append += content;
          break;
        }
        case 'w':
          writes.set(c.text!, (writes.get(c.text!) ?? '') + `${space}\n`);
          break;
        default:
          break;
      }
    }
    if (autoprint) emit(space);
    flushAppend();
  }
  return { stdout: out, status, ...flushWrites(writes, ctx) };
}

function flushWrites(writes: Map<string, string>, ctx: CommandContext): object {
  for (const [path, text] of writes) ctx.fs.write(path, text, false);
  return {};
}

export const sedCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  // -i[SUFFIX] takes an attached suffix only: take it out before getopt.
  let inPlace = false;
  let suffix = '';
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') {
      rest.push(...argv.slice(k));
      break;
    }
    const at = a.indexOf('i');
    if (/^-[^-]/.test(a) && at > 0 && !/[ef]/.test(a.slice(1, at))) {
      inPlace = true;
      suffix = a.slice(at + 1);
      if (at > 1) rest.push(a.slice(0, at));
    } else if (a === '--in-place' || a.startsWith('--in-place=')) {
      inPlace = true;
      suffix = a.slice('--in-place='.length);
    } else rest.push(a);
  }
  const args = getopt(rest, {
    flags: busybox ? 'nrE' : 'nrEsuz',
    valued: busybox ? 'ef' : 'efl',
    long: busybox ? { 'regexp-extended': { key: 'r' }, quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', value: 'required' }, file: { key: 'f', value: 'required' } } : { quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', value: 'required' }, file: { key: 'f', value: 'required' }, 'regexp-extended': { key: 'E' }, separate: { key: 's' }, posix: { key: 'posix' }, debug: { key: 'debug' } },
  });
  if (isGetoptError(args)) {
    const message = getoptMessage('sed', args);
    return fail(busybox ? `${message}${appletUsage('sed')}` : `${message}${GNU_USAGE}`, 1);
  }
  const scripts: string[] = [];
  let quiet = false;
  let extended = false;
  let separate = inPlace;
  for (const [k, v] of args.options) {
    if (k === 'e') scripts.push(v!);
    else if (k === 'f') {
      const text = ctx.fs.read(v!);
      if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') return fail(busybox ? `sed: can't open '${v}': No such file or directory\n` : `sed: couldn't open file ${v}: No such file or directory\n`, busybox ? 1 : 4);
      scripts.push(text.replace(/\n$/, ''));
    } else if (k === 'n') quiet = true;
    else if (k === 'E' || k === 'r') extended = true;
    else if (k === 's') separate = true;
  }
  const files = [...args.operands];
  if (scripts.length === 0) {
    const first = files.shift();
    if (first === undefined) return fail(busybox ? appletUsage('sed') : GNU_USAGE, 1);
    scripts.push(first);
  }
  let program: SedCmd[];
  try {
    program = new Parser(scripts.join('\n'), extended, busybox).parse();
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    const failure = (e as SedError & { failure: ParseFailure }).failure;
    if (busybox) return fail(`sed: ${failure.busybox}\n`, 1);
    if (failure.at === -1) return fail(`sed: ${failure.gnu}\n`, 4);
    return fail(`sed: -e expression #1, char ${Math.max(failure.at, 0)}: ${failure.gnu}\n`, 1);
  }
  if (inPlace) {
    if (files.length === 0) return fail(busybox ? 'sed: no files to edit\n' : 'sed: no input files\n', busybox ? 1 : 1);
    let stderr = '';
    for (const file of files) {
      const r = readOperand('sed', file, ctx);
      if ('error' in r) {
        stderr += busybox ? `sed: ${file}: No such file or directory\n` : r.error;
        continue;
      }
      if (suffix) ctx.fs.write(suffix.includes('*') ? suffix.replace('*', file) : `${file}${suffix}`, r.text, false);
      const result = execute(program, [r.text], quiet, ctx, true);
      ctx.fs.write(file, result.stdout, false);
    }
    return { stdout: '', stderr, exitCode: stderr ? (busybox ? 1 : 2) : 0 };
  }
  const texts: string[] = [];
  let stderr = '';
  for (const file of files.length > 0 ? files : ['-']) {
    const r = readOperand('sed', file, ctx);
    if ('error' in r) stderr += busybox ? `sed: ${file}: No such file or directory\n` : r.error;
    else texts.push(r.text);
  }
  const result = execute(program, texts, quiet, ctx, separate);
  const out: CommandOutput = { stdout: result.stdout, stderr, exitCode: stderr ? (busybox ? 1 : 2) : result.status };
  return out;
};
