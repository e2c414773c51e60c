/**
 * A service's `healthcheck` and `depends_on` conditions (compose v2.40): the
 * healthcheck becomes the container's Config.Healthcheck (durations in
 * nanoseconds, a string test run by the shell, `disable` as `NONE`), and `up`
 * waits for a dependency whose condition asks for it (pkg/compose/convergence.go
 * waitDependencies, isServiceHealthy, isServiceCompleted; golden compose-health):
 * ` Container X  Waiting`, then a check
 * every 500 ms of the virtual clock until ` Container X  Healthy` (or `Exited`
 * for service_completed_successfully), or the error that ends `up`.
 */
import type { Container } from '../../docker/model.ts';
import type { Healthcheck } from '../../docker/run-settings.ts';
import { ComposeError, type Dependency, type Service } from './model.ts';
import { parseDuration } from './pull.ts';
import { isMapping } from './yaml.ts';

/** The service's healthcheck as the API's Config.Healthcheck, or undefined when it gives none. */
export function serviceHealthcheck(s: Service): Healthcheck | undefined {
  const raw = s.extra.healthcheck;
  if (!isMapping(raw)) return undefined;
  if (raw.disable === true || raw.disable === 'true') return { test: ['NONE'] };
  const hc: Healthcheck = {};
  if (typeof raw.test === 'string') hc.test = ['CMD-SHELL', raw.test];
  else if (Array.isArray(raw.test)) hc.test = raw.test.map(String);
  const nanos = (key: string) => (typeof raw[key] === 'string' ? Math.round(parseDuration(raw[key]) * 1e6) : undefined);
  const interval = nanos('interval');
  const timeout = nanos('timeout');
  const startPeriod = nanos('start_period');
  const startInterval = nanos('start_interval');
  if (interval !== undefined) hc.interval = interval;
  if (timeout !== undefined) hc.timeout = timeout;
  if (startPeriod !== undefined) hc.startPeriod = startPeriod;
  if (startInterval !== undefined) hc.startInterval = startInterval;
  if (raw.retries !== undefined) hc.retries = Number(raw.retries);
  return hc;
}

/** Compose's ticker between two looks at the dependency. */
export const POLL_MS = 500;
/** How long the virtual clock may run for one dependency before vethlab gives up (the real Compose waits for ever). */
const MAX_WAIT_MS = 3_600_000;

/** The conditions `up` waits for; service_started only orders the start. */
export function waitsFor(d: Dependency): boolean {
  return d.condition === 'service_healthy' || d.condition === 'service_completed_successfully';
}

/** isServiceHealthy (fallbackRunning false): healthy, still waiting, or the reason it never will be. */
function healthVerdict(containers: Container[]): 'done' | 'wait' | string {
  for (const c of containers) {
    if (c.state === 'exited') return `container ${c.name} exited (${c.exitCode ?? 0})`;
    if (c.health === undefined) return `container ${c.name} has no healthcheck configured`;
    if (c.health.status === 'unhealthy') return `container ${c.name} is unhealthy`;
    if (c.health.status === 'starting') return 'wait';
  }
  return 'done';
}

/** isServiceCompleted: the first container that has exited gives its status. */
function completedVerdict(service: string, containers: Container[]): 'done' | 'wait' | string {
  const exited = containers.find((c) => c.state === 'exited');
  if (exited === undefined) return 'wait';
  return (exited.exitCode ?? 0) === 0 ? 'done' : `service ${JSON.stringify(service)} didn't complete successfully: exit ${exited.exitCode}`;
}

export interface WaitHooks {
  /** The virtual clock moves on by ms, and what fell due runs (health probes, sleeps). */
  passTime?: (ms: number) => void;
  /** The dependency's containers as the engine has them now. */
  containersOf: (service: string) => Container[];
  event: (name: string, status: string) => void;
}

/** waitDependencies for one service: each dependency whose condition waits, in name order. */
export function waitDependencies(service: Service, hooks: WaitHooks): void {
  for (const [dep, d] of [...service.dependsOn].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!waitsFor(d)) continue;
    const waitingFor = hooks.containersOf(dep);
    for (const c of waitingFor) hooks.event(c.name, 'Waiting');
    if (waitingFor.length === 0) {
      if (d.required) throw new ComposeError(`${service.name} is missing dependency ${dep}`);
      continue;
    }
    if (hooks.passTime === undefined) throw new ComposeError(`vethlab: docker compose up cannot wait for ${dep} here (no clock to move)`);
    for (let waited = 0; ; waited += POLL_MS) {
      if (waited >= MAX_WAIT_MS) throw new ComposeError(`vethlab: ${dep} was still not ${d.condition === 'service_healthy' ? 'healthy' : 'done'} after an hour of the virtual clock; docker compose up would wait for ever`);
      hooks.passTime(POLL_MS);
      const now = hooks.containersOf(dep);
      const verdict = d.condition === 'service_healthy' ? healthVerdict(now) : completedVerdict(dep, now);
      if (verdict === 'wait') continue;
      if (verdict === 'done') {
        for (const c of waitingFor) hooks.event(c.name, d.condition === 'service_healthy' ? 'Healthy' : 'Exited');
        break;
      }
      // An unhealthy dependency's containers show Error; a failed one-shot shows the message itself (ErrorMessageEvent).
      for (const c of waitingFor) hooks.event(c.name, d.condition === 'service_healthy' ? 'Error' : verdict);
      throw new ComposeError(d.condition === 'service_healthy' ? `dependency failed to start: ${verdict}` : verdict);
    }
  }
}
