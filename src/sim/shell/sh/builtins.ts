/**
 * The shell's own commands, with dash's and busybox ash's wording: echo,
 * printf, test/[, cd, pwd, exit, return, break, continue, shift, set, export,
 * readonly, unset, local, read, eval, `.`, command, type, exec, trap, wait, alias, unalias,
 * true, false and `:`. The special builtins' errors end a non-interactive
 * shell (status 2), as both shells do.
 */
import type { Flow, Shell } from './exec.ts';
import { BreakSignal, ContinueSignal, ErrorExit, ExitSignal, ReturnSignal } from './exec.ts';
import { lazyPart } from '../lazy/parts.ts';

/** A builtin's status; one that runs commands (eval, `.`, command, exec) is a flow that may wait on a server. */
export type Builtin = (sh: Shell, args: string[]) => number | Flow<number>;

/** POSIX's special builtins (found before functions; their errors are fatal). */
export const SPECIAL_BUILTINS = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'local', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'unset']);

const isName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

/** A builtin's complaint: dash `sh: N: NAME: msg`, ash `sh: NAME: line N-1: msg`. */
function complain(sh: Shell, message: string): void {
  sh.err(sh.errorLine(message));
}

/** A special builtin's error: complained about, then the shell ends with status 2. */
function die(sh: Shell, message: string): never {
  complain(sh, message);
  throw new ErrorExit(2);
}

/** An applet-style error (busybox's echo, printf, test print `sh: msg` with no name or line). */
function appletError(sh: Shell, message: string): void {
  if (sh.dialect === 'ash') sh.err(`sh: ${message}\n`);
  else complain(sh, message);
}

/** Backslash escapes of dash's echo and busybox's `echo -e`; `stop` at `\c`. */
function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  const simple: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1]!;
    if (n === 'c') return { text: out, stop: true };
    if (n in simple) {
      out += simple[n];
      i++;
    } else if (n === '0') {
      let j = i + 2;
      let digits = '';
      while (j < s.length && digits.length < 3 && /[0-7]/.test(s[j]!)) digits += s[j++];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 255);
      i = j - 1;
    } else out += c;
  }
  return { text: out, stop: false };
}

const echo: Builtin = (sh, args) => {
  let i = 1;
  let newline = true;
  // bash's echo is ash's: -n, -e, -E, and no escapes unless -e.
  let escapes = sh.dialect === 'dash' && !sh.bash;
  if (escapes) {
    if (args[1] === '-n') {
      newline = false;
      i = 2;
    }
  } else {
    while (i < args.length && /^-[neE]+$/.test(args[i]!)) {
      for (const f of args[i]!.slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
      i++;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const e = echoEscapes(text);
    text = e.text;
    if (e.stop) newline = false;
  }
  sh.out(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (sh, args) => {
  const r = lazyPart('tools').runPrintf(args.slice(1), sh.dialect);
  for (const c of r.chunks) {
    if (c.fd === 1) sh.out(c.text);
    else appletError(sh, c.text);
  }
  return r.status;
};

const test: Builtin = (sh, args) => {
  const r = lazyPart('tools').runTest(args[0] === '[' ? '[' : 'test', args.slice(1), sh.dialect, sh.fs);
  if (r.error !== undefined) appletError(sh, r.error);
  return r.status;
};

const cd: Builtin = (sh, args) => {
  let dir = args[1] ?? sh.getVar('HOME') ?? '/';
  const dash = args[1] === '-';
  if (dash) dir = sh.getVar('OLDPWD') ?? sh.fs.cwd;
  const kind = sh.fs.stat(dir);
  if (kind !== 'dir') {
    const reason = kind === 'file' ? 'Not a directory' : 'No such file or directory';
    // bash: `cd: /nope: No such file or directory`, status 1 (golden host-bash-words).
    if (sh.bash) {
      complain(sh, `${dir}: ${reason}`);
      return 1;
    }
    complain(sh, sh.dialect === 'dash' ? `can't cd to ${dir}` : `can't cd to ${dir}: ${reason}`);
    return 2;
  }
  sh.fs = sh.fs.withCwd(dir);
  sh.setVar('OLDPWD', sh.getVar('PWD') ?? '/');
  sh.setVar('PWD', sh.fs.cwd);
  if (dash) sh.out(`${sh.fs.cwd}\n`);
  return 0;
};

/** A non-negative number argument of exit, return, shift, break, continue. */
function count(sh: Shell, arg: string | undefined, fallback: number, positive = false): number {
  if (arg === undefined) return fallback;
  if (!/^\d+$/.test(arg) || (positive && Number(arg) === 0)) die(sh, `Illegal number: ${arg}`);
  return Number(arg);
}

const exit: Builtin = (sh, args) => {
  // An interactive bash says `exit` as it leaves (golden host-bash-interactive).
  if (sh.bash && sh.interactive) sh.err('exit\n');
  throw new ExitSignal(count(sh, args[1], sh.status) & 255);
};

const ret: Builtin = (sh, args) => {
  const n = count(sh, args[1], sh.status);
  throw new ReturnSignal(sh.dialect === 'ash' ? n & 255 : n);
};

const loopControl =
  (kind: 'break' | 'continue'): Builtin =>
  (sh, args) => {
    const n = count(sh, args[1], 1, true);
    if (sh.loopDepth === 0) return 0;
    const levels = Math.min(n, sh.loopDepth);
    throw kind === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels);
  };

const shift: Builtin = (sh, args) => {
  const n = count(sh, args[1], 1);
  if (n > sh.positional.length) {
    if (sh.dialect === 'dash' && !sh.bash) die(sh, "can't shift that many");
    return 1;
  }
  sh.positional = sh.positional.slice(n);
  return 0;
};

const quoteValue = (v: string) => `'${v.replace(/'/g, `'"'"'`)}'`;

const OPTION_LETTERS: Record<string, 'errexit' | 'nounset' | 'noglob' | 'xtrace' | undefined> = { e: 'errexit', u: 'nounset', f: 'noglob', x: 'xtrace', v: undefined, C: undefined, a: undefined, b: undefined, m: undefined, n: undefined };

const set: Builtin = (sh, args) => {
  if (args.length === 1) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (v.value !== undefined) sh.out(`${k}=${quoteValue(v.value)}\n`);
    return 0;
  }
  const illegal = (opt: string) => die(sh, `${sh.dialect === 'dash' ? 'Illegal' : 'illegal'} option ${opt}`);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (!/^[-+]./.test(a)) {
      sh.positional = args.slice(i);
      return 0;
    }
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = args[++i];
      if (name === undefined) return 0;
      if (name === 'errexit' || name === 'nounset' || name === 'noglob' || name === 'xtrace') sh.flags[name] = on;
      else if (name === 'pipefail' && sh.dialect === 'ash') sh.flags.pipefail = on;
      else if (name !== 'verbose' && name !== 'noclobber' && name !== 'allexport') illegal(`${a} ${name}`);
      continue;
    }
    for (const letter of a.slice(1)) {
      if (!(letter in OPTION_LETTERS)) illegal(`${a[0]}${letter}`);
      const flag = OPTION_LETTERS[letter];
      if (flag) sh.flags[flag] = on;
    }
  }
  return 0;
};

