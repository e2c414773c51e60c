/**
 * ls: names one per line (output is never a terminal here), -a/-A, -d, -1,
 * -F/-p, -r, and the long listing -l (-n, -h) with what the file tree knows
 * and the rest derived: modes from the image's executables and the usual
 * directories (/tmp sticky, /proc and /sys read-only), device nodes (their
 * numbers where the size goes) and /dev's kernel filesystems, busybox's applets as
 * links to /bin/busybox in the rig's images, sizes from contents (4096 for a
 * directory), and times from the image (its files) or the container (what it
 * made). GNU ls's aligned columns on the Debian machines, busybox's fixed
 * widths in containers.
 */
import { resolvePath } from './fs.ts';
import type { DeviceNode } from '../docker/devices.ts';
import { strftime } from './clock-cmds.ts';
import { isOutput, toolOptions } from './text-cmds.ts';
import type { Command, CommandContext } from './types.ts';

/** What the long listing needs to know beyond the file tree. */
export interface LsInfo {
  executables: () => ReadonlySet<string>;
  /** A path's symbolic link target, if it is one. */
  linkTarget?: (path: string) => string | undefined;
  /** A path's size when its content is not the file (a binary). */
  binarySize?: (path: string) => number | undefined;
  /** A path's modification time, epoch ms. */
  mtime: (path: string) => number;
  /** Directories whose mode is not rwxr-xr-x. */
  dirModes?: Readonly<Record<string, string>>;
  /** What a path is besides a file or directory of the tree: a device node, or a directory a kernel filesystem is mounted on (/dev/shm: its own mode and size, no blocks). */
  special?: (path: string) => { device: DeviceNode } | { mount: { mode: string; size: number } } | undefined;
}

interface Entry {
  /** As printed. */
  name: string;
  path: string;
  kind: 'file' | 'dir' | 'link';
  mode: string;
  links: number;
  size: number;
  mtime: number;
  target?: string;
  /** A device node's numbers, printed where the size goes. */
  device?: { major: number; minor: number };
  /** Blocks when not derived from the size (a device, a kernel filesystem's directory: none). */
  blocks?: number;
}

/**
 * The options the listing acts on. -1 and -w change nothing here: output is never a
 * terminal, so it is one name per line already. The others (-C -x -R -i -s -L -H -X -v
 * -c -u -U -g -k -Q -T, --color=always) are refused in one line.
 */
const LS_MODELLED = new Set(['1', 'a', 'A', 'd', 'F', 'p', 'l', 'n', 'h', 'r', 'S', 't', 'w', 'color']);

const VIRTUAL_DIRS: Record<string, string> = { '/tmp': 'drwxrwxrwt', '/proc': 'dr-xr-xr-x', '/sys': 'dr-xr-xr-x' };

function entryOf(ctx: CommandContext, info: LsInfo, path: string, name: string): Entry {
  const abs = resolvePath(ctx.fs.cwd, path);
  const target = info.linkTarget?.(abs);
  if (target !== undefined) return { name, path, kind: 'link', mode: 'lrwxrwxrwx', links: 1, size: target.length, mtime: info.mtime(abs), target };
  const special = info.special?.(abs);
  if (special && 'device' in special) {
    const d = special.device;
    return { name, path, kind: 'file', mode: `${d.type}${d.perms}`, links: 1, size: 0, mtime: info.mtime(abs), device: { major: d.major, minor: d.minor }, blocks: 0 };
  }
  if (ctx.fs.stat(path) === 'dir') {
    const names = ctx.fs.list(path);
    const subdirs = Array.isArray(names) ? names.filter((n) => ctx.fs.stat(`${abs === '/' ? '' : abs}/${n}`) === 'dir').length : 0;
    const kernel = abs === '/proc' || abs === '/sys';
    if (special) return { name, path, kind: 'dir', mode: special.mount.mode, links: 2 + subdirs, size: special.mount.size, mtime: info.mtime(abs), blocks: 0 };
    return { name, path, kind: 'dir', mode: info.dirModes?.[abs] ?? VIRTUAL_DIRS[abs] ?? 'drwxr-xr-x', links: 2 + subdirs, size: kernel ? 0 : 4096, mtime: info.mtime(abs) };
  }
  const content = ctx.fs.read(path);
  const exec = info.executables().has(abs);
  const size = info.binarySize?.(abs) ?? (typeof content === 'string' ? new TextEncoder().encode(content).length : 0);
  return { name, path, kind: 'file', mode: exec ? '-rwxr-xr-x' : '-rw-r--r--', links: 1, size, mtime: info.mtime(abs) };
}

