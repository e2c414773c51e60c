/**
 * A new container's mounts, in the daemon's order of precedence: `-v` binds
 * and `--mount`s (a destination given twice is an error), then
 * `--volumes-from`, then `-v /path` and the image's VOLUMEs as anonymous
 * volumes where nothing else is mounted. Planning only validates; realizing
 * creates the volumes and the missing `-v` bind sources, as dockerd does at
 * create.
 */
import { DockerError } from './errors.ts';
import type { ContainerCreateOptions, Engine } from './engine.ts';
import { ANONYMOUS_LABEL, parseBind, parseMountRequest, type MountConfig, type MountPoint } from './volumes.ts';

/** A mount point to make; `anonymous`: a new volume with a generated name; `createSource`: a `-v` bind source to mkdir. */
type PlannedMount = MountPoint & { anonymous?: boolean; createSource?: boolean };

export interface MountPlan {
  config: MountConfig;
  points: PlannedMount[];
}

export function planMounts(engine: Engine, opts: ContainerCreateOptions, imageVolumes: readonly string[]): MountPlan {
  const config: MountConfig = { binds: opts.binds ?? [], mounts: opts.mounts ?? [], anonymous: opts.anonymousVolumes ?? [], volumesFrom: opts.volumesFrom ?? [] };
  const points: PlannedMount[] = [];
  const taken = new Set<string>();
  const add = (p: PlannedMount) => {
    taken.add(p.destination);
    points.push(p);
  };
  const explicit = [
    ...config.binds.map((spec) => {
      const p: PlannedMount = parseBind(spec);
      if (p.type === 'bind') p.createSource = true;
      return p;
    }),
    ...config.mounts.map((m) => ({ ...parseMountRequest(m, engine.hostPaths), anonymous: m.type === 'volume' && !m.source })),
  ];
  for (const p of explicit) {
    if (taken.has(p.destination)) throw new DockerError(`Duplicate mount point: ${p.destination}`);
    add(p);
  }
  for (const from of config.volumesFrom) {
    const [ref = '', mode] = from.split(':');
    const source = engine.findContainer(ref);
    if (!source) throw new DockerError(`No such container: ${ref}`);
    for (const m of source.mounts) {
      if (m.type === 'tmpfs' || taken.has(m.destination)) continue;
      add({ ...m, rw: mode === undefined ? m.rw : mode !== 'ro', copyUp: false });
    }
  }
  for (const dest of [...config.anonymous, ...imageVolumes]) {
    if (!dest.startsWith('/')) throw new DockerError(`invalid volume specification: '${dest}': invalid mount config for type "volume": invalid mount path: '${dest}' mount path must be absolute`);
    if (taken.has(dest)) continue;
    add({ type: 'volume', source: '', destination: dest, rw: true, mode: '', copyUp: true, anonymous: true });
  }
  return { config, points };
}

/** Creates what the plan needs and returns the container's mount points, by destination. */
export function realizeMounts(engine: Engine, plan: MountPlan): MountPoint[] {
  const mounts: MountPoint[] = [];
  for (const { anonymous, createSource, ...point } of plan.points) {
    if (point.type === 'volume') {
      const v = anonymous && point.source === '' ? engine.createVolume(undefined, { [ANONYMOUS_LABEL]: '' }) : engine.createVolume(point.source);
      point.source = v.name;
    }
    if (createSource && engine.hostPaths?.kind(point.source) === undefined) engine.hostPaths?.mkdirAll(point.source);
    mounts.push(point);
  }
  return mounts.sort((a, b) => (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0));
}