const exportOrReadonly =
  (kind: 'export' | 'readonly'): Builtin =>
  (sh, args) => {
    const names = args.slice(1).filter((a) => a !== '-p');
    if (names.length === 0) {
      for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (kind === 'export' ? !v.exported : !v.readonly) continue;
        sh.out(`${kind} ${k}${v.value === undefined ? '' : `=${quoteValue(v.value)}`}\n`);
      }
      return 0;
    }
    for (const a of names) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!isName(name)) die(sh, `${name}: bad variable name`);
      const opts = kind === 'export' ? { exported: true } : { readonly: true };
      if (eq >= 0) sh.setVar(name, a.slice(eq + 1), opts);
      else sh.setVar(name, sh.getVar(name), opts);
    }
    return 0;
  };

const unset: Builtin = (sh, args) => {
  let functions = false;
  for (const a of args.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) sh.functions.delete(a);
    else {
      if (sh.vars.get(a)?.readonly) die(sh, `${a}: is read only`);
      sh.vars.delete(a);
    }
  }
  return 0;
};

const local: Builtin = (sh, args) => {
  const frame = sh.frames[sh.frames.length - 1];
  if (!frame) die(sh, 'not in a function');
  for (const a of args.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) die(sh, `${name}: bad variable name`);
    const old = sh.vars.get(name);
    if (!frame.has(name)) frame.set(name, old ? { ...old } : undefined);
    if (eq >= 0) sh.vars.set(name, { value: a.slice(eq + 1), exported: old?.exported ?? false, readonly: false });
    else if (sh.dialect === 'ash' || !old) sh.vars.set(name, { value: undefined, exported: false, readonly: false });
  }
  return 0;
};

