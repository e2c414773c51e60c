/**
 * Commands that run or signal other processes: sudo (the Debian machines'
 * shell is root's, so it runs the command with sudo's reset environment),
 * xargs (GNU findutils and busybox: -n, -I, -0, -d, -r, -t, -L) and kill
 * (dash's builtin on the Debian machines, busybox ash's builtin and applet in
 * containers). Which process a PID is, and what a signal does to it, is the
 * caller's: `signal` answers for one PID.
 */
import { SUDO_HELP, SUDO_USAGE, SUDO_VERSION } from './sudo-text.ts';
import { getopt, isGetoptError } from './getopt.ts';
import { isOutput, toolOptions, usageError } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

type Programs = (name: string) => Command | undefined;

// ---- sudo ----------------------------------------------------------------------------

/** Where PATH would find a program for SUDO_COMMAND (sudo records the full path). */
export function sudoCommand(program: Programs, where: (name: string) => string | undefined): Command {
  return (argv, ctx) => {
    const parsed = getopt(argv, {
      flags: 'ABbEHhKkNnPSilsVv',
      valued: 'CDgpRrTtUu',
      long: { login: { key: 'i' }, shell: { key: 's' }, user: { key: 'u', value: 'required' }, 'preserve-env': { key: 'E', value: 'optional' }, 'set-home': { key: 'H' }, help: { key: 'h' }, version: { key: 'V' }, 'non-interactive': { key: 'n' }, list: { key: 'l' }, chdir: { key: 'D', value: 'required' } },
      stopAtOperand: true,
    });
    if (isGetoptError(parsed)) {
      const what = parsed.kind === 'invalid' ? `sudo: invalid option -- '${parsed.option}'\n` : parsed.kind === 'missing' ? `sudo: option requires an argument -- '${parsed.option}'\n` : `sudo: unrecognized option '${parsed.option}'\n`;
      return fail(what + SUDO_USAGE, 1);
    }
    const has = (k: string) => parsed.options.some(([x]) => x === k);
    if (has('h')) return ok(SUDO_HELP);
    if (has('V')) return ok(SUDO_VERSION);
    if ((has('k') || has('K') || has('v')) && parsed.operands.length === 0) return ok();
    if ((has('K') || has('v')) && parsed.operands.length > 0) return fail(SUDO_USAGE, 1);
    if (has('l')) return fail('vethlab: sudo -l is not modelled here\n', 1);
    const user = parsed.options.find(([k]) => k === 'u')?.[1];
    if (user !== undefined && !knownUser(ctx, user)) return fail(`sudo: unknown user ${user}\nsudo: error initializing audit plugin sudoers_audit\n`, 1);
    return runAs();

    function runAs(): CommandOutput {
      if (isGetoptError(parsed)) return fail(SUDO_USAGE, 1);
      const operands = [...parsed.operands];
      const assigns: [string, string][] = [];
      while (operands.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(operands[0]!)) {
        const a = operands.shift()!;
        assigns.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
      }
      const shell = has('i') || has('s');
      if (operands.length === 0) {
        if (shell) return fail('vethlab: sudo -i and sudo -s open an interactive shell, which is not modelled here: this shell is already root\'s\n', 1);
        return fail(SUDO_USAGE, 1);
      }
      const words = shell ? ['sh', '-c', operands.join(' ')] : operands;
      const [name, ...args] = words as [string, ...string[]];
      const command = program(name);
      const path = where(name);
      if (!command || path === undefined) return fail(`sudo: ${name}: command not found\n`, 1);
      const target = parsed.options.find(([k]) => k === 'u')?.[1] ?? 'root';
      const home = target === 'root' ? '/root' : (homeOf(ctx, target) ?? '/');
      const env: Record<string, string> = has('E')
        ? { ...ctx.env }
        : Object.fromEntries(
            [
              ['TERM', ctx.env.TERM],
              ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
              ['LANG', ctx.env.LANG],
              ['MAIL', `/var/mail/${target}`],
              ['LOGNAME', target],
              ['USER', target],
              ['HOME', home],
              ['SHELL', target === 'root' ? '/bin/bash' : '/bin/sh'],
            ].filter((e): e is [string, string] => e[1] !== undefined),
          );
      Object.assign(env, Object.fromEntries(assigns), { SUDO_COMMAND: [path, ...args].join(' '), SUDO_USER: 'root', SUDO_UID: '0', SUDO_GID: '0' });
      return command(args, { ...ctx, env });
    }
  };
}

