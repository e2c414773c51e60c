/**
 * caddy's log lines as its default logger writes them to stderr in a container (zap's
 * JSON encoder, caddy's defaults: `level`, `ts` as seconds since the epoch, `logger`
 * when named, `msg`, then the fields), with the time from the simulator's clock.
 */

export type Level = 'debug' | 'info' | 'warn' | 'error';

/** A field written as it is (an int64 beyond JavaScript's exact integers). */
export class RawJson {
  constructor(readonly json: string) {}
}

/** zap's float seconds: strconv.FormatFloat(f, 'f', -1, 64), which JavaScript's shortest form matches for these magnitudes. */
function seconds(ms: number): string {
  return String(ms / 1000);
}

/** One JSON log line. Fields keep their order, as zap writes them. */
export function logLine(now: number, level: Level, logger: string | undefined, msg: string, fields: Record<string, unknown> = {}): string {
  const head = `{"level":"${level}","ts":${seconds(now)}${logger ? `,"logger":${JSON.stringify(logger)}` : ''},"msg":${JSON.stringify(msg)}`;
  const rest = Object.entries(fields)
    .map(([k, v]) => `,${JSON.stringify(k)}:${v instanceof RawJson ? v.json : JSON.stringify(v)}`)
    .join('');
  return `${head}${rest}}\n`;
}

/** Go's log package (log.Printf), which file-server uses for its one line: `2006/01/02 15:04:05 text`. */
export function stdLogLine(now: number, text: string): string {
  const iso = new Date(now).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)} ${text}\n`;
}