const blocks = (e: Entry) => e.blocks ?? (e.kind === 'link' || e.mode.startsWith('dr-x') ? 0 : Math.ceil(e.size / 4096) * 4);

/** GNU ls -h: one decimal under 10, rounded up (8.0K, 1.9M, 12K). */
function gnuHuman(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPE';
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))}${units[u]}`;
}

/**
 * busybox's make_human_readable_str(val, blockSize, 0): each step down by 1024 keeps one
 * rounded decimal (4.0K, 1.9M); with blockSize 0 (ls's total line) the decimal is rounded
 * away instead (8K).
 */
function busyboxHuman(val: number, blockSize: 0 | 1): string {
  if (val === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = val;
  let u = 0;
  let frac = 0;
  while (v >= 1024 && u < units.length - 1) {
    u++;
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  if (blockSize === 0) return `${frac >= 5 ? v + 1 : v}${units[u]}`;
  return u === 0 ? String(v) : `${v}.${frac}${units[u]}`;
}

export function lsCommand(info: LsInfo): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    // busybox 1.35's getopt string (ls.c's ls_options) and GNU's short options.
    const parsed = toolOptions('ls', argv, ctx, { flags: busybox ? '1AaCxdLHRFplinshrSXvctugkQ' : '1AaCdFhilnprRStUx', valued: busybox ? 'wT' : 'w', long: { all: { key: 'a' }, 'almost-all': { key: 'A' }, directory: { key: 'd' }, 'human-readable': { key: 'h' }, 'numeric-uid-gid': { key: 'n' }, reverse: { key: 'r' }, classify: { key: 'F' }, color: { key: 'color', value: 'optional' } } });
    if (isOutput(parsed)) return { ...parsed, exitCode: busybox ? 1 : 2 };
    const has = (k: string) => parsed.options.some(([x]) => x === k);
    const unmodelled = parsed.options.find(([k, v]) => !LS_MODELLED.has(k) || (k === 'color' && v !== undefined && v !== 'never' && v !== 'auto'));
    if (unmodelled) return { stdout: '', stderr: `vethlab: ls ${unmodelled[0] === 'color' ? '--color=always' : `-${unmodelled[0]}`} is not modelled (modelled: -1 -a -A -d -F -p -l -n -h -r -S -t -w)\n`, exitCode: busybox ? 1 : 2 };
    const long = has('l') || has('n');
    const all = has('a');
    const almost = has('A');
    const indicator = has('F') ? 'F' : has('p') ? 'p' : undefined;
    const targets = parsed.operands.length > 0 ? parsed.operands : ['.'];
    const now = ctx.kernel.now;
    let stderr = '';
    const files: Entry[] = [];
    const dirs: { path: string; entries: Entry[] }[] = [];
    for (const path of targets) {
      const kind = ctx.fs.stat(path);
      if (kind === undefined) {
        stderr += busybox ? `ls: ${path}: No such file or directory\n` : `ls: cannot access '${path}': No such file or directory\n`;
        continue;
      }
      if (kind === 'file' || has('d') || info.linkTarget?.(resolvePath(ctx.fs.cwd, path)) !== undefined) {
        files.push(entryOf(ctx, info, path, path));
        continue;
      }
      const names = ctx.fs.list(path);
      if (!Array.isArray(names)) continue;
      const shown = all ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.') || (almost && n !== '.' && n !== '..'));
      const base = path.endsWith('/') ? path : `${path}/`;
      dirs.push({ path, entries: shown.map((n) => entryOf(ctx, info, n === '.' ? path : n === '..' ? `${base}..` : `${base}${n}`, n)) });
    }
    const order = (list: Entry[]) => {
      const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      // -S: largest first; -t: newest first; ties by name.
      const sorted = [...list].sort((a, b) => (has('S') ? b.size - a.size : 0) || (has('t') ? b.mtime - a.mtime : 0) || byName(a, b));
      return has('r') ? sorted.reverse() : sorted;
    };
    const mark = (e: Entry) => (indicator === undefined ? '' : e.kind === 'dir' ? '/' : indicator === 'F' && e.kind === 'link' ? '@' : indicator === 'F' && e.mode.includes('x') ? '*' : '');
    const date = (ms: number) => (Math.abs(now - ms) < 182 * 86_400_000 ? strftime('%b %e %H:%M', ms, true) : strftime('%b %e  %Y', ms, true));
    const render = (list: Entry[]): string => {
      if (!long) return list.map((e) => `${e.name}${mark(e)}\n`).join('');
      const owner = has('n') ? '0' : 'root';
      // A device's numbers go where the size goes: busybox "%4u, %3u"; GNU pads each to the widest of the listing.
      const devices = list.flatMap((e) => (e.device ? [e.device] : []));
      const majorWidth = Math.max(0, ...devices.map((d) => String(d.major).length));
      const minorWidth = Math.max(0, ...devices.map((d) => String(d.minor).length));
      const plainSize = (e: Entry) => (has('h') ? (busybox ? busyboxHuman(e.size, 1) : gnuHuman(e.size)) : String(e.size));
      const sizeWidth = Math.max(devices.length > 0 ? majorWidth + 2 + minorWidth : 0, ...list.filter((e) => !e.device).map((e) => plainSize(e).length));
      const size = (e: Entry) => {
        if (!e.device) return plainSize(e);
        if (busybox) return `${String(e.device.major).padStart(4)}, ${String(e.device.minor).padStart(3)}`;
        return `${String(e.device.major).padStart(sizeWidth - 2 - minorWidth)}, ${String(e.device.minor).padStart(minorWidth)}`;
      };
      const name = (e: Entry) => `${e.name}${e.target !== undefined ? ` -> ${e.target}` : mark(e)}`;
      // busybox: fixed widths, 7 for a human-readable size (HUMAN_READABLE_MAX_WIDTH).
      if (busybox) return list.map((e) => `${e.mode} ${String(e.links).padStart(4)} ${owner.padEnd(8)} ${owner.padEnd(8)} ${size(e).padStart(has('h') ? 7 : 9)} ${date(e.mtime)} ${name(e)}\n`).join('');
      const wl = Math.max(...list.map((e) => String(e.links).length));
      const ws = sizeWidth;
      return list.map((e) => `${e.mode} ${String(e.links).padStart(wl)} ${owner} ${owner} ${size(e).padStart(ws)} ${date(e.mtime)} ${name(e)}\n`).join('');
    };
    const total = (list: Entry[]) => {
      const t = list.reduce((n, e) => n + blocks(e), 0);
      return long ? `total ${has('h') ? (busybox ? busyboxHuman(t * 1024, 0).padEnd(7) : gnuHuman(t * 1024)) : t}\n` : '';
    };
    const parts: string[] = [];
    if (files.length > 0) parts.push(render(order(files)));
    const headed = targets.length > 1 || files.length > 0;
    for (const d of [...dirs].sort((a, b) => (a.path < b.path ? -1 : 1))) parts.push((headed ? `${d.path}:\n` : '') + total(d.entries) + render(order(d.entries)));
    return { stdout: parts.join('\n'), stderr, exitCode: stderr ? (busybox ? 1 : 2) : 0 };
  };
}
