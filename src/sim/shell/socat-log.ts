/**
 * socat's diagnostics (error.c): each message is one line,
 * `YYYY/MM/DD HH:MM:SS socat[PID] L TEXT`, L one of "DINWEF"; a message is
 * printed when its level reaches the threshold, which 1.8 sets to warnings and
 * the -d options move (socat.c: `-d` alone leaves it at warnings, `-dd` and
 * `-d -d` add notices, `-d0` keeps errors only, `-dN` sets it). `-ly` sends the
 * lines to syslog, which a container has no daemon for: they vanish. `-lf FILE`
 * appends them to a file instead (fopen "a", flushed line by line), `-lh` puts the
 * host name ($HOSTNAME, else uname's nodename) before the program name. The time is
 * the simulator's clock (UTC in a container), the PID the process's own.
 * Source: socat 1.8.0.1's error.c (msg2, diag level), socat.c (option -d); -lf
 * and -lh as socat 1.7.3.3's error.c (diag_set 'f', diag_set_int 'h', msg2) has them.
 */
import { nginxLogTime } from './servers.ts';

export const LEVEL = { debug: 0, info: 1, notice: 2, warn: 3, error: 4, fatal: 5 } as const;
export type Level = keyof typeof LEVEL;

export interface LogSettings {
  /** Messages at or above this level are printed (error.c's msglevel; 3, warnings, by default). */
  threshold: number;
  /** -ly: to syslog (nowhere, in a container). */
  syslog: boolean;
  /** -lu: microseconds after the seconds. */
  micros: boolean;
  /** -lp NAME: the program name in each line. */
  name: string;
  /** -lf FILE: the lines go to this file, appended, instead of stderr. */
  file?: string;
  /** -lh: the host name before the program name. */
  withHostname: boolean;
}

export const DEFAULT_LOG: LogSettings = { threshold: LEVEL.warn, syslog: false, micros: false, name: 'socat', withHostname: false };

/** Where one socat's lines go besides stderr: the -lf file, and the host name -lh prints. */
export interface LogPlace {
  /** Appends to the -lf file. */
  append?: (text: string) => void;
  hostname?: string;
}

/** Writes socat's lines for one process (`pid`) at the simulator's time `now` (ms). */
export class SocatLog {
  private text = '';

  constructor(
    private readonly settings: LogSettings,
    /** The simulator's time (ms) now: a number, or the clock itself when the process waits between lines (retry). */
    private readonly now: number | (() => number),
    private readonly place: LogPlace = {},
  ) {}

  /** One message, if its level is printed. */
  write(pid: number, level: Level, message: string): void {
    if (LEVEL[level] < this.settings.threshold || this.settings.syslog) return;
    const now = typeof this.now === 'number' ? this.now : this.now();
    const micros = this.settings.micros ? `.${String((now % 1000) * 1000).padStart(6, '0')}` : '';
    const host = this.settings.withHostname && this.place.hostname !== undefined ? `${this.place.hostname} ` : '';
    const line = `${nginxLogTime(now)}${micros} ${host}${this.settings.name}[${pid}] ${'DINWEF'[LEVEL[level]]} ${message}\n`;
    if (this.settings.file !== undefined && this.place.append) this.place.append(line);
    else this.text += line;
  }

  /** Text socat writes to stderr itself, whatever the log settings (-v and -x dumps, a child's stderr). */
  raw(text: string): void {
    this.text += text;
  }

  /** An error: socat exits on it, and says so (`N exit(1)`) when notices are printed (error.c msg2). */
  error(pid: number, message: string): void {
    this.write(pid, 'error', message);
    this.write(pid, 'notice', 'exit(1)');
  }

  /** Everything written so far, and forgets it. */
  take(): string {
    const out = this.text;
    this.text = '';
    return out;
  }
}

/** What one -d option does to the verbosity (socat.c's option loop, case 'd'). */
export type DebugOption =
  /** The new message level (threshold 4 - level). */
  | { level: number }
  /** A letter other than d, 0-4 and - right after -d: socat prints its usage on stderr and goes on. */
  | { usage: 'go-on' }
  /** A letter other than d after -dd: the usage on stderr, and exit 1. */
  | { usage: 'exit' }
  /** A number with something after it: socat's error (it exits). */
  | { error: string };

/**
 * socat 1.8's -d forms, from the message level so far (each -d raises it; the
 * threshold is 4 - level, so warnings after one -d): `-d` adds one, `-dd...`
 * one per d, `-dN` sets it to N as strtol reads it (base 0: `-d-1`, `-d0x2`),
 * and a number followed by anything else is an error that names its first
 * character (socat's own wording, "option" glued on).
 */
export function debugOption(option: string, level: number): DebugOption {
  const rest = option.slice(2);
  if (rest === '') return { level: level + 1 };
  if (rest[0] === 'd') return /^d+$/.test(rest) ? { level: level + 1 + rest.length } : { usage: 'exit' };
  if (!/^[-0-4]/.test(rest)) return { usage: 'go-on' };
  const number = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(rest);
  if (!number || number[0].length < rest.length) return { error: `Invalid (trailing) character(s) "${rest[0]}" in "${option}"option` };
  return { level: strtolValue(number[0]) };
}

/** strtol's value of a base-0 number (sign, 0x hex, leading-0 octal, decimal). */
function strtolValue(text: string): number {
  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : /^0./.test(digits) ? parseInt(digits, 8) : Number(digits);
  return negative ? -value : value;
}
