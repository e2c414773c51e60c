/**
 * busybox df in a container, for the tmpfs mounts `docker run --tmpfs` gives it:
 * their size (the `size=` option, else the kernel's default of half the host's
 * memory) and the pages their files take. The other filesystems of a container
 * (its root, /dev, /proc, the bind-mounted /etc files) depend on the host's disks
 * and storage driver, which the simulation has not got, so df says so for them.
 */
import { resolvePath } from './fs.ts';
import { fail, ok, type Command } from './types.ts';

export interface TmpfsUsage {
  destination: string;
  /** Size in 1K blocks. */
  blocks: number;
  /** The 1K blocks its files take (whole 4 KiB pages). */
  used: number;
}

const HEADER = 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';

/** One line as busybox prints it (`%-20s %9llu %9llu %9llu %3u%% %s`). */
function line(m: TmpfsUsage): string {
  const avail = Math.max(m.blocks - m.used, 0);
  const total = m.used + avail;
  // busybox rounds the percentage half up over used + available.
  const percent = total === 0 ? 0 : Math.floor((m.used * 100 + Math.floor(total / 2)) / total);
  const col = (n: number) => String(n).padStart(9);
  return `${'tmpfs'.padEnd(20)} ${col(m.blocks)} ${col(m.used)} ${col(avail)} ${String(percent).padStart(3)}% ${m.destination}\n`;
}

/** `df PATH...` where each PATH lies on one of the container's --tmpfs mounts. */
export function tmpfsDfCommand(mounts: () => TmpfsUsage[]): Command {
  return (argv, ctx) => {
    const paths = argv.filter((a) => !a.startsWith('-') || a === '-');
    if (paths.length === 0 || paths.length !== argv.length) return fail('vethlab: busybox df is modelled only for --tmpfs mount points given as operands (the root filesystem depends on disks the simulation has not got)\n', 1);
    const all = mounts().sort((a, b) => b.destination.length - a.destination.length);
    let out = HEADER;
    for (const path of paths) {
      const abs = resolvePath(ctx.fs.cwd, path);
      if (ctx.fs.stat(abs) === undefined) return { stdout: out, stderr: `df: ${path}: can't find mount point\n`, exitCode: 1 };
      const m = all.find((x) => abs === x.destination || abs.startsWith(`${x.destination}/`));
      if (!m) return fail(`vethlab: busybox df is modelled only for --tmpfs mount points (${path} is on another filesystem)\n`, 1);
      out += line(m);
    }
    return ok(out);
  };
}

/** The kernel's size for a tmpfs `size=` option (bytes, or k/m/g suffixed), in 1K blocks; undefined for a percentage or none. */
export function tmpfsSizeKb(options: string, memTotalBytes: number): number {
  const size = options.split(',').map((o) => /^size=(\d+)([kKmMgG]?)$/.exec(o)).filter((m) => m !== null).pop();
  if (!size) return Math.floor(memTotalBytes / 2 / 1024);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[size[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  // The kernel rounds up to whole pages.
  const pages = Math.ceil((Number(size[1]) * unit) / 4096);
  return pages * 4;
}
