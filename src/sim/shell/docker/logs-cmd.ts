/**
 * `docker logs`: a container's log as client 28.2.2 asks for it and daemon 28.5.2
 * filters it (golden docker-logs): `--tail`/`-n` (a value
 * that is no number means all, as the daemon's Atoi fallback does), `-t` (each line's
 * time, RFC3339 with nine fixed digits), `--since`/`--until` (a Go duration back from
 * now, an RFC3339 time or date, or Unix seconds), `--details` (a space before each
 * line: no extra attributes here), `-f` (the terminal cannot follow, and says so).
 */
import type { Engine } from '../../docker/engine.ts';
import { logEntries } from '../../docker/log-stamps.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { argCountError, daemonError } from './usage.ts';

const GO_DURATION_UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds, or undefined. */
function parseGoDuration(value: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(value);
  if (!m) return value === '0' ? 0 : undefined;
  let total = 0;
  for (const part of value.slice(m[1]!.length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * GO_DURATION_UNITS[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

/**
 * timetypes.GetTimestamp: a duration counts back from now; otherwise an RFC3339 time
 * (with or without zone or seconds), a date, or Unix seconds. Epoch ms, or undefined.
 */
function parseTimestamp(value: string, now: number): number | undefined {
  const duration = parseGoDuration(value);
  if (duration !== undefined) return now - duration;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) {
    // A time without a zone is local time; the simulated host's zone is UTC.
    const parsed = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** jsonmessage.RFC3339NanoFixed: `2026-12-07T10:46:53.870000000Z`. */
function logTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function logsCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('logs', argv, [
    { long: 'follow', short: 'f', kind: 'bool' },
    { long: 'tail', short: 'n', kind: 'string' },
    { long: 'timestamps', short: 't', kind: 'bool' },
    { long: 'since', kind: 'string' },
    { long: 'until', kind: 'string' },
    { long: 'details', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('logs', 'exactly 1 argument');
  // The client inspects the container first (is it on a terminal?), then its API library parses the times.
  const ref = f.args[0]!;
  const c = engine.findContainer(ref);
  if (!c) return fail(daemonError(`No such container: ${ref}`), 1);
  const now = engine.kernel.now;
  const bounds: { since?: number; until?: number } = {};
  for (const key of ['since', 'until'] as const) {
    const value = f.strings.get(key);
    if (value === undefined || value === '') continue;
    const at = parseTimestamp(value, now);
    if (at === undefined) return fail(`invalid value for "${key}": failed to parse value as time or duration: ${JSON.stringify(value)}\n`, 1);
    bounds[key] = at;
  }
  // The daemon's ContainerLogs: `--log-driver none` keeps nothing to read (logger.ErrReadLogsNotSupported).
  if (c.settings.logConfig.type === 'none') return fail(daemonError('configured logging driver does not support reading'), 1);
  let entries = logEntries(c).filter((e) => (bounds.since === undefined || e.at >= bounds.since) && (bounds.until === undefined || e.at <= bounds.until));
  const tail = Number.parseInt(f.strings.get('tail') ?? 'all', 10);
  if (Number.isInteger(tail) && tail >= 0) entries = tail === 0 ? [] : entries.slice(-tail);
  const text = entries.map((e) => `${f.bools.has('timestamps') ? `${logTime(e.at)} ` : ''}${f.bools.has('details') ? ' ' : ''}${e.line}\n`).join('');
  if (f.bools.has('follow') && (c.state === 'running' || c.state === 'paused')) {
    return { stdout: text, stderr: `vethlab: docker logs -f would go on following ${ref}; this terminal stops here (run it again for new lines)\n`, exitCode: 0 };
  }
  return ok(text);
}
