/**
 * `docker update [OPTIONS] CONTAINER...` (client 28.2.2, cli/command/container/update.go):
 * a new restart policy or resource limits for each container, the name printed
 * for each one updated, the daemon's errors joined at the end (exit 1). The
 * limits are kept, not enforced (see run-settings.ts).
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import { resourceProblem, restartPolicyProblem, type Resources } from '../../docker/run-settings.ts';
import { fail, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags, type FlagSpec } from './flags.ts';
import { CREATE_FLAGS } from './run-flags.ts';
import { goInt, goUint, memSwapBytes, nanoCpus, parseRestartPolicy, ramInBytes, valueOf } from './run-values.ts';
import { argCountError } from './usage.ts';


/** docker update's flags: the subset of create's it takes, parsed and checked the same way (the client shares their opts types). */
const UPDATE_FLAG_NAMES = new Set(['blkio-weight', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime', 'cpu-shares', 'cpus', 'cpuset-cpus', 'cpuset-mems', 'memory', 'memory-reservation', 'memory-swap', 'pids-limit', 'restart']);
const UPDATE_FLAGS: readonly FlagSpec[] = CREATE_FLAGS.filter((f) => UPDATE_FLAG_NAMES.has(f.long));

/** The resource fields a flag sets, with its parser. */
const RESOURCE_FLAGS: readonly [string, keyof Resources, (v: string) => string | number][] = [
  ['blkio-weight', 'blkioWeight', (v) => valueOf((x) => goUint(x, 16), v)],
  ['cpu-period', 'cpuPeriod', (v) => valueOf(goInt, v)],
  ['cpu-quota', 'cpuQuota', (v) => valueOf(goInt, v)],
  ['cpu-rt-period', 'cpuRealtimePeriod', (v) => valueOf(goInt, v)],
  ['cpu-rt-runtime', 'cpuRealtimeRuntime', (v) => valueOf(goInt, v)],
  ['cpu-shares', 'cpuShares', (v) => valueOf(goInt, v)],
  ['cpus', 'nanoCpus', (v) => valueOf(nanoCpus, v)],
  ['cpuset-cpus', 'cpusetCpus', (v) => v],
  ['cpuset-mems', 'cpusetMems', (v) => v],
  ['memory', 'memory', (v) => valueOf(ramInBytes, v)],
  ['memory-reservation', 'memoryReservation', (v) => valueOf(ramInBytes, v)],
  ['memory-swap', 'memorySwap', (v) => valueOf(memSwapBytes, v)],
  ['pids-limit', 'pidsLimit', (v) => valueOf(goInt, v)],
];

export function updateCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('update', argv, UPDATE_FLAGS, true);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('update', 'at least 1 argument');
  if (f.strings.size === 0) return fail('you must provide one or more flags when using this command\n', 1);
  const restart = parseRestartPolicy(f.strings.get('restart') ?? '');
  if ('error' in restart) return fail(`${restart.error}\n`, 1);
  const policy = restart.value;
  // The daemon changes only what was sent non-zero (daemon/update.go, container.UpdateContainer).
  const changes: Partial<Record<keyof Resources, string | number>> = {};
  for (const [flag, key, parse] of RESOURCE_FLAGS) {
    const text = f.strings.get(flag);
    if (text === undefined) continue;
    const value = parse(text);
    if (value !== 0 && value !== '') changes[key] = value;
  }
  let stdout = '';
  const errors: string[] = [];
  for (const ref of f.args) {
    try {
      const c = engine.findContainer(ref);
      if (!c) throw new DockerError(`No such container: ${ref}`);
      if (policy) {
        const problem = restartPolicyProblem(policy);
        if (problem) throw new DockerError(problem);
        if (c.autoRemove && policy.name !== 'no' && policy.name !== '') throw new DockerError(`Cannot update container ${c.id}: Restart policy cannot be updated because AutoRemove is enabled for the container`);
      }
      const resources = { ...c.settings.resources, ...changes } as Resources;
      const problem = resourceProblem(resources);
      if (problem) throw new DockerError(problem);
      c.settings.resources = resources;
      if (policy && policy.name !== '') c.settings.restartPolicy = { ...policy };
      stdout += `${ref}\n`;
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return errors.length > 0 ? { stdout, stderr: `${errors.join('\n')}\n`, exitCode: 1 } : { stdout, stderr: '', exitCode: 0 };
}
