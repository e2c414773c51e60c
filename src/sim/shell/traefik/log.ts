/**
 * traefik v3's own log: zerolog v1.33's ConsoleWriter as traefik v3.5.3 sets it up
 * (cmd/traefik/logger.go): RFC 3339 time, a three-letter level, the message, then the
 * fields sorted by name with `error` first, in ANSI colours unless `log.noColor` (or
 * NO_COLOR in the environment). The level is ERROR unless `log.level` says otherwise;
 * at DEBUG and TRACE zerolog adds the caller, and those levels' own lines are not
 * modelled (the log says so once).
 */

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'panic';

const RANK: Readonly<Record<LogLevel, number>> = { trace: -1, debug: 0, info: 1, warn: 2, error: 3, fatal: 4, panic: 5 };
const SHORT: Readonly<Record<LogLevel, string>> = { trace: 'TRC', debug: 'DBG', info: 'INF', warn: 'WRN', error: 'ERR', fatal: 'FTL', panic: 'PNC' };
/** zerolog's LevelColors: blue, none, green, yellow, red. */
const COLOUR: Readonly<Record<LogLevel, number>> = { trace: 34, debug: 0, info: 32, warn: 33, error: 31, fatal: 31, panic: 31 };

export function isLogLevel(s: string): s is LogLevel {
  return Object.hasOwn(RANK, s);
}

/** Go's strconv.Quote for the ASCII texts traefik logs. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u007f/g, '\\x7f');
}

/** ConsoleWriter's needsQuote: control characters, non-ASCII, space, backslash, quote. */
function needsQuote(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x20\x7f-\uffff\\"]/.test(s);
}

/** A field's value: a string, or a value zerolog writes as JSON (`configuration=["a","b"]`). */
export type LogField = string | { json: string };

export class TraefikLog {
  private readonly level: LogLevel;
  private readonly colour: boolean;
  text = '';

  constructor(level: LogLevel, colour: boolean) {
    this.level = level;
    this.colour = colour;
  }

  private paint(s: string, code: number): string {
    return this.colour && code !== 0 ? `\x1b[${code}m${s}\x1b[0m` : s;
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  /** One event: `fields` in any order (the writer sorts them), `error` first. */
  write(now: number, level: LogLevel, message: string, fields: Record<string, LogField> = {}): void {
    if (!this.enabled(level)) return;
    const time = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const parts = [this.paint(time, 90), this.paint(SHORT[level], COLOUR[level])];
    const bold = level === 'info' || level === 'warn' || level === 'error' || level === 'fatal' || level === 'panic';
    if (message !== '') parts.push(bold ? this.paint(message, 1) : message);
    const names = Object.keys(fields).sort();
    const ordered = names.includes('error') ? ['error', ...names.filter((n) => n !== 'error')] : names;
    const rendered = ordered.map((name) => {
      const raw = fields[name]!;
      // A string is quoted when it needs it; any other value is printed as its JSON.
      const value = typeof raw !== 'string' ? raw.json : needsQuote(raw) ? goQuote(raw) : raw;
      return name === 'error' ? `${this.paint('error=', 36)}${this.paint(this.paint(value, 1), 31)}` : `${this.paint(`${name}=`, 36)}${value}`;
    });
    this.text += `${parts.join(' ')}${rendered.length > 0 ? ` ${rendered.join(' ')}` : ''}\n`;
  }

  /** Whatever was logged since the last call. */
  take(): string {
    const out = this.text;
    this.text = '';
    return out;
  }
}
