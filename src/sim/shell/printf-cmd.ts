/**
 * printf FORMAT [ARG]...: the shells' builtin (dash on the Debian machines,
 * busybox ash in containers; every host line runs through dash) and busybox's
 * applet for a direct `docker exec C printf`. The format is reused while
 * arguments remain; numbers take C's forms (`0x10`, `010`, `'a`); a bad number
 * prints 0, says so and makes the status 1.
 */
import { appletUsage } from './busybox-help.ts';
import { formatFloat, formatInt, formatString, parseFormat, unescape, type Piece } from './format.ts';
import type { Command, CommandOutput } from './types.ts';

/** Whose printf: dash's builtin, ash's builtin, busybox's applet, coreutils' /usr/bin/printf. */
export type PrintfVoice = 'dash' | 'ash' | 'busybox' | 'coreutils';

export function printfCommand(voice: PrintfVoice): Command {
  const prefix = voice === 'dash' ? 'sh: 1: printf: ' : voice === 'ash' ? 'sh: ' : 'printf: ';
  return (argv) => {
    const args = argv[0] === '--' ? argv.slice(1) : argv;
    const format = args[0];
    if (format === undefined) {
      if (voice === 'busybox') return { stdout: '', stderr: appletUsage('printf'), exitCode: 1 };
      if (voice === 'coreutils') return { stdout: '', stderr: "printf: missing operand\nTry 'printf --help' for more information.\n", exitCode: 1 };
      return { stdout: '', stderr: `${prefix}${voice === 'dash' ? 'usage: printf format [arg ...]' : 'usage: printf FORMAT [ARGUMENT...]'}\n`, exitCode: 2 };
    }
    return run(parseFormat(format), format, args.slice(1), voice, prefix);
  };
}

function run(pieces: Piece[], format: string, args: string[], voice: PrintfVoice, prefix: string): CommandOutput {
  let stdout = '';
  let stderr = '';
  let status = 0;
  let next = 0;
  const take = (): string | undefined => (next < args.length ? args[next++] : undefined);
  const number = (arg: string | undefined, integer: boolean): number => {
    if (arg === undefined || arg === '') return 0;
    if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
    const m = integer ? /^\s*[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg) : /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0[xX][0-9a-fA-F]+)/.exec(arg);
    const value = (text: string) => {
      const t = text.trim();
      const neg = t.startsWith('-');
      const body = t.replace(/^[-+]/, '');
      const v = integer ? (/^0[xX]/.test(body) ? parseInt(body, 16) : /^0[0-7]+$/.test(body) ? parseInt(body, 8) : Number(body)) : /^0[xX]/.test(body) ? parseInt(body, 16) : Number(body);
      return neg ? -v : v;
    };
    if (m && m[0].length === arg.length) return value(m[0]);
    status = 1;
    if (voice === 'dash') {
      stderr += m ? `${prefix}${arg}: not completely converted\n` : `${prefix}${arg}: expected numeric value\n`;
      return m ? value(m[0]) : 0;
    }
    if (voice === 'coreutils') {
      stderr += m ? `printf: \u2018${arg}\u2019: value not completely converted\n` : `printf: \u2018${arg}\u2019: expected a numeric value\n`;
      return m ? value(m[0]) : 0;
    }
    stderr += `${prefix}invalid number '${arg}'\n`;
    return 0;
  };
  for (;;) {
    const before = next;
    for (const piece of pieces) {
      if ('text' in piece) {
        const t = unescape(piece.text);
        stdout += t.text;
        continue;
      }
      const spec = { ...piece.spec };
      if (piece.widthArg) {
        const w = number(take(), true);
        if (w < 0) spec.flags += '-';
        spec.width = Math.abs(w);
      }
      if (piece.precisionArg) spec.precision = Math.max(0, number(take(), true));
      switch (spec.conv) {
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          stdout += formatInt(number(take(), true), spec);
          break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          stdout += formatFloat(number(take(), false), spec);
          break;
        case 'c':
          stdout += formatString((take() ?? '').slice(0, 1), { ...spec, precision: undefined });
          break;
        case 's':
          stdout += formatString(take() ?? '', spec);
          break;
        case 'b': {
          const t = unescape(take() ?? '', true);
          stdout += formatString(t.text, spec);
          if (t.stop) return { stdout, stderr, exitCode: status };
          break;
        }
        default:
          if (voice === 'dash') return { stdout, stderr: `${stderr}${prefix}${piece.raw}: invalid directive\n`, exitCode: 2 };
          if (voice === 'coreutils') return { stdout, stderr: `${stderr}printf: ${piece.raw}: invalid conversion specification\n`, exitCode: 1 };
          return { stdout, stderr: `${stderr}${prefix}${format.slice(format.indexOf(piece.raw))}: invalid format\n`, exitCode: 1 };
      }
    }
    if (next >= args.length || next === before) break;
  }
  return { stdout, stderr, exitCode: status };
}
