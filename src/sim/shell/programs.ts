/**
 * Which programs exist where, and the honest answer for one that exists but
 * is not modelled. A container's programs are its image's executables; the
 * Debian machines' are the packages a Docker host on Debian 12 has (below).
 * A program a machine or image has either runs (a command of the simulator)
 * or answers `vethlab: NAME is not modelled here (...)` with status 1: it
 * never pretends the file is missing, which `ls /bin` would contradict.
 */
import type { Command } from './types.ts';
import { fail } from './types.ts';

/** PATH on every machine and in every image here. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const USR_BIN = [
  'apt', 'apt-cache', 'apt-get', 'awk', 'base64', 'basename', 'bash', 'cat', 'chgrp', 'chmod', 'chown', 'containerd', 'containerd-shim-runc-v2', 'cp', 'ctr', 'curl', 'cut',
  'dash', 'date', 'dd', 'df', 'diff', 'dirname', 'dmesg', 'docker', 'dpkg', 'du', 'echo', 'egrep', 'env', 'expr', 'false', 'fgrep', 'find', 'free', 'getent', 'grep',
  'groups', 'gzip', 'head', 'hostname', 'id', 'journalctl', 'kill', 'less', 'ln', 'ls', 'mawk', 'md5sum', 'mkdir', 'mktemp', 'more', 'mount', 'mv', 'nc', 'nproc',
  'od', 'perl', 'pgrep', 'pidof', 'ping', 'pkill', 'printf', 'ps', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'runc', 'sed', 'seq', 'sh', 'sha256sum', 'sleep',
  'sort', 'ss', 'stat', 'sudo', 'systemctl', 'tac', 'tail', 'tar', 'tee', 'test', 'timeout', 'top', 'touch', 'tr', 'true', 'umount', 'uname', 'uniq', 'uptime', 'vi',
  'watch', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes', 'zcat', '[',
];
const USR_SBIN = [
  'bridge', 'brctl', 'docker-proxy', 'dockerd', 'ethtool', 'ip', 'ip6tables', 'ip6tables-restore', 'ip6tables-save', 'iptables', 'iptables-restore', 'iptables-save',
  'nft', 'sysctl', 'useradd', 'usermod', 'visudo',
];

/**
 * The Debian machines' executables (the Docker host's: Debian 12 with
 * docker.io, iproute2, iptables, bridge-utils, ethtool, curl, wget, OpenBSD
 * netcat and sudo; lan and gw run the same). /bin and /sbin are links to
 * their /usr halves (merged /usr), so both paths exist.
 */
export const DEBIAN_MACHINE_EXECUTABLES: ReadonlySet<string> = new Set([
  ...USR_BIN.flatMap((n) => [`/usr/bin/${n}`, `/bin/${n}`]),
  ...USR_SBIN.flatMap((n) => [`/usr/sbin/${n}`, `/sbin/${n}`]),
]);

/** Where PATH finds `name` among `executables` (a name with a `/` is itself a path). */
export function lookPath(name: string, executables: ReadonlySet<string>, path = DEFAULT_PATH): string | undefined {
  if (name.includes('/')) return executables.has(name) ? name : undefined;
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${name}`;
    if (executables.has(candidate)) return candidate;
  }
  return undefined;
}

/** Every path PATH finds `name` at, in order (`which -a`). */
export function lookPathAll(name: string, executables: ReadonlySet<string>, path = DEFAULT_PATH): string[] {
  if (name.includes('/')) return executables.has(name) ? [name] : [];
  return path.split(':').map((dir) => `${dir}/${name}`).filter((p) => executables.has(p));
}

/** The answer of a program that exists at `path` but that vethlab does not run. */
export function notModelled(name: string, path: string, where: 'image' | 'machine'): Command {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return () => fail(`vethlab: ${base} is not modelled here (${where === 'image' ? 'the image has' : 'this machine has'} ${path}, but vethlab does not run it)\n`, 1);
}