function passwd(ctx: CommandContext): string[][] {
  const text = ctx.fs.read('/etc/passwd');
  return typeof text === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text) ? text.split('\n').map((l) => l.split(':')) : [];
}
const knownUser = (ctx: CommandContext, user: string) => passwd(ctx).some((f) => f[0] === user || (user.startsWith('#') && f[2] === user.slice(1))) || /^#\d+$/.test(user);
const homeOf = (ctx: CommandContext, user: string) => passwd(ctx).find((f) => f[0] === user)?.[5];

// ---- xargs ---------------------------------------------------------------------------

/** xargs' reading of its input: blanks and newlines separate, quotes and backslashes group. */
function splitInput(text: string): string[] | string {
  const out: string[] = [];
  let word = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close < 0 || (nl >= 0 && nl < close)) return ch === "'" ? 'single' : 'double';
      word += text.slice(i + 1, close);
      has = true;
      i = close;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i]!;
      has = true;
    } else if (/[ \t\n]/.test(ch)) {
      if (has) out.push(word);
      word = '';
      has = false;
    } else {
      word += ch;
      has = true;
    }
  }
  if (has) out.push(word);
  return out;
}

export function xargsCommand(program: Programs): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const parsed = toolOptions('xargs', argv, ctx, {
      flags: busybox ? 'rtx0poa' : 'rt0px',
      valued: busybox ? 'nsEeIPd' : 'nsEIPLdae',
      long: { null: { key: '0' }, 'no-run-if-empty': { key: 'r' }, verbose: { key: 't' }, 'max-args': { key: 'n', value: 'required' }, replace: { key: 'I', value: 'optional' }, delimiter: { key: 'd', value: 'required' }, 'max-lines': { key: 'L', value: 'optional' } },
      stopAtOperand: true,
    });
    if (isOutput(parsed)) return parsed;
    let perCall = Infinity;
    let replace: string | undefined;
    let delimiter: string | undefined;
    let lines = 0;
    let noEmpty = false;
    let trace = false;
    for (const [k, v] of parsed.options) {
      if (k === 'n' || k === 'L') {
        if (!/^\d+$/.test(v!) || Number(v) < 1) return busybox ? fail(`xargs: invalid number '${v}'\n`, 1) : usageError('xargs', ctx, `xargs: invalid number "${v}" for -${k} option\n`);
        if (k === 'n') perCall = Number(v);
        else lines = Number(v);
      } else if (k === 'I') replace = v ?? '{}';
      else if (k === '0') delimiter = '\0';
      else if (k === 'd') delimiter = v!.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
      else if (k === 'r') noEmpty = true;
      else if (k === 't') trace = true;
    }
    const words = parsed.operands.length > 0 ? parsed.operands : ['echo'];
    let items: string[];
    if (replace !== undefined) items = ctx.stdin.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l, i, all) => l !== '' || i < all.length - 1).filter((l) => l !== '');
    else if (delimiter !== undefined) {
      items = ctx.stdin.split(delimiter);
      if (items[items.length - 1] === '' || (delimiter !== '\0' && items[items.length - 1] === '\n')) items.pop();
    } else if (lines > 0) {
      const split = ctx.stdin.split('\n').filter((l) => l.trim() !== '');
      items = [];
      for (let i = 0; i < split.length; i += lines) items.push(split.slice(i, i + lines).join(' '));
      perCall = 1;
    } else {
      const split = splitInput(ctx.stdin);
      if (typeof split === 'string') {
        return fail(busybox ? 'xargs: unmatched ' + (split === 'single' ? "'" : '"') + '\n' : `xargs: unmatched ${split} quote; by default quotes are special to xargs unless you use the -0 option\n`, 1);
      }
      items = split;
    }
    const calls: string[][] = [];
    if (replace !== undefined) for (const item of items) calls.push(words.map((w) => w.split(replace!).join(item)));
    else if (items.length === 0) {
      if (!noEmpty) calls.push([...words]);
    } else for (let i = 0; i < items.length; i += perCall === Infinity ? items.length : perCall) calls.push([...words, ...(lines > 0 ? items[i]!.split(/\s+/) : items.slice(i, i + (perCall === Infinity ? items.length : perCall)))]);
    let stdout = '';
    let stderr = '';
    let status = 0;
    for (const call of calls) {
      const [name, ...args] = call as [string, ...string[]];
      if (trace) stderr += `${call.join(' ')}\n`;
      const command = program(name);
      if (!command) return { stdout, stderr: `${stderr}xargs: ${name}: No such file or directory\n`, exitCode: 127 };
      const out = command(args, { ...ctx, stdin: '' });
      stdout += out.stdout;
      stderr += out.stderr;
      if (out.exitCode === 255) return { stdout, stderr: `${stderr}xargs: ${name}: exited with status 255; aborting\n`, exitCode: 124 };
      if (out.exitCode !== 0) status = 123;
    }
    return { stdout, stderr, exitCode: status };
  };
}

