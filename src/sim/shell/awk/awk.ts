/**
 * The awk command: mawk 1.3.4 (Debian's awk) on the Debian machines, busybox
 * awk in containers. `awk [-F FS] [-v VAR=VALUE]... [-f FILE | 'PROGRAM']
 * [FILE | VAR=VALUE]...`: the program is parsed (parse.ts), then run over the
 * files or standard input (run.ts); errors in each awk's words (mawk:
 * `awk: line 1: syntax error at or near }`, status 2; busybox: `awk: cmd.
 * line:1: Unexpected token`, status 1).
 */
import { appletUsage } from '../busybox-help.ts';
import { getopt, getoptMessage, isGetoptError } from '../getopt.ts';
import type { Command, CommandOutput } from '../types.ts';
import { AwkSyntaxError, parseProgram, unescapeAwk, type Program } from './parse.ts';
import { AwkRuntimeError, Interpreter, strnum } from './run.ts';

/** mawk's usage (`awk` alone), printed on standard error. */
const MAWK_USAGE = "Usage: mawk [Options] [Program] [file ...]\n\nProgram:\n    The -f option value is the name of a file containing program text.\n    If no -f option is given, a \"--\" ends option processing; the following\n    parameters are the program text.\n\nOptions:\n    -f program-file  Program  text is read from file instead of from the\n                     command-line.  Multiple -f options are accepted.\n    -F value         sets the field separator, FS, to value.\n    -v var=value     assigns value to program variable var.\n    --               unambiguous end of options.\n\n    Implementation-specific options are prefixed with \"-W\".  They can be\n    abbreviated:\n\n    -W version       show version information and exit.\n    -W dump          show assembler-like listing of program and exit.\n    -W help          show this message and exit.\n    -W interactive   set unbuffered output, line-buffered input.\n    -W exec file     use file as program as well as last option.\n    -W random=number set initial random seed.\n    -W sprintf=number adjust size of sprintf buffer.\n    -W posix_space   do not consider \"\\n\" a space.\n    -W usage         show this message and exit.\n";

/** What `awk -W version` prints for Debian 12's mawk. */
const MAWK_VERSION = 'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n';

const isAssignment = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(s);

export const awkCommand: Command = (argv, ctx): CommandOutput => {
  const busybox = ctx.userland === 'busybox';
  const dialect = busybox ? 'busybox' : 'mawk';
  const parsed = getopt(argv, { valued: busybox ? 'Fvfe' : 'FvfW', stopAtOperand: true });
  if (isGetoptError(parsed)) {
    if (busybox) return { stdout: '', stderr: getoptMessage('awk', parsed) + appletUsage('awk'), exitCode: 1 };
    if (parsed.kind === 'missing') return { stdout: '', stderr: `awk: option -${parsed.option} lacks argument\n`, exitCode: 2 };
    return { stdout: '', stderr: `awk: not an option: ${parsed.kind === 'invalid' ? `-${parsed.option}` : parsed.option}\n`, exitCode: 2 };
  }
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  const sources: string[] = [];
  for (const [k, v] of parsed.options) {
    if (k === 'F') fs = v === 't' ? '\t' : unescapeAwk(v!);
    else if (k === 'v') {
      if (!isAssignment(v!)) return busybox ? { stdout: '', stderr: appletUsage('awk'), exitCode: 1 } : { stdout: '', stderr: `awk: improper assignment: -v ${v}\n`, exitCode: 2 };
      assigns.push([v!.slice(0, v!.indexOf('=')), unescapeAwk(v!.slice(v!.indexOf('=') + 1))]);
    } else if (k === 'f') {
      const text = ctx.fs.read(v!);
      if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') {
        return busybox ? { stdout: '', stderr: `awk: can't open '${v}': No such file or directory\n`, exitCode: 1 } : { stdout: '', stderr: `awk: couldn't open file ${v}\n`, exitCode: 2 };
      }
      sources.push(text);
    } else if (k === 'e') sources.push(v!);
    else if (k === 'W') {
      if (/^v/.test(v!)) return { stdout: MAWK_VERSION, stderr: '', exitCode: 0 };
      if (/^(h|u)/.test(v!)) return { stdout: MAWK_USAGE, stderr: '', exitCode: 0 };
    }
  }
  const operands = [...parsed.operands];
  if (sources.length === 0) {
    const text = operands.shift();
    if (text === undefined) return busybox ? { stdout: '', stderr: appletUsage('awk'), exitCode: 1 } : { stdout: '', stderr: MAWK_USAGE, exitCode: 0 };
    sources.push(text);
  }
  let program: Program;
  try {
    program = parseProgram(sources.join('\n'));
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    if (busybox) return { stdout: '', stderr: `awk: cmd. line:${Math.min(e.line, sources.join('\n').split('\n').length)}: Unexpected token\n`, exitCode: 1 };
    return { stdout: '', stderr: `awk: line ${e.line}: ${e.message}\n`, exitCode: 2 };
  }
  const awk = new Interpreter(program, dialect, { stdin: ctx.stdin, fs: ctx.fs, env: ctx.env });
  if (fs !== undefined) awk.setVar('FS', strnum(fs));
  for (const [k, v] of assigns) awk.setVar(k, strnum(v));
  awk.setArrayFromArgs('ARGV', ['awk', ...operands]);
  awk.setVar('ARGC', { n: operands.length + 1 });
  let stderr = '';
  // Operands: files, or VAR=VALUE assignments made when reading reaches them.
  const inputs: { name: string; text: string | undefined }[] = [];
  const files = operands.filter((o) => !isAssignment(o));
  for (const o of operands) {
    if (isAssignment(o)) {
      const eq = o.indexOf('=');
      inputs.push({ name: `=${o.slice(0, eq)}=${o.slice(eq + 1)}`, text: undefined });
      continue;
    }
    const text = o === '-' || o === '/dev/stdin' ? ctx.stdin : ctx.fs.read(o);
    if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') {
      const reason = text === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
      if (busybox) stderr += `awk: ${o}: ${reason}\n`;
      else return { stdout: '', stderr: `awk: cannot open ${o} (${reason})\n`, exitCode: 2 };
      continue;
    }
    inputs.push({ name: o, text });
  }
  if (files.length === 0) inputs.push({ name: '', text: ctx.stdin });
  // Assignments among the operands take effect as input reaches them.
  const resolved: { name: string; text: string | undefined }[] = [];
  for (const i of inputs) {
    if (i.text === undefined && i.name.startsWith('=')) {
      const [, k, v] = /^=([^=]+)=(.*)$/s.exec(i.name)!;
      resolved.push({ name: i.name, text: undefined });
      awk.setVar(k!, strnum(unescapeAwk(v!)));
      continue;
    }
    resolved.push(i);
  }
  awk.setInputs(resolved.filter((i) => i.text !== undefined));
  try {
    const status = awk.run();
    return { stdout: awk.out, stderr: stderr + awk.err, exitCode: stderr && status === 0 ? (busybox ? 1 : 2) : status };
  } catch (e) {
    if (!(e instanceof AwkRuntimeError)) throw e;
    awk.flushFiles();
    if (e.message.startsWith('vethlab:')) return { stdout: awk.out, stderr: `${stderr}${awk.err}${e.message}\n`, exitCode: 2 };
    if (busybox) return { stdout: awk.out, stderr: `${stderr}${awk.err}awk: cmd. line:1: ${e.message}\n`, exitCode: 1 };
    return { stdout: awk.out, stderr: `${stderr}${awk.err}awk: run time error: ${e.message}\n${awk.where()}`, exitCode: 2 };
  }
};
