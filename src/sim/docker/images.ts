/**
 * The images a simulated host can have: the real-docker rig's three (one
 * busybox-static rootfs, `docker import`ed with these configs) and four official
 * Docker Hub images (alpine, nginx, python, ubuntu) with their published configs.
 * Which of them a world has is its image set (`rig`, the default and what the
 * goldens were recorded with, or `playground`); there is never a registry, so
 * anything else fails to pull (`REGISTRY_ERROR`). Each image also says which
 * executables its rootfs has, which is what runc's exec looks up.
 */
import type { L4Proto } from '../netfilter/index.ts';

export interface Image {
  name: string;
  tag: string;
  /** `sha256:...`, as `docker inspect` shows it (fixed for this simulated host). */
  id: string;
  /** When it was imported, epoch ms (`docker images` CREATED). */
  created: number;
  /** Bytes (`docker images` SIZE: go-units HumanSize, 4.36MB). */
  size: number;
  /** The one layer's diff ID (hex): the three images import the same rootfs tar. */
  layer: string;
  cmd: string[];
  exposed: string[];
  env: string[];
  /** What the default command prints when it starts (its `docker logs`). */
  startupLog?: string;
  /** Servers the default command starts: what listens once the container runs. */
  listens: { proto: L4Proto; port: number; process: string }[];
  /** Config.Entrypoint (none for the rig's images); the process is ENTRYPOINT + CMD (see `mainProgram` in engine.ts). */
  entrypoint: string[];
  /** Config.StopSignal when the image sets one. */
  stopSignal?: string;
  /** Whose userland the processes see: the rig's rootfs, Alpine's busybox, or Debian's / Ubuntu's GNU tools. */
  distro: Distro;
  /** Every executable file of the rootfs, by absolute path. */
  executables: ReadonlySet<string>;
}

export type Distro = 'rig' | 'alpine' | 'debian' | 'ubuntu';

/** Which images a world has: the rig's three (`vethlab run`, the goldens) or all seven (the browser playground). */
export type ImageSet = 'rig' | 'playground';

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const PATH_ENV = `PATH=${PATH_DIRS.join(':')}`;

/** `busybox --list` of Debian's busybox-static 1.35.0, as the rig installs it (every applet a link in /bin). */
export const BUSYBOX_APPLETS: readonly string[] =
  '[ [[ acpid adjtimex ar arch arp arping ascii ash awk base64 basename bc blkdiscard blockdev brctl bunzip2 busybox bzcat bzip2 cal cat chgrp chmod chown chroot chvt clear cmp cp cpio crc32 crond crontab cttyhack cut date dc dd deallocvt depmod devmem df diff dirname dmesg dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed egrep env expand expr factor fallocate false fatattr fdisk fgrep find findfs fold free freeramdisk fsfreeze fstrim ftpget ftpput getopt getty grep groups gunzip gzip halt head hexdump hostid hostname httpd hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifup init insmod ionice ip ipcalc ipneigh kill killall klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup ls lsmod lsscsi lzcat lzma lzop md5sum mdev microcom mim mkdir mkdosfs mke2fs mkfifo mknod mkpasswd mkswap mktemp modinfo modprobe more mount mt mv nameif nc netstat nl nologin nproc nsenter nslookup nuke od openvt partprobe passwd paste patch pidof ping ping6 pivot_root poweroff printf ps pwd rdate readlink realpath reboot renice reset resume rev rm rmdir rmmod route rpm rpm2cpio run-init run-parts sed seq setkeycodes setpriv setsid sh sha1sum sha256sum sha3sum sha512sum shred shuf sleep sort ssl_client start-stop-daemon stat strings stty su sulogin svc svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tee telnet telnetd test tftp time timeout top touch tr traceroute traceroute6 true truncate ts tty tunctl ubirename udhcpc udhcpd uevent umount uname uncompress unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime usleep uudecode uuencode vconfig vi w watch watchdog wc wget which who whoami xargs xxd xz xzcat yes zcat'.split(' ');

