/**
 * The userlands images are built on: which programs a base's rootfs has (what
 * runc's exec finds through PATH), whose wording its tools use, and which shells
 * it has with the prompt each draws. Every image of the catalog names its base;
 * the rig's three images have their own rootfs (images.ts). The files of each
 * base (os-release, passwd) are in src/sim/shell/rootfs.ts.
 */

/** Whose tools answer in a container: the rig's rootfs, busybox alone (Alpine, the busybox image), or GNU (Debian, Ubuntu, Oracle Linux). */
export type Distro = 'rig' | 'alpine' | 'debian' | 'ubuntu';

/**
 * The shells of an image. `sh`: what /bin/sh is (busybox ash, dash, or bash in
 * POSIX mode); `bash`: present when /bin/bash is, with the PS1 an interactive
 * `bash` starts with and bash's version (for `\v`).
 */
export interface ShellSet {
  sh: 'ash' | 'dash' | 'bash';
  bash?: { ps1: string; version: string };
}

export const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
export const PATH_ENV = `PATH=${PATH_DIRS.join(':')}`;

/** `busybox --list` of Debian's busybox-static 1.35.0, as the rig installs it (every applet a link in /bin). */
export const BUSYBOX_APPLETS: readonly string[] =
  '[ [[ acpid adjtimex ar arch arp arping ascii ash awk base64 basename bc blkdiscard blockdev brctl bunzip2 busybox bzcat bzip2 cal cat chgrp chmod chown chroot chvt clear cmp cp cpio crc32 crond crontab cttyhack cut date dc dd deallocvt depmod devmem df diff dirname dmesg dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases echo ed egrep env expand expr factor fallocate false fatattr fdisk fgrep find findfs fold free freeramdisk fsfreeze fstrim ftpget ftpput getopt getty grep groups gunzip gzip halt head hexdump hostid hostname httpd hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifup init insmod ionice ip ipcalc ipneigh kill killall klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup ls lsmod lsscsi lzcat lzma lzop md5sum mdev microcom mim mkdir mkdosfs mke2fs mkfifo mknod mkpasswd mkswap mktemp modinfo modprobe more mount mt mv nameif nc netstat nl nologin nproc nsenter nslookup nuke od openvt partprobe passwd paste patch pidof ping ping6 pivot_root poweroff printf ps pwd rdate readlink realpath reboot renice reset resume rev rm rmdir rmmod route rpm rpm2cpio run-init run-parts sed seq setkeycodes setpriv setsid sh sha1sum sha256sum sha3sum sha512sum shred shuf sleep sort ssl_client start-stop-daemon stat strings stty su sulogin svc svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tee telnet telnetd test tftp time timeout top touch tr traceroute traceroute6 true truncate ts tty tunctl ubirename udhcpc udhcpd uevent umount uname uncompress unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime usleep uudecode uuencode vconfig vi w watch watchdog wc wget which who whoami xargs xxd xz xzcat yes zcat'.split(' ');

export const bins = (dir: string, names: readonly string[]): string[] => names.map((n) => `${dir}/${n}`);

/**
 * Alpine's busybox (1.37, `busybox` + `busybox-binsh`): the rig's applets where
 * Alpine's build installs them, less those Alpine moves to busybox-extras (httpd,
 * telnet, ftp, tftp, udhcpd) or leaves out (dpkg, rpm, ...). The /sbin and
 * /usr/bin placements are busybox's own (applets.h); the rest are in /bin.
 */
