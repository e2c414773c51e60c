/**
 * ls: names one per line (output is never a terminal here), -a/-A, -d, -1,
 * -F/-p, -r, and the long listing -l (-n, -h) with what the file tree knows
 * and the rest derived: modes from the image's executables and the usual
 * directories (/tmp sticky, /proc and /sys read-only), busybox's applets as
 * links to /bin/busybox in the rig's images, sizes from contents (4096 for a
 * directory), and times from the image (its files) or the container (what it
 * made). GNU ls's aligned columns on the Debian machines, busybox's fixed
 * widths in containers.
 */
import { resolvePath } from './fs.ts';
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
}

const VIRTUAL_DIRS: Record<string, string> = { '/tmp': 'drwxrwxrwt', '/proc': 'dr-xr-xr-x', '/sys': 'dr-xr-xr-x' };

function entryOf(ctx: CommandContext, info: LsInfo, path: string, name: string): Entry {
  const abs = resolvePath(ctx.fs.cwd, path);
  const target = info.linkTarget?.(abs);
  if (target !== undefined) return { name, path, kind: 'link', mode: 'lrwxrwxrwx', links: 1, size: target.length, mtime: info.mtime(abs), target };
  if (ctx.fs.stat(path) === 'dir') {
    const names = ctx.fs.list(path);
    const subdirs = Array.isArray(names) ? names.filter((n) => ctx.fs.stat(`${abs === '/' ? '' : abs}/${n}`) === 'dir').length : 0;
    const kernel = abs === '/proc' || abs === '/sys';
    return { name, path, kind: 'dir', mode: info.dirModes?.[abs] ?? VIRTUAL_DIRS[abs] ?? 'drwxr-xr-x', links: 2 + subdirs, size: kernel ? 0 : 4096, mtime: info.mtime(abs) };
  }
  const content = ctx.fs.read(path);
  const exec = info.executables().has(abs);
  const size = info.binarySize?.(abs) ?? (typeof content === 'string' ? new TextEncoder().encode(content).length : 0);
  return { name, path, kind: 'file', mode: exec ? '-rwxr-xr-x' : '-rw-r--r--', links: 1, size, mtime: info.mtime(abs) };
}

const blocks = (e: Entry) => (e.kind === 'link' || e.mode.startsWith('dr-x') ? 0 : Math.ceil(e.size / 4096) * 4);

function human(n: number, busybox: boolean): string {
  if (n < 1024) return String(n);
  const units = 'KMGT';
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const shown = v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return `${busybox ? shown.replace(/\.0$/, '.0') : shown}${units[u]}`;
}

export function lsCommand(info: LsInfo): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const parsed = toolOptions('ls', argv, ctx, { flags: busybox ? '1AaCxdLHRFplinshrSXvctue' : '1AaCdFhilnprRStUx', valued: 'w', long: { all: { key: 'a' }, 'almost-all': { key: 'A' }, directory: { key: 'd' }, 'human-readable': { key: 'h' }, 'numeric-uid-gid': { key: 'n' }, reverse: { key: 'r' }, classify: { key: 'F' }, color: { key: 'color', value: 'optional' } } });
    if (isOutput(parsed)) return { ...parsed, exitCode: busybox ? 1 : 2 };
    const has = (k: string) => parsed.options.some(([x]) => x === k);
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
      const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return has('r') ? sorted.reverse() : sorted;
    };
    const mark = (e: Entry) => (indicator === undefined ? '' : e.kind === 'dir' ? '/' : indicator === 'F' && e.kind === 'link' ? '@' : indicator === 'F' && e.mode.includes('x') ? '*' : '');
    const date = (ms: number) => (Math.abs(now - ms) < 182 * 86_400_000 ? strftime('%b %e %H:%M', ms, true) : strftime('%b %e  %Y', ms, true));
    const render = (list: Entry[]): string => {
      if (!long) return list.map((e) => `${e.name}${mark(e)}\n`).join('');
      const owner = has('n') ? '0' : 'root';
      const size = (e: Entry) => (has('h') ? human(e.size, busybox) : String(e.size));
      const name = (e: Entry) => `${e.name}${e.target !== undefined ? ` -> ${e.target}` : mark(e)}`;
      if (busybox) return list.map((e) => `${e.mode} ${String(e.links).padStart(4)} ${owner.padEnd(8)} ${owner.padEnd(8)} ${size(e).padStart(9)} ${date(e.mtime)} ${name(e)}\n`).join('');
      const wl = Math.max(...list.map((e) => String(e.links).length));
      const ws = Math.max(...list.map((e) => size(e).length));
      return list.map((e) => `${e.mode} ${String(e.links).padStart(wl)} ${owner} ${owner} ${size(e).padStart(ws)} ${date(e.mtime)} ${name(e)}\n`).join('');
    };
    const total = (list: Entry[]) => {
      const t = list.reduce((n, e) => n + blocks(e), 0);
      return long ? `total ${has('h') ? human(t * 1024, busybox) : t}\n` : '';
    };
    const parts: string[] = [];
    if (files.length > 0) parts.push(render(order(files)));
    const headed = targets.length > 1 || files.length > 0;
    for (const d of [...dirs].sort((a, b) => (a.path < b.path ? -1 : 1))) parts.push((headed ? `${d.path}:\n` : '') + total(d.entries) + render(order(d.entries)));
    return { stdout: parts.join('\n'), stderr, exitCode: stderr ? (busybox ? 1 : 2) : 0 };
  };
}