/** Executables of the rig's rootfs (shared by all three images): busybox and its applets, OpenBSD nc and the wget wrapper, the redis stand-in. */
const EXECUTABLES: ReadonlySet<string> = new Set([
  ...BUSYBOX_APPLETS.map((a) => `/bin/${a}`),
  '/bin/busybox',
  '/usr/bin/nc',
  '/usr/bin/wget',
  '/usr/local/bin/redis-reply',
  '/usr/local/bin/redis-server',
]);

const bins = (dir: string, names: readonly string[]): string[] => names.map((n) => `${dir}/${n}`);

/**
 * Alpine's busybox (1.37, `busybox` + `busybox-binsh`): the rig's applets where
 * Alpine's build installs them, less those Alpine moves to busybox-extras (httpd,
 * telnet, ftp, tftp, udhcpd) or leaves out (dpkg, rpm, ...). The /sbin and
 * /usr/bin placements are busybox's own (applets.h); the rest are in /bin.
 */
const ALPINE_NOT_IN_BUSYBOX = new Set(['[[', 'ar', 'dpkg', 'dpkg-deb', 'dumpleases', 'ftpget', 'ftpput', 'httpd', 'mim', 'rpm', 'rpm2cpio', 'run-init', 'svc', 'svok', 'telnet', 'telnetd', 'tftp', 'ts', 'udhcpd', 'linuxrc']);
const BUSYBOX_SBIN = new Set(['acpid', 'adjtimex', 'arp', 'blkdiscard', 'blockdev', 'depmod', 'fdisk', 'findfs', 'fstrim', 'getty', 'halt', 'hwclock', 'ifconfig', 'ifdown', 'ifup', 'init', 'insmod', 'ip', 'ipneigh', 'klogd', 'losetup', 'lsmod', 'mdev', 'mkdosfs', 'mke2fs', 'mkswap', 'modinfo', 'modprobe', 'nameif', 'pivot_root', 'poweroff', 'reboot', 'rmmod', 'route', 'setconsole', 'sulogin', 'swapoff', 'swapon', 'switch_root', 'sysctl', 'syslogd', 'tunctl', 'udhcpc', 'vconfig', 'watchdog']);
const BUSYBOX_USR_BIN = new Set(['[', 'awk', 'basename', 'bc', 'beep', 'bunzip2', 'bzcat', 'bzip2', 'cal', 'chvt', 'cksum', 'clear', 'cmp', 'cpio', 'crc32', 'crontab', 'cut', 'dc', 'deallocvt', 'diff', 'dirname', 'dos2unix', 'du', 'eject', 'env', 'expand', 'expr', 'factor', 'fallocate', 'find', 'flock', 'fold', 'free', 'fuser', 'groups', 'hexdump', 'hostid', 'iconv', 'id', 'install', 'ipcalc', 'killall', 'last', 'less', 'logger', 'lsof', 'lsusb', 'lzcat', 'lzma', 'lzop', 'md5sum', 'microcom', 'mkfifo', 'mkpasswd', 'nc', 'nl', 'nmeter', 'nohup', 'nproc', 'nsenter', 'nslookup', 'od', 'openvt', 'paste', 'patch', 'pgrep', 'pkill', 'pmap', 'printf', 'pscan', 'pwdx', 'readlink', 'realpath', 'renice', 'reset', 'resize', 'seq', 'setkeycodes', 'setsid', 'sha1sum', 'sha256sum', 'sha3sum', 'sha512sum', 'showkey', 'shred', 'shuf', 'sort', 'split', 'ssl_client', 'strings', 'sum', 'tac', 'tail', 'head', 'tee', 'test', 'time', 'timeout', 'top', 'tr', 'traceroute', 'traceroute6', 'tree', 'truncate', 'tty', 'unexpand', 'uniq', 'unix2dos', 'unlink', 'unlzma', 'unshare', 'unxz', 'unzip', 'uptime', 'uudecode', 'uuencode', 'vi', 'vlock', 'volname', 'wc', 'wget', 'which', 'who', 'whoami', 'xargs', 'xxd', 'xzcat', 'yes']);
const ALPINE_EXECUTABLES: ReadonlySet<string> = new Set([
  '/bin/busybox',
  ...BUSYBOX_APPLETS.filter((a) => !ALPINE_NOT_IN_BUSYBOX.has(a)).map((a) => (BUSYBOX_SBIN.has(a) ? `/sbin/${a}` : BUSYBOX_USR_BIN.has(a) ? `/usr/bin/${a}` : `/bin/${a}`)),
  // apk-tools and musl-utils (repo-info's alpine:3.24.2 package list).
  '/sbin/apk', '/sbin/ldconfig', '/usr/bin/getconf', '/usr/bin/getent', '/usr/bin/iconv', '/usr/bin/ldd', '/usr/bin/scanelf', '/usr/bin/ssl_client',
]);

