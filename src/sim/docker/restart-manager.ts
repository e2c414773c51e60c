/**
 * The restart policy at work (moby daemon/restartmanager and monitor.go's
 * handleContainerExit): when a container's main process ends by itself, its
 * policy decides whether it starts again, after a backoff that starts at
 * 100 ms and doubles up to a minute, back to 100 ms after a run of 10 s or
 * more. RestartCount counts the restarts since the last `docker start`; a
 * container waiting for its restart is "restarting" (Running and Restarting in
 * inspect, `Restarting (N) ... ago` in ps). `docker stop` and `kill` cancel it.
 */
import type { Container } from './model.ts';

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 60_000;
/** A run this long resets the backoff. */
const RESET_AFTER_MS = 10_000;

/**
 * ShouldRestart for a main process that ended with `exitCode` at `now`: the
 * backoff moves on, and when the policy restarts it, RestartCount grows and
 * the restart is due after the backoff. Returns whether it restarts.
 */
export function scheduleRestart(c: Container, exitCode: number, now: number): boolean {
  const r = c.restart;
  const ranFor = now - (c.startedAt ?? now);
  if (ranFor >= RESET_AFTER_MS) r.timeoutMs = 0;
  r.timeoutMs = r.timeoutMs === 0 ? FIRST_BACKOFF_MS : Math.min(r.timeoutMs * 2, MAX_BACKOFF_MS);
  const policy = c.settings.restartPolicy;
  let restart = false;
  switch (policy.name) {
    case 'always':
      restart = true;
      break;
    case 'unless-stopped':
      restart = !r.manuallyStopped;
      break;
    case 'on-failure':
      // The manager counts its own restarts; a MaximumRetryCount of 0 sets no limit.
      restart = (policy.maximumRetryCount === 0 || r.policyRestarts < policy.maximumRetryCount) && exitCode !== 0;
      break;
  }
  if (!restart) {
    delete r.dueAt;
    return false;
  }
  r.policyRestarts++;
  r.count++;
  r.dueAt = now + r.timeoutMs;
  return true;
}

/** Waiting for the policy to start it again. */
export function isRestarting(c: Container): boolean {
  return c.state === 'exited' && c.restart.dueAt !== undefined;
}

/** `docker stop`/`kill`: the policy leaves the container alone until it is started again. */
export function cancelRestart(c: Container): void {
  delete c.restart.dueAt;
  c.restart.manuallyStopped = true;
}

/** A `docker start`/`restart` by the user: a new restart manager (ResetRestartManager(true)). */
export function resetRestartManager(c: Container): void {
  c.restart = { count: 0, timeoutMs: 0, policyRestarts: 0, manuallyStopped: false };
}