const ALPINE_NOT_IN_BUSYBOX = new Set(['[[', 'ar', 'dpkg', 'dpkg-deb', 'dumpleases', 'ftpget', 'ftpput', 'httpd', 'mim', 'rpm', 'rpm2cpio', 'run-init', 'svc', 'svok', 'telnet', 'telnetd', 'tftp', 'ts', 'udhcpd', 'linuxrc']);
const BUSYBOX_SBIN = new Set(['acpid', 'adjtimex', 'arp', 'blkdiscard', 'blockdev', 'depmod', 'fdisk', 'findfs', 'fstrim', 'getty', 'halt', 'hwclock', 'ifconfig', 'ifdown', 'ifup', 'init', 'insmod', 'ip', 'ipneigh', 'klogd', 'losetup', 'lsmod', 'mdev', 'mkdosfs', 'mke2fs', 'mkswap', 'modinfo', 'modprobe', 'nameif', 'pivot_root', 'poweroff', 'reboot', 'rmmod', 'route', 'setconsole', 'sulogin', 'swapoff', 'swapon', 'switch_root', 'sysctl', 'syslogd', 'tunctl', 'udhcpc', 'vconfig', 'watchdog']);
const BUSYBOX_USR_BIN = new Set(['[', 'awk', 'basename', 'bc', 'beep', 'bunzip2', 'bzcat', 'bzip2', 'cal', 'chvt', 'cksum', 'clear', 'cmp', 'cpio', 'crc32', 'crontab', 'cut', 'dc', 'deallocvt', 'diff', 'dirname', 'dos2unix', 'du', 'eject', 'env', 'expand', 'expr', 'factor', 'fallocate', 'find', 'flock', 'fold', 'free', 'fuser', 'groups', 'hexdump', 'hostid', 'iconv', 'id', 'install', 'ipcalc', 'killall', 'last', 'less', 'logger', 'lsof', 'lsusb', 'lzcat', 'lzma', 'lzop', 'md5sum', 'microcom', 'mkfifo', 'mkpasswd', 'nc', 'nl', 'nmeter', 'nohup', 'nproc', 'nsenter', 'nslookup', 'od', 'openvt', 'paste', 'patch', 'pgrep', 'pkill', 'pmap', 'printf', 'pscan', 'pwdx', 'readlink', 'realpath', 'renice', 'reset', 'resize', 'seq', 'setkeycodes', 'setsid', 'sha1sum', 'sha256sum', 'sha3sum', 'sha512sum', 'showkey', 'shred', 'shuf', 'sort', 'split', 'ssl_client', 'strings', 'sum', 'tac', 'tail', 'head', 'tee', 'test', 'time', 'timeout', 'top', 'tr', 'traceroute', 'traceroute6', 'tree', 'truncate', 'tty', 'unexpand', 'uniq', 'unix2dos', 'unlink', 'unlzma', 'unshare', 'unxz', 'unzip', 'uptime', 'uudecode', 'uuencode', 'vi', 'vlock', 'volname', 'wc', 'wget', 'which', 'who', 'whoami', 'xargs', 'xxd', 'xzcat', 'yes']);
const ALPINE_EXECUTABLES: readonly string[] = [
  '/bin/busybox',
  ...BUSYBOX_APPLETS.filter((a) => !ALPINE_NOT_IN_BUSYBOX.has(a)).map((a) => (BUSYBOX_SBIN.has(a) ? `/sbin/${a}` : BUSYBOX_USR_BIN.has(a) ? `/usr/bin/${a}` : `/bin/${a}`)),
  // apk-tools and musl-utils (repo-info's alpine:3.24.2 package list).
  '/sbin/apk', '/sbin/ldconfig', '/usr/bin/getconf', '/usr/bin/getent', '/usr/bin/iconv', '/usr/bin/ldd', '/usr/bin/scanelf', '/usr/bin/ssl_client',
];

/** The official busybox image (docker-library/busybox): one static busybox and every applet linked in /bin. */
const BUSYBOX_IMAGE_EXECUTABLES: readonly string[] = ['/bin/busybox', ...bins('/bin', BUSYBOX_APPLETS.filter((a) => !['dpkg', 'dpkg-deb', 'rpm', 'rpm2cpio'].includes(a)))];