/** The tools of a Debian or Ubuntu base image (bash, dash, coreutils, grep, sed, findutils, hostname, ...). */
const DEBIAN_BASE_TOOLS = ['bash', 'dash', 'sh', 'rbash', 'cat', 'ls', 'echo', 'env', 'hostname', 'head', 'tail', 'wc', 'cut', 'sort', 'uniq', 'tr', 'sed', 'grep', 'egrep', 'fgrep', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'pwd', 'sleep', 'true', 'false', 'test', '[', 'printf', 'date', 'df', 'du', 'id', 'whoami', 'uname', 'tee', 'xargs', 'find', 'readlink', 'realpath', 'basename', 'dirname', 'stat', 'mktemp', 'seq', 'yes', 'nproc', 'timeout', 'md5sum', 'sha256sum', 'tac', 'od', 'mount', 'umount', 'su', 'login', 'gzip', 'gunzip', 'zcat', 'tar', 'which', 'apt', 'apt-get', 'apt-cache', 'dpkg', 'dpkg-query', 'perl', 'kill', 'more', 'getent', 'ldd'];
const DEBIAN_BASE_SBIN = ['ldconfig', 'start-stop-daemon', 'useradd', 'groupadd', 'usermod', 'chroot', 'pam_getenv'];

/** Merged /usr (Debian 13, Ubuntu 26.04): /bin and /sbin are links to /usr/bin and /usr/sbin, so both paths exist. */
function mergedUsr(binNames: readonly string[], sbinNames: readonly string[]): string[] {
  return [...bins('/usr/bin', binNames), ...bins('/bin', binNames), ...bins('/usr/sbin', sbinNames), ...bins('/sbin', sbinNames)];
}

const NGINX_EXECUTABLES: ReadonlySet<string> = new Set([
  ...mergedUsr([...DEBIAN_BASE_TOOLS, 'curl', 'envsubst'], [...DEBIAN_BASE_SBIN, 'nginx', 'nginx-debug']),
  '/docker-entrypoint.sh',
]);
/** buildpack-deps:trixie under python: curl and GNU wget (curl variant), git and procps (scm variant), gcc and make. */
const PYTHON_EXECUTABLES: ReadonlySet<string> = new Set([
  ...mergedUsr([...DEBIAN_BASE_TOOLS, 'curl', 'wget', 'git', 'ssh', 'ps', 'pgrep', 'top', 'free', 'gcc', 'make', 'gpg'], DEBIAN_BASE_SBIN),
  ...bins('/usr/local/bin', ['python3', 'python', 'python3.14', 'pip', 'pip3', 'pip3.14', 'pydoc', 'pydoc3', 'idle', 'idle3', 'python3-config', 'python-config']),
]);
const UBUNTU_EXECUTABLES: ReadonlySet<string> = new Set(mergedUsr(DEBIAN_BASE_TOOLS, DEBIAN_BASE_SBIN));

