/**
 * Device nodes: the Docker host's (what `--device` hands a container) and the
 * /dev runc builds in every container (its default nodes, links and kernel
 * filesystems), with the daemon's lookup of a `--device` mapping
 * (oci.DevicesFromPath) and its errors. Numbers and modes are the rig's:
 * `ls -l /dev` on its machine, and `ls -l /dev` in its containers (goldens
 * run-device, run-device-more).
 */

/** A character or block device: its numbers and its permission bits as ls prints them after the type letter. */
export interface DeviceNode {
  type: 'c' | 'b';
  major: number;
  minor: number;
  perms: string;
}

/** HostConfig.Devices' entry: `--device HOST[:CONTAINER][:PERMISSIONS]`. */
export interface DeviceMapping {
  pathOnHost: string;
  pathInContainer: string;
  cgroupPermissions: string;
}

const char = (major: number, minor: number, perms = 'rw-rw-rw-'): DeviceNode => ({ type: 'c', major, minor, perms });

/**
 * The Docker host's character devices a container may be given (the rig
 * machine's, less its tty0-63 consoles, loop block devices and the kvm group's
 * node). Every Debian machine of the world shares them, as the rig's
 * namespaces share its /dev.
 */
export const HOST_DEVICES: ReadonlyMap<string, DeviceNode> = new Map([
  ['/dev/console', char(5, 1, 'rw-------')],
  ['/dev/full', char(1, 7)],
  ['/dev/fuse', char(10, 229)],
  ['/dev/kmsg', char(1, 11, 'rw-r--r--')],
  ['/dev/net/tun', char(10, 200)],
  ['/dev/null', char(1, 3)],
  ['/dev/ptmx', char(5, 2)],
  ['/dev/random', char(1, 8)],
  ['/dev/tty', char(5, 0)],
  ['/dev/urandom', char(1, 9)],
  ['/dev/zero', char(1, 5)],
]);

/** runc's default devices (specconv's AllowedDevices that have a path), in every container. */
const RUNC_DEVICES = ['/dev/full', '/dev/null', '/dev/random', '/dev/tty', '/dev/urandom', '/dev/zero'];

/** runc's links in /dev (setupDevSymlinks; no /dev/core: the rig's kernel has no /proc/kcore) and the pts ptmx link. */
export const DEV_LINKS: ReadonlyMap<string, string> = new Map([
  ['/dev/fd', '/proc/self/fd'],
  ['/dev/ptmx', 'pts/ptmx'],
  ['/dev/stderr', '/proc/self/fd/2'],
  ['/dev/stdin', '/proc/self/fd/0'],
  ['/dev/stdout', '/proc/self/fd/1'],
]);

/** The kernel filesystems mounted in /dev: devpts, shm and mqueue (tmpfs-like: size 40, sticky). */
export const DEV_MOUNTS: ReadonlyMap<string, { mode: string; size: number }> = new Map([
  ['/dev/mqueue', { mode: 'drwxrwxrwt', size: 40 }],
  ['/dev/pts', { mode: 'drwxr-xr-x', size: 0 }],
  ['/dev/shm', { mode: 'drwxrwxrwt', size: 40 }],
]);

/** What the host has at a path, as the daemon's stat sees it. */
export type HostKind = (path: string) => 'file' | 'dir' | undefined;

/**
 * oci.DevicesFromPath: the nodes one mapping puts in the container (a host
 * directory gives every device under it, at the same place under the
 * container path), or the daemon's error. `hostKind` is the host's files;
 * without it the host has exactly its devices and their directories.
 */
export function devicesFromPath(m: DeviceMapping, hostKind?: HostKind): { nodes: [string, DeviceNode][] } | { error: string } {
  const kind = hostKind ? hostKind(m.pathOnHost) : HOST_DEVICES.has(m.pathOnHost) ? 'file' : [...HOST_DEVICES.keys()].some((p) => p.startsWith(`${m.pathOnHost}/`)) ? 'dir' : undefined;
  const failed = (why: string) => ({ error: `error gathering device information while adding custom device ${JSON.stringify(m.pathOnHost)}: ${why}` });
  if (kind === undefined) return failed('no such file or directory');
  const node = HOST_DEVICES.get(m.pathOnHost);
  if (node) return { nodes: [[m.pathInContainer, node]] };
  const prefix = m.pathOnHost === '/' ? '/' : `${m.pathOnHost}/`;
  const under = kind === 'dir' ? [...HOST_DEVICES].filter(([p]) => p.startsWith(prefix)) : [];
  if (under.length === 0) return failed('not a device node');
  return { nodes: under.map(([p, n]) => [m.pathInContainer + p.slice(m.pathOnHost.length), n]) };
}

/** The device nodes of a container's /dev: runc's defaults, then its `--device` ones (a later one at the same path wins). */
export function containerDevices(mappings: readonly DeviceMapping[], hostKind?: HostKind): Map<string, DeviceNode> {
  const nodes = new Map<string, DeviceNode>(RUNC_DEVICES.map((p) => [p, HOST_DEVICES.get(p)!]));
  for (const m of mappings) {
    const found = devicesFromPath(m, hostKind);
    if ('nodes' in found) for (const [path, node] of found.nodes) nodes.set(path, node);
  }
  return nodes;
}