/** `read [-r] [-p PROMPT] NAME...`: one line, split on IFS; backslashes escape unless -r. */
const read: Builtin = (sh, args) => {
  let raw = false;
  let i = 1;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-' && args[i] !== '--'; i++) {
    const a = args[i]!;
    if (a === '-r') raw = true;
    else if (a === '-p') i++;
  }
  if (args[i] === '--') i++;
  let names = args.slice(i);
  if (names.length === 0) {
    if (sh.dialect === 'dash') {
      complain(sh, 'arg count');
      return 2;
    }
    names = ['REPLY'];
  }
  const bad = names.find((n) => !isName(n));
  if (bad !== undefined) {
    if (sh.dialect === 'dash') die(sh, `${bad}: bad variable name`);
    sh.err(`sh: read: '${bad}': bad variable name\n`);
    return 1;
  }
  // The line, as characters with whether a backslash protected each.
  const chars: { c: string; esc: boolean }[] = [];
  let ended = false;
  let any = false;
  for (;;) {
    const line = sh.stdin.readLine();
    if (!line) break;
    any = true;
    ended = line.ended;
    let continued = false;
    for (let k = 0; k < line.text.length; k++) {
      const c = line.text[k]!;
      if (!raw && c === '\\') {
        if (k + 1 < line.text.length) chars.push({ c: line.text[++k]!, esc: true });
        else continued = true;
        continue;
      }
      chars.push({ c, esc: false });
    }
    if (!continued || !line.ended) break;
  }
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const white = (c: { c: string; esc: boolean }) => !c.esc && ifs.includes(c.c) && ' \t\n'.includes(c.c);
  const delim = (c: { c: string; esc: boolean }) => !c.esc && ifs.includes(c.c);
  let p = 0;
  while (p < chars.length && white(chars[p]!)) p++;
  names.forEach((name, n) => {
    let value = '';
    if (n === names.length - 1) {
      let end = chars.length;
      while (end > p && white(chars[end - 1]!)) end--;
      value = chars
        .slice(p, end)
        .map((c) => c.c)
        .join('');
      p = chars.length;
    } else {
      while (p < chars.length && !delim(chars[p]!)) value += chars[p++]!.c;
      while (p < chars.length && white(chars[p]!)) p++;
      if (p < chars.length && delim(chars[p]!)) p++;
      while (p < chars.length && white(chars[p]!)) p++;
    }
    sh.setVar(name, value);
  });
  return any && ended ? 0 : 1;
};

const evalBuiltin: Builtin = function* (sh, args) {
  const text = args.slice(1).join(' ');
  const line = sh.lineno;
  sh.status = 0;
  sh.enter('eval');
  try {
    yield* sh.source(text, sh.dialect === 'dash' ? 1 : line, 'eval');
  } finally {
    sh.depth--;
    sh.lineno = line;
  }
  return sh.status;
};

const dot: Builtin = function* (sh, args) {
  const file = args[1];
  if (file === undefined) return 0;
  const content = sh.fs.read(file);
  if (typeof content !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(content)) {
    if (sh.bash) {
      // bash names no builtin here and goes on: `bash: line 1: /nope: No such file or directory`, status 1.
      const saved = sh.commandName;
      sh.commandName = null;
      complain(sh, `${file}: No such file or directory`);
      sh.commandName = saved;
      return 1;
    }
    if (!file.includes('/')) die(sh, `${file}: not found`);
    die(sh, sh.dialect === 'dash' ? `cannot open ${file}: No such file` : `can't open '${file}': No such file or directory`);
  }
  const saved = sh.positional;
  if (sh.dialect === 'ash' && args.length > 2) sh.positional = args.slice(2);
  const line = sh.lineno;
  sh.status = 0;
  sh.enter('.');
  try {
    yield* sh.source(content, 1, args[0]!);
  } finally {
    sh.depth--;
    sh.lineno = line;
    if (sh.dialect === 'ash' && args.length > 2) sh.positional = saved;
  }
  return sh.status;
};

/** What `command -v` and `type` say a name is. */
function describe(sh: Shell, name: string): { kind: 'special' | 'builtin' | 'function' | 'file'; path?: string } | undefined {
  if (builtinOf(name, sh.dialect, sh.bash)) return { kind: SPECIAL_BUILTINS.has(name) ? 'special' : 'builtin' };
  if (sh.functions.has(name)) return { kind: 'function' };
  if (!sh.options.resolve(name)) return undefined;
  if (name.includes('/') || sh.dialect === 'ash') return { kind: 'file', path: name };
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    if (dir !== '' && sh.fs.stat(`${dir}/${name}`) === 'file') return { kind: 'file', path: `${dir}/${name}` };
  }
  return { kind: 'file', path: `/usr/bin/${name}` };
}

/** What `type NAME...` prints for each name; 127 when one is not found. */
function describeNames(sh: Shell, names: string[]): number {
  let status = 0;
  for (const name of names) {
    const d = describe(sh, name);
    if (!d && sh.bash) {
      // bash: `type: NAME: not found` on stderr, status 1 (golden host-bash-words).
      complain(sh, `${name}: not found`);
      status = 1;
    } else if (!d) {
      sh.out(`${name}: not found\n`);
      status = 127;
    } else if (d.kind === 'file') sh.out(`${name} is ${d.path}\n`);
    else if (d.kind === 'function') sh.out(`${name} is ${sh.dialect === 'dash' ? 'a shell function' : 'a function'}\n`);
    else sh.out(`${name} is a ${d.kind === 'special' ? 'special ' : ''}shell builtin\n`);
  }
  return status;
}

