/**
 * `docker compose cp` (docker/compose v2.40.3 pkg/compose/cp.go, golden compose-cp):
 * which of a service's containers take part, and the events Compose prints around
 * each copy; the copy itself is `docker cp`'s (../docker/copy.ts), addressed by the
 * container's ID as Compose's API calls are. Stopped containers count; from a
 * service only its first container is read, to a service every one is written.
 */
import type { Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import { copyFromContainer, copyToContainer, type CopyContext } from '../docker/copy.ts';
import { ComposeError } from './model.ts';
import { containerNumber, isOneOff, projectContainers, type Outcome } from './plan.ts';

export interface ComposeCopyOptions {
  source: string;
  destination: string;
  /** `--index N`: that replica only (0: not given). */
  index: number;
  /** `--all`: one-off containers (`run`) too. */
  all: boolean;
}

/** cp.go splitCpArg: `SERVICE:PATH`, unless the part before the colon looks like a local path. */
function splitCpArg(arg: string): { service?: string; path: string } {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.slice(0, colon).includes('/')) return { path: arg };
  return { service: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** listContainersTargetedForCopy: the replica `--index` names, else the service's containers (any state). */
function targets(engine: Engine, projectName: string, service: string, opts: ComposeCopyOptions): Container[] {
  if (opts.index > 0) {
    const c = projectContainers(engine, projectName, { all: true, services: [service] }).find((x) => containerNumber(x) === opts.index);
    if (!c) throw new ComposeError(`service ${JSON.stringify(service)} is not running container #${opts.index}`);
    return [c];
  }
  const containers = projectContainers(engine, projectName, { all: true, services: [service], oneOff: opts.all ? 'include' : 'exclude' })
    .sort((a, b) => Number(isOneOff(a)) - Number(isOneOff(b)) || containerNumber(a) - containerNumber(b));
  if (containers.length === 0) throw new ComposeError(`no container found for service ${JSON.stringify(service)}`);
  return containers;
}

/**
 * Copies as Compose does, its events and first error into `out`. Compose copies to
 * each container concurrently: here every `Copying` comes first, then each copy in
 * replica order (the rig prints them in a random order).
 */
export function composeCopy(ctx: CopyContext, projectName: string, opts: ComposeCopyOptions, out: Outcome): void {
  const src = splitCpArg(opts.source);
  const dst = splitCpArg(opts.destination);
  if (src.service !== undefined && dst.service !== undefined) throw new ComposeError('copying between services is not supported');
  const service = src.service ?? dst.service;
  if (service === undefined) throw new ComposeError('unknown copy direction');
  const fromService = src.service !== undefined;
  if (fromService && dst.path === '-') throw new ComposeError('vethlab: docker compose cp to - (a tar stream on standard output) is not modelled here');
  if (!fromService && src.path === '-') throw new ComposeError('vethlab: docker compose cp from - (a tar stream on standard input) is not modelled here');
  const all = targets(ctx.engine, projectName, service, opts);
  const chosen = fromService ? all.slice(0, 1) : all;
  const details = (c: Container) => (fromService ? `${c.name}:${src.path} to ${dst.path}` : `${src.path} to ${c.name}:${dst.path}`);
  for (const c of chosen) out.events.push(` ${c.name} copy ${details(c)} Copying`);
  for (const c of chosen) {
    const result = fromService ? copyFromContainer(ctx, c.id, src.path, dst.path, true) : copyToContainer(ctx, src.path, c.id, dst.path, true);
    if (result.exitCode !== 0) {
      out.error ??= result.stderr.replace(/\n$/, '');
      continue;
    }
    out.events.push(` ${c.name} copy ${details(c)} Copied`);
  }
}

/** cobra.ExactArgs(2)'s message with compose cp's usage. */
export const CP_ARGS_ERROR = `docker: 'docker compose cp' requires 2 arguments

Usage:  docker compose cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-
	docker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH

Run 'docker compose cp --help' for more information
`;
