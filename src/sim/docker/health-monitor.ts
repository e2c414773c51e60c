/**
 * Health checks at work (moby daemon/health.go, container/health.go): while a
 * container with a probe runs, the daemon execs the probe every interval (the
 * start interval while it is still starting inside its start period), keeps the
 * last 5 results, counts failures in a row and calls the container unhealthy
 * after `Retries` of them (3 by default). A failure inside the start period does
 * not count while it has never been healthy. The timer starts again when a probe
 * ends. The monitor stops with the container, which then reads unhealthy
 * (CloseMonitorChannel, "for compatibility reasons").
 */
import type { Container } from './model.ts';
import type { Healthcheck } from './run-settings.ts';

/** A probe's record, as `.State.Health.Log` shows it (times in epoch ms). */
export interface HealthResult {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface HealthState {
  status: HealthStatus;
  failingStreak: number;
  log: HealthResult[];
  /** When the next probe runs (virtual ms); undefined: the monitor is stopped. */
  dueAt?: number;
}

const NS_PER_MS = 1e6;
const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_START_INTERVAL_MS = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG_ENTRIES = 5;
/** maxOutputLen: the probe's output is cut to its first 4 KiB. */
export const MAX_PROBE_OUTPUT = 4096;

/** The probe's program, or undefined when the container has none (no Test, `NONE`). */
export function probeArgv(hc: Healthcheck | undefined): string[] | undefined {
  const test = hc?.test ?? [];
  if (test[0] === 'CMD-SHELL' && test.length > 1) return ['/bin/sh', '-c', test[1]!];
  if (test[0] === 'CMD' && test.length > 1) return test.slice(1);
  return undefined;
}

/** timeoutWithDefault: a zero duration means the default. */
function ms(ns: number | undefined, fallbackMs: number): number {
  return ns === undefined || ns === 0 ? fallbackMs : ns / NS_PER_MS;
}

/** getInterval: the start interval while starting inside the start period, else the interval. */
function nextInterval(c: Container, h: HealthState, now: number): number {
  const hc = c.settings.healthcheck;
  const startPeriod = ms(hc?.startPeriod, 0);
  if (now - (c.startedAt ?? now) < startPeriod && h.status === 'starting') return ms(hc?.startInterval, DEFAULT_START_INTERVAL_MS);
  return ms(hc?.interval, DEFAULT_INTERVAL_MS);
}

/** initHealthMonitor at a start: starting again, the streak reset, the log kept. */
export function startHealthMonitor(c: Container, now: number): void {
  if (probeArgv(c.settings.healthcheck) === undefined) return;
  const h: HealthState = c.health ?? { status: 'starting', failingStreak: 0, log: [] };
  h.status = 'starting';
  h.failingStreak = 0;
  c.health = h;
  h.dueAt = now + nextInterval(c, h, now);
}

/** stopHealthchecks: the monitor ends, and a stopped container reads unhealthy. */
export function stopHealthMonitor(c: Container): void {
  if (c.health?.dueAt === undefined) return;
  delete c.health.dueAt;
  c.health.status = 'unhealthy';
}

/** The running container whose probe is due first (at or before now), if any. */
export function dueHealthCheck(containers: Iterable<Container>, now: number): Container | undefined {
  let first: Container | undefined;
  for (const c of containers) {
    const due = c.health?.dueAt;
    if (due !== undefined && due <= now && (first === undefined || due < first.health!.dueAt!)) first = c;
  }
  return first;
}

/** handleProbeResult: the log (last 5), the streak and the status; the timer starts again. */
export function recordProbe(c: Container, result: HealthResult): void {
  const h = c.health;
  if (h?.dueAt === undefined) return;
  h.log = [...h.log, { ...result, output: result.output.slice(0, MAX_PROBE_OUTPUT) }].slice(-MAX_LOG_ENTRIES);
  if (result.exitCode === 0) {
    h.failingStreak = 0;
    h.status = 'healthy';
  } else {
    const hc = c.settings.healthcheck;
    const inStartPeriod = h.status === 'starting' && result.start - (c.startedAt ?? result.start) < ms(hc?.startPeriod, 0);
    if (!inStartPeriod) {
      h.failingStreak++;
      const retries = hc?.retries !== undefined && hc.retries > 0 ? hc.retries : DEFAULT_RETRIES;
      if (h.failingStreak >= retries) h.status = 'unhealthy';
    }
  }
  h.dueAt = result.end + nextInterval(c, h, result.end);
}

/** The STATUS column's suffix (Health.String): `health: starting`, `healthy`, `unhealthy`. */
export function healthText(h: HealthState): string {
  return h.status === 'starting' ? 'health: starting' : h.status;
}