const type: Builtin = (sh, args) => describeNames(sh, args.slice(1));

const command: Builtin = function* (sh, args) {
  let i = 1;
  let mode: '' | '-v' | '-V' = '';
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    if (args[i] === '-v' || args[i] === '-V') mode = args[i] as '-v' | '-V';
  }
  const rest = args.slice(i);
  if (rest.length === 0) return 0;
  if (mode === '-V') return describeNames(sh, rest);
  if (mode === '-v') {
    let status = 0;
    for (const name of rest) {
      const d = describe(sh, name);
      if (!d) status = 127;
      else sh.out(`${d.kind === 'file' ? d.path : name}\n`);
    }
    return status;
  }
  return yield* sh.runCommand(rest, false);
};

const exec: Builtin = function* (sh, args) {
  if (args.length === 1) {
    sh.keepRedirections = true;
    return 0;
  }
  throw new ExitSignal(yield* sh.runCommand(args.slice(1), false));
};

const trap: Builtin = (sh, args) => {
  if (args.length < 3) return 0;
  const action = args[1]!;
  for (const cond of args.slice(2)) {
    if (cond === 'EXIT' || cond === '0') sh.shared.exitTrap = action === '-' || action === '' ? undefined : action;
  }
  return 0;
};

/** dash's and ash's single_quote: `it's` -> `'it'"'"'s'`. */
const singleQuote = (text: string): string => `'${text.replace(/'/g, `'"'"'`)}'`;

/** dash's and ash's hashalias: the bucket of 39 an alias lives in (`alias` lists them bucket by bucket, each in the order defined). */
function aliasBucket(name: string): number {
  let hash = name.charCodeAt(0) << 4;
  for (let i = 0; i < name.length; i++) hash += name.charCodeAt(i);
  return hash % 39;
}

/** `alias [NAME[=VALUE]...]`: defines, or prints `NAME='VALUE'`; a name without one: `alias: NAME not found` (dash 0.5.12, busybox 1.35 alike). */
const alias: Builtin = (sh, args) => {
  // bash prints each as the command that defines it, sorted by name (golden host-bash-words).
  const print = (name: string, value: string) => sh.out(`${sh.bash ? 'alias ' : ''}${name}=${singleQuote(value)}\n`);
  if (args.length === 1 && sh.bash) {
    for (const name of [...sh.aliases.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) print(name, sh.aliases.get(name)!);
    return 0;
  }
  if (args.length === 1) {
    const names = [...sh.aliases.keys()];
    const order = names.map((name, i) => ({ name, i, bucket: aliasBucket(name) })).sort((a, b) => a.bucket - b.bucket || a.i - b.i);
    for (const { name } of order) print(name, sh.aliases.get(name)!);
    return 0;
  }
  let status = 0;
  for (const arg of args.slice(1)) {
    const eq = arg.indexOf('=', 1);
    if (eq > 0) {
      // Redefining keeps the alias where it was listed.
      sh.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
      continue;
    }
    const value = sh.aliases.get(arg);
    if (value === undefined) {
      // bash: `bash: alias: nope: not found` (goldens host-bash-words, host-bash-interactive).
      if (sh.bash) complain(sh, `${arg}: not found`);
      else sh.err(`alias: ${arg} not found\n`);
      status = 1;
    } else print(arg, value);
  }
  return status;
};

/** `unalias [-a] NAME...`: `unalias: NAME not found` for one that is not defined. */
const unalias: Builtin = (sh, args) => {
  if (args[1] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const name of args.slice(1)) {
    if (!sh.aliases.delete(name)) {
      if (sh.bash) complain(sh, `${name}: not found`);
      else sh.err(`unalias: ${name} not found\n`);
      status = 1;
    }
  }
  return status;
};

export const BUILTINS: Record<string, Builtin> = {
  alias,
  unalias,
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  test,
  '[': test,
  cd,
  pwd: (sh) => {
    sh.out(`${sh.fs.cwd}\n`);
    return 0;
  },
  exit,
  return: ret,
  break: loopControl('break'),
  continue: loopControl('continue'),
  shift,
  set,
  export: exportOrReadonly('export'),
  readonly: exportOrReadonly('readonly'),
  unset,
  local,
  read,
  eval: evalBuiltin,
  '.': dot,
  type,
  command,
  exec,
  trap,
  wait: () => 0,
  source: dot,
};

/** The builtin of that name in this shell (`source` is busybox's and bash's; dash has only `.`). */
export function builtinOf(name: string, dialect: 'dash' | 'ash', bash = false): Builtin | undefined {
  if (name === 'source' && dialect === 'dash' && !bash) return undefined;
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}