/** Imported one after the other by the rig, before the engine's clock starts (the goldens say "42 minutes ago"). */
const IMPORTED = Date.UTC(2026, 10, 23, 21, 17, 58);
/** 4.36MB: the busybox-static rootfs with OpenBSD nc and its glibc. */
const ROOTFS_SIZE = 4_360_000;
/** Made up: no golden shows it. */
const ROOTFS_LAYER = '5c1f0b6e2d8a4f3b9e7c1a0d2b4f6e8a0c2e4a6b8d0f2a4c6e8b0d2f4a6c8e0b';

/** The rig imports its images with `--change 'STOPSIGNAL SIGKILL'`. */
const RIG: Pick<Image, 'entrypoint' | 'distro' | 'executables' | 'stopSignal'> = { entrypoint: [], distro: 'rig', executables: EXECUTABLES, stopSignal: 'SIGKILL' };

/** The rig's images, in the order it imports them. */
export const IMAGES: readonly Image[] = [
  // IDs: the goldens show only the first 12 hex digits of busybox's and redis's; the rest is made up.
  { name: 'busybox', tag: 'latest', id: 'sha256:16fd50679aa4c0e1b2d3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f', created: IMPORTED, size: ROOTFS_SIZE, layer: ROOTFS_LAYER, cmd: ['sh'], exposed: [], env: [PATH_ENV], listens: [], ...RIG },
  {
    name: 'httpd',
    tag: 'latest',
    id: 'sha256:307b32bd92a96bb75a63ed7209006d36722d515b25cb9b777806f59004670f2d',
    created: IMPORTED + 1000,
    size: ROOTFS_SIZE,
    layer: ROOTFS_LAYER,
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    exposed: ['80/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 80, process: 'httpd' }],
    ...RIG,
  },
  {
    name: 'redis',
    tag: 'latest',
    id: 'sha256:4d7bd8c60abe5f1e6d5b3a7c9e0f1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6',
    created: IMPORTED + 2000,
    size: ROOTFS_SIZE,
    layer: ROOTFS_LAYER,
    cmd: ['redis-server'],
    startupLog: 'Ready to accept connections tcp 6379\n',
    exposed: ['6379/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 6379, process: 'redis-server' }],
    ...RIG,
  },
];

/*
 * The official images, linux/amd64, as Docker Hub's `latest` tags were in
 * September 2026. Image ID, Created, Cmd, Entrypoint, Env and the on-disk size
 * come from docker-library/repo-info (repos/<name>/local/*.md: alpine 3.24.2,
 * nginx 1.31.6-trixie, python 3.14.7-trixie, ubuntu latest = 26.04); EXPOSE and
 * STOPSIGNAL, which repo-info does not list, from the Dockerfiles
 * (nginx/docker-nginx mainline/debian/Dockerfile: EXPOSE 80, STOPSIGNAL SIGQUIT;
 * docker-library/python 3.14/trixie and alpine's and ubuntu's expose nothing).
 * `latest` is the tag in docker-library/official-images library/<name>.
 * The layer diff IDs are made up (inspect shows one layer per image here).
 */
export const NGINX_VERSION = '1.31.6';
export const PYTHON_VERSION = '3.14.7';

/** What nginx's docker-entrypoint.sh prints before it execs nginx (nginx/docker-nginx entrypoint/, IPv6 on lo as Docker 28 leaves it). */
const NGINX_ENTRYPOINT_LOG = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
].join('\n');

export const HUB_IMAGES: readonly Image[] = [
  {
    name: 'alpine',
    tag: 'latest',
    id: 'sha256:320994c3b997e2ec6433f717f153e108023c5bec8fefa8d76b83451d16d05ea8',
    created: Date.parse('2026-09-17T20:37:20.889Z'),
    size: 8_420_000,
    layer: '7a3c5e1f9b2d4c6e8a0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c',
    entrypoint: [],
    cmd: ['/bin/sh'],
    exposed: [],
    env: [PATH_ENV],
    listens: [],
    distro: 'alpine',
    executables: ALPINE_EXECUTABLES,
  },
  {
    name: 'nginx',
    tag: 'latest',
    id: 'sha256:878c33739a8a0d6e7532dffc37f27de189c891983a7d2e03f571ec1538f3b778',
    created: Date.parse('2026-09-15T22:48:33.923Z'),
    size: 170_060_000,
    layer: '3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    exposed: ['80/tcp'],
    env: [PATH_ENV, `NGINX_VERSION=${NGINX_VERSION}`, 'NJS_VERSION=1.0.1', 'NJS_RELEASE=1~trixie', 'ACME_VERSION=0.4.1', 'PKG_RELEASE=1~trixie', 'DYNPKG_RELEASE=1~trixie'],
    startupLog: `${NGINX_ENTRYPOINT_LOG}\n`,
    listens: [{ proto: 'tcp', port: 80, process: 'nginx' }],
    stopSignal: 'SIGQUIT',
    distro: 'debian',
    executables: NGINX_EXECUTABLES,
  },
  {
    name: 'python',
    tag: 'latest',
    id: 'sha256:691aea61c5aab0beca3e65c93e8cd94ce2c1beaf1ad83ffb545fbfc40cd34566',
    created: Date.parse('2026-08-25T03:39:18.900Z'),
    size: 1_120_000_000,
    layer: '9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e',
    entrypoint: [],
    cmd: ['python3'],
    exposed: [],
    // The 3.14 Dockerfiles no longer set LANG or GPG_KEY.
    env: [`PATH=/usr/local/bin:${PATH_DIRS.join(':')}`, `PYTHON_VERSION=${PYTHON_VERSION}`, 'PYTHON_SHA256=3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81'],
    listens: [],
    distro: 'debian',
    executables: PYTHON_EXECUTABLES,
  },
  {
    name: 'ubuntu',
    tag: 'latest',
    id: 'sha256:af52039db3f8df8b54cd80945bdabea797445f414955027fa0bed9cd3908244b',
    created: Date.parse('2026-08-17T09:00:47.315Z'),
    size: 100_170_000,
    layer: 'b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7',
    entrypoint: [],
    cmd: ['/bin/bash'],
    exposed: [],
    env: [PATH_ENV],
    listens: [],
    distro: 'ubuntu',
    executables: UBUNTU_EXECUTABLES,
  },
];

/** The images each kind of world starts with. */
export const IMAGE_SETS: Record<ImageSet, readonly Image[]> = { rig: IMAGES, playground: [...IMAGES, ...HUB_IMAGES] };

/** `busybox`, `busybox:latest` and `docker.io/library/busybox` name the same image; so does its ID or a prefix of it. */
export function findImage(ref: string, images: readonly Image[] = IMAGES): Image | undefined {
  const bare = ref.replace(/^(docker\.io\/)?(library\/)?/, '').replace(/:latest$/, '');
  const byName = images.find((i) => i.name === bare);
  if (byName) return byName;
  const hex = ref.replace(/^sha256:/, '');
  if (!/^[0-9a-f]{4,64}$/.test(hex)) return undefined;
  const byId = images.filter((i) => i.id.slice(7).startsWith(hex));
  return byId.length === 1 ? byId[0] : undefined;
}

/** `docker pull` / `docker run` of anything else: the daemon cannot reach the registry (rig fact). */
export const REGISTRY_ERROR = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host';

/** The file `name` resolves to in the image through PATH (as runc's exec does), or undefined. */
export function resolveExecutable(image: Image, name: string, env: readonly string[]): string | undefined {
  const files = image.executables;
  if (name.includes('/')) return files.has(name) ? name : undefined;
  const path = env.find((e) => e.startsWith('PATH='))?.slice(5).split(':') ?? PATH_DIRS;
  for (const dir of path) if (files.has(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}