// ---- kill ----------------------------------------------------------------------------

const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS'];
/** dash's `kill -l`: 0, the names glibc gives (16, 32 and 33 have none), the real-time ones. */
const DASH_SIGNALS = ['0', ...SIGNALS.slice(0, 15), '16', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS', '32', '33', 'RTMIN', ...Array.from({ length: 15 }, (_v, i) => `RTMIN+${i + 1}`), ...Array.from({ length: 14 }, (_v, i) => `RTMAX-${14 - i}`), 'RTMAX'];

/** What a signal did: delivered (or ignored, as PID 1 does), no such process, or a not-modelled target. */
export type SignalResult = 'ok' | 'none' | { message: string };

/** Whose kill: dash's builtin, busybox ash's builtin, busybox's applet. */
export type KillVoice = 'dash' | 'ash' | 'busybox';

function signalNumber(spec: string): number | undefined {
  const name = spec.toUpperCase().replace(/^SIG/, '');
  if (/^\d+$/.test(spec)) return Number(spec) <= 64 ? Number(spec) : undefined;
  if (name === 'IO') return 29;
  const at = SIGNALS.indexOf(name);
  return at < 0 ? undefined : at + 1;
}

export function killCommand(voice: KillVoice, signal: (pid: number, sig: number) => SignalResult): Command {
  const prefix = voice === 'dash' ? 'sh: 1: kill: ' : voice === 'ash' ? 'sh: ' : 'kill: ';
  return (argv) => {
    const args = [...argv];
    if (args[0] === '-l' || args[0] === '-L') {
      if (args.length === 1) {
        if (voice === 'dash') return ok(DASH_SIGNALS.map((s) => `${s}\n`).join(''));
        return ok(SIGNALS.map((s, i) => `${String(i + 1).padStart(2)}) ${s}\n`).join(''));
      }
      let out = '';
      for (const a of args.slice(1)) {
        if (/^\d+$/.test(a)) {
          const n = Number(a) > 128 ? Number(a) - 128 : Number(a);
          const name = voice === 'dash' ? DASH_SIGNALS[n] : SIGNALS[n - 1];
          if (name === undefined) return fail(`${prefix}${voice === 'dash' ? `invalid signal number or exit status: ${a}` : `bad signal name '${a}'`}\n`, voice === 'dash' ? 2 : 1);
          out += `${name}\n`;
        } else {
          const n = signalNumber(a);
          if (n === undefined || voice === 'dash') return fail(`${prefix}${voice === 'dash' ? `Illegal number: ${a}` : `bad signal name '${a}'`}\n`, voice === 'dash' ? 2 : 1);
          out += `${n}\n`;
        }
      }
      return ok(out);
    }
    let sig = 15;
    if (args[0] === '-s' || args[0] === '-n') {
      args.shift();
      const spec = args.shift();
      const n = spec === undefined ? undefined : signalNumber(spec);
      if (n === undefined) return fail(voice === 'dash' ? `${prefix}invalid signal number or name: ${spec ?? ''}\n` : `${prefix}bad signal name '${spec ?? ''}'\n`, voice === 'dash' ? 2 : 1);
      sig = n;
    } else if (args[0]?.startsWith('-') && args[0] !== '--') {
      const spec = args.shift()!.slice(1);
      const n = spec === '0' ? 0 : signalNumber(spec);
      if (n === undefined) return fail(voice === 'dash' ? `${prefix}Illegal option -${spec}\n` : `${prefix}bad signal name '${spec}'\n`, voice === 'dash' ? 2 : 1);
      sig = n;
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      if (voice === 'dash') return fail(`${prefix}Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`, 2);
      return fail(`${prefix}you need to specify whom to kill\n`, 1);
    }
    let stderr = '';
    for (const a of args) {
      if (!/^-?\d+$/.test(a)) {
        if (voice === 'dash') return fail(`${stderr}${prefix}Illegal number: ${a}\n`, 2);
        stderr += `${prefix}invalid number '${a}'\n`;
        continue;
      }
      const r = signal(Number(a), sig);
      // dash's message carries strerror's text and a newline of its own: a blank line follows.
      if (r === 'none') stderr += voice === 'dash' ? `${prefix}No such process\n\n` : `${prefix}can't kill pid ${a}: No such process\n`;
      else if (r !== 'ok') stderr += r.message;
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  };
}