/** The tools of a Debian or Ubuntu base image (bash, dash, coreutils, grep, sed, mawk as awk (Priority: required), findutils, hostname, ...). */
const DEBIAN_BASE_TOOLS = ['bash', 'dash', 'sh', 'rbash', 'cat', 'ls', 'echo', 'env', 'hostname', 'head', 'tail', 'wc', 'cut', 'sort', 'uniq', 'tr', 'sed', 'awk', 'mawk', 'grep', 'egrep', 'fgrep', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'pwd', 'sleep', 'true', 'false', 'test', '[', 'printf', 'date', 'df', 'du', 'id', 'whoami', 'uname', 'tee', 'xargs', 'find', 'readlink', 'realpath', 'basename', 'dirname', 'stat', 'mktemp', 'seq', 'yes', 'nproc', 'timeout', 'md5sum', 'sha256sum', 'tac', 'od', 'mount', 'umount', 'su', 'login', 'gzip', 'gunzip', 'zcat', 'tar', 'which', 'apt', 'apt-get', 'apt-cache', 'dpkg', 'dpkg-query', 'perl', 'kill', 'more', 'getent', 'ldd'];
const DEBIAN_BASE_SBIN = ['ldconfig', 'start-stop-daemon', 'useradd', 'groupadd', 'usermod', 'chroot', 'pam_getenv'];
/** Oracle Linux 9 slim (the mysql image's base): bash as /bin/sh, coreutils-single, grep, sed, gawk, findutils, microdnf; no dash, no apt. */
const ORACLE_BASE_TOOLS = ['bash', 'sh', 'cat', 'ls', 'echo', 'env', 'head', 'tail', 'wc', 'cut', 'sort', 'uniq', 'tr', 'sed', 'grep', 'egrep', 'fgrep', 'mkdir', 'rm', 'rmdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'pwd', 'sleep', 'true', 'false', 'test', '[', 'printf', 'date', 'df', 'du', 'id', 'whoami', 'uname', 'tee', 'xargs', 'find', 'readlink', 'realpath', 'basename', 'dirname', 'stat', 'mktemp', 'seq', 'yes', 'nproc', 'timeout', 'md5sum', 'sha256sum', 'tac', 'od', 'gzip', 'gunzip', 'zcat', 'tar', 'awk', 'gawk', 'microdnf', 'rpm', 'kill', 'getent', 'ldd'];

/** Merged /usr (Debian 12+, Ubuntu, EL9): /bin and /sbin are links to /usr/bin and /usr/sbin, so both paths exist. */
export function mergedUsr(binNames: readonly string[], sbinNames: readonly string[] = []): string[] {
  return [...bins('/usr/bin', binNames), ...bins('/bin', binNames), ...bins('/usr/sbin', sbinNames), ...bins('/sbin', sbinNames)];
}

/** A base userland: its tools, whose wording they use, its shells. */
export interface Userland {
  distro: Distro;
  executables: readonly string[];
  shells: ShellSet;
}

/** Debian's /etc/bash.bashrc: `${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ` (Ubuntu's is the same). */
const DEBIAN_PS1 = '\\u@\\h:\\w\\$ ';
/** Alpine's /etc/bash/bashrc (bash package). */
export const ALPINE_BASH_PS1 = '\\h:\\w\\$ ';
/** bash's compiled-in default, when no bashrc sets one (Oracle Linux's /etc/bashrc only sets it for login shells). */
const BASH_DEFAULT_PS1 = '\\s-\\v\\$ ';

const debianLike = (distro: Distro, bashVersion: string): Userland => ({
  distro,
  executables: mergedUsr(DEBIAN_BASE_TOOLS, DEBIAN_BASE_SBIN),
  shells: { sh: 'dash', bash: { ps1: DEBIAN_PS1, version: bashVersion } },
});

/**
 * The bases, by name. Bash versions: repo-info's package lists (Debian 13 bash
 * 5.2.37, Debian 12 bash 5.2.15, Ubuntu 26.04/24.04 5.2, Ubuntu 14.04 4.3,
 * Oracle Linux 9 bash 5.1.8).
 */
export const USERLANDS = {
  alpine: { distro: 'alpine', executables: ALPINE_EXECUTABLES, shells: { sh: 'ash' } },
  busybox: { distro: 'alpine', executables: BUSYBOX_IMAGE_EXECUTABLES, shells: { sh: 'ash' } },
  'debian-trixie': debianLike('debian', '5.2'),
  'debian-bookworm': debianLike('debian', '5.2'),
  'ubuntu-resolute': debianLike('ubuntu', '5.3'),
  'ubuntu-noble': debianLike('ubuntu', '5.2'),
  'ubuntu-jammy': debianLike('ubuntu', '5.1'),
  'ubuntu-trusty': debianLike('ubuntu', '4.3'),
  'ubuntu-precise': debianLike('ubuntu', '4.2'),
  // FROM scratch (and distroless static): the image's own program and nothing else, no shell.
  scratch: { distro: 'alpine', executables: [], shells: { sh: 'ash' } },
  oraclelinux: { distro: 'debian', executables: mergedUsr(ORACLE_BASE_TOOLS), shells: { sh: 'bash', bash: { ps1: BASH_DEFAULT_PS1, version: '5.1' } } },
} satisfies Record<string, Userland>;

export type UserlandName = keyof typeof USERLANDS;
