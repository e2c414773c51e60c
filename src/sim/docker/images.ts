/**
 * The offline images, as the real-docker rig builds them (one busybox-static
 * rootfs, `docker import`ed with these configs): what they run, expose and listen
 * on, and what `docker images` says about them. These three are the only images:
 * the rig has no registry, so anything else fails to pull (`registryError`).
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
}

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

/** Imported one after the other by the rig, before the engine's clock starts (the goldens say "42 minutes ago"). */
const IMPORTED = Date.UTC(2026, 10, 23, 21, 17, 58);
/** 4.36MB: the busybox-static rootfs with OpenBSD nc and its glibc. */
const ROOTFS_SIZE = 4_360_000;
/** Made up: no golden shows it. */
const ROOTFS_LAYER = '5c1f0b6e2d8a4f3b9e7c1a0d2b4f6e8a0c2e4a6b8d0f2a4c6e8b0d2f4a6c8e0b';

export const IMAGES: readonly Image[] = [
  // IDs: the goldens show only the first 12 hex digits of busybox's and redis's; the rest is made up.
  { name: 'busybox', tag: 'latest', id: 'sha256:16fd50679aa4c0e1b2d3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f', created: IMPORTED, size: ROOTFS_SIZE, layer: ROOTFS_LAYER, cmd: ['sh'], exposed: [], env: [PATH_ENV], listens: [] },
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
  },
];

/** `busybox`, `busybox:latest` and `docker.io/library/busybox` name the same image; so does its ID or a prefix of it. */
export function findImage(ref: string): Image | undefined {
  const bare = ref.replace(/^(docker\.io\/)?(library\/)?/, '').replace(/:latest$/, '');
  const byName = IMAGES.find((i) => i.name === bare);
  if (byName) return byName;
  const hex = ref.replace(/^sha256:/, '');
  if (!/^[0-9a-f]{4,64}$/.test(hex)) return undefined;
  const byId = IMAGES.filter((i) => i.id.slice(7).startsWith(hex));
  return byId.length === 1 ? byId[0] : undefined;
}

/** `docker pull` / `docker run` of anything else: the daemon cannot reach the registry (rig fact). */
export const REGISTRY_ERROR = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host';

/** The file `name` resolves to in the image through PATH (as runc's exec does), or undefined. */
export function resolveExecutable(_image: Image, name: string, env: readonly string[]): string | undefined {
  if (name.includes('/')) return EXECUTABLES.has(name) ? name : undefined;
  const path = env.find((e) => e.startsWith('PATH='))?.slice(5).split(':') ?? PATH_DIRS;
  for (const dir of path) if (EXECUTABLES.has(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}
