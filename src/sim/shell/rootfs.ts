/**
 * The files the images and machines ship: the real-docker rig's busybox-static
 * rootfs (every busybox 1.35 applet in /bin, OpenBSD nc and the wget wrapper in
 * /usr/bin, the redis stand-in in /usr/local/bin, /www/index.html) and a Debian
 * machine's few files. Paths Docker mounts or the kernel derives
 * (/etc/hosts, /proc/sys, /sys/class/net) come from virtual-files.ts instead.
 */
import { BUSYBOX_APPLETS } from '../docker/images.ts';
import { imageTree, type Entry } from './fs.ts';


const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

/** Device nodes runc creates in every container's /dev. */
const DEV_NODES = ['console', 'core', 'fd', 'full', 'mqueue', 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero'];

const binaries = (dir: string, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [`${dir}/${n}`, '']));

/** The rig's rootfs, shared by its busybox, httpd and redis images. */
export const RIG_ROOTFS: ReadonlyMap<string, Entry> = imageTree(
  {
    ...binaries('/bin', ['busybox', ...BUSYBOX_APPLETS]),
    ...binaries('/usr/bin', ['nc', 'wget']),
    ...binaries('/usr/local/bin', ['redis-reply', 'redis-server']),
    ...binaries('/dev', DEV_NODES),
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    '/etc/group': 'root:x:0:\n',
    '/etc/nsswitch.conf': 'hosts: files dns\n',
    '/www/index.html': IT_WORKS,
  },
  ['/proc', '/sys', '/tmp', '/root', '/usr/lib/ncbsd'],
);

/** A Debian machine (docker host, lan, gw): only what the shells here read or write. */
export const DEBIAN_ROOTFS: ReadonlyMap<string, Entry> = imageTree(
  {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/etc/group': 'root:x:0:\n',
    ...binaries('/dev', ['null', 'zero', 'random', 'urandom', 'tty']),
  },
  ['/proc', '/sys', '/tmp', '/root', '/usr/bin', '/usr/sbin', '/var/lib/docker'],
);
