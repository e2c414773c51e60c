/**
 * ps: the Docker host's processes (procps-ng: dockerd, containerd, one
 * docker-proxy per published port and address family, a shim and the main
 * process of each running container) and a container's own (busybox ps).
 * PIDs are assigned in start order; nothing here reads a real process table.
 */
import { IN_CONTAINER_INIT_PATH, processArgv, type Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import { formatIPv6 } from '../netfilter/addr.ts';
import { formatIPv4 } from '../netfilter/inet.ts';
import type { Command, CommandContext } from './types.ts';
import { fail, ok } from './types.ts';

export interface Process {
  pid: number;
  ppid: number;
  user: string;
  /** argv joined, as `ps -o args` prints it. */
  args: string;
  /** The container whose main process this is (its ID). */
  container?: string;
}

const comm = (p: Process): string => {
  const first = p.args.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
};

/** How the host's ps names a uid: its own /etc/passwd's name, else the number. */
export type HostUserName = (uid: number) => string;

const rootOnly: HostUserName = (uid) => (uid === 0 ? 'root' : String(uid));

/** A uid named by an /etc/passwd text, else shown as the number (ps's USER and UID columns). */
export function passwdName(passwd: string | undefined, uid: number): string {
  return (passwd ?? '').split('\n').map((l) => l.split(':')).find((f) => f.length > 2 && Number(f[2]) === uid)?.[0] ?? String(uid);
}

/**
 * The docker host's process table, derived from the engine's state. A container's
 * main process runs as its user (`-u`), which the host names by its own accounts.
 */
export function hostProcesses(engine: Engine, hostUser: HostUserName = rootOnly): Process[] {
  const table: Process[] = [
    { pid: 1, ppid: 0, user: 'root', args: '/sbin/init' },
    { pid: 312, ppid: 1, user: 'root', args: '/usr/bin/containerd' },
    { pid: 330, ppid: 1, user: 'root', args: '/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock' },
  ];
  let next = 1000;
  const running = [...engine.containers.values()].filter((c) => c.state === 'running' || c.state === 'paused').sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  for (const c of running) {
    for (const proxy of proxyArgs(c)) table.push({ pid: next++, ppid: 330, user: 'root', args: proxy });
    const shim = next++;
    table.push({ pid: shim, ppid: 1, user: 'root', args: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock` });
    const user = engine.processUser(c);
    const owner = hostUser(user && !('error' in user) ? user.uid : 0);
    if (engine.usesInit(c)) {
      // docker-init (tini) is the shim's child, the command tini's.
      const init = next++;
      table.push({ pid: init, ppid: shim, user: owner, args: initArgs(c), container: c.id });
      table.push({ pid: next++, ppid: init, user: owner, args: c.cmd.join(' ') });
    } else table.push({ pid: next++, ppid: shim, user: owner, args: c.cmd.join(' '), container: c.id });
  }
  return table;
}

/** A running container's processes as the host sees them (`docker top`): the children of its shim. */
export function containerProcesses(engine: Engine, c: Container, hostUser?: HostUserName): Process[] {
  const table = hostProcesses(engine, hostUser);
  const shim = table.find((p) => p.args.includes(`-id ${c.id} `));
  // The shim's child and its children (docker-init's command).
  const mine = new Set(shim ? [shim.pid] : []);
  return table.filter((p) => mine.has(p.ppid) && mine.add(p.pid));
}

/**
 * docker-proxy's command lines: one per host port the container holds, in the order they
 * were bound. An IPv6 binding relays to the container's IPv6 address when it has one.
 */
function proxyArgs(c: Container): string[] {
  const ep = [...c.endpoints.values()].find((e) => e.publishesPorts);
  if (!ep) return [];
  return ep.bound
    .filter((b) => b.proxied)
    .map((b) => `/usr/sbin/docker-proxy -proto ${b.proto} -host-ip ${b.hostIp} -host-port ${b.hostPort} -container-ip ${b.hostIp.includes(':') && ep.ip6 !== undefined ? formatIPv6(ep.ip6) : formatIPv4(ep.ip)} -container-port ${b.containerPort} -use-listen-fd`);
}

const FIELDS: Record<string, { header: string; width: number; right: boolean; value: (p: Process) => string }> = {
  pid: { header: 'PID', width: 7, right: true, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 7, right: true, value: (p) => String(p.ppid) },
  user: { header: 'USER', width: 8, right: false, value: (p) => p.user },
  comm: { header: 'COMMAND', width: 15, right: false, value: comm },
  args: { header: 'COMMAND', width: 0, right: false, value: (p) => p.args },
};
FIELDS.cmd = { ...FIELDS.args!, header: 'CMD' };
FIELDS.command = FIELDS.args!;
FIELDS.ucmd = { ...FIELDS.comm!, header: 'CMD' };

/** procps-ng ps on the Debian machines: default, -e/-A, -f, aux, and -o FIELD,... */
export function procpsCommand(processes: () => Process[]): Command {
  return (argv) => {
    let all = false;
    let full = false;
    let bsd = false;
    let fields: string[] | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-o' || a === '--format') fields = (argv[++i] ?? '').split(/[,\s]+/).filter(Boolean);
      else if (/^-[eAfo]+$/.test(a)) {
        all ||= /[eA]/.test(a);
        full ||= a.includes('f');
        if (a.endsWith('o')) fields = (argv[++i] ?? '').split(/[,\s]+/).filter(Boolean);
      } else if (/^[aux]+$/.test(a)) {
        bsd = true;
        all = true;
      } else return fail(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`, 1);
    }
    const unknown = fields?.find((f) => !FIELDS[f]);
    if (unknown) return fail(`error: unknown user-defined format specifier "${unknown}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`, 1);
    // Without -e only the processes of this terminal: the shell and ps itself.
    const table = all ? processes() : [];
    const self: Process = { pid: 4242, ppid: 4200, user: 'root', args: ['ps', ...argv].join(' ') };
    const rows = [...table, ...(all ? [] : [{ pid: 4200, ppid: 4199, user: 'root', args: 'sh' }]), self];
    if (fields) {
      const cols = fields.map((f) => FIELDS[f]!);
      const line = (cells: string[]) =>
        cols
          .map((c, i) => (c.width === 0 ? cells[i]! : c.right ? cells[i]!.padStart(c.width) : cells[i]!.padEnd(c.width)))
          .join(' ')
          .trimEnd();
      return ok([line(cols.map((c) => c.header)), ...rows.map((p) => line(cols.map((c) => c.value(p))))].join('\n') + '\n');
    }
    if (bsd) {
      const head = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';
      return ok([head, ...rows.map((p) => `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0      0     0 ?        S    00:00   0:00 ${p.args}`)].join('\n') + '\n');
    }
    if (full) {
      const head = 'UID          PID    PPID  C STIME TTY          TIME CMD';
      return ok([head, ...rows.map((p) => `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 00:00 ?        00:00:00 ${p.args}`)].join('\n') + '\n');
    }
    const head = '    PID TTY          TIME CMD';
    return ok([head, ...rows.map((p) => `${String(p.pid).padStart(7)} ${all ? '?       ' : 'pts/0   '} 00:00:00 ${comm(p)}`)].join('\n') + '\n');
  };
}

/** busybox ps.c's out_spec columns that -o takes here: width, header, right-aligned value. */
const BUSYBOX_FIELDS: Record<string, { width: number; header: string; value: (p: Process) => string; right?: boolean }> = {
  user: { width: 8, header: 'USER', value: (p) => p.user },
  comm: { width: 16, header: 'COMMAND', value: (p) => (p.args.split(' ')[0] ?? '').split('/').pop()!.slice(0, 15) },
  args: { width: 0, header: 'COMMAND', value: (p) => p.args },
  pid: { width: 5, header: 'PID', value: (p) => String(p.pid), right: true },
  ppid: { width: 5, header: 'PPID', value: (p) => String(p.ppid), right: true },
};

/** A uid as busybox ps shows it: the name /etc/passwd gives it, else the number. */
function userName(ctx: CommandContext, uid: number): string {
  return passwdName(ctx.fs.stat('/etc/passwd') === 'file' ? ctx.fs.read('/etc/passwd') : undefined, uid);
}

/**
 * busybox ps inside a container: its main process (PID 1, as the container's
 * user) and ps itself (as its own); `-o` picks columns (the last one unpadded).
 */
export function busyboxPsCommand(container: () => Container, mainUid: () => number, hostTable: () => Process[] | undefined = () => undefined, usesInit: (c: Container) => boolean = () => false): Command {
  return (argv, ctx) => {
    const c = container();
    const self = { user: userName(ctx, ctx.user?.uid ?? 0), args: ['ps', ...argv].join(' ') };
    // --pid host: the host's whole process table, with ps as its newest process.
    const host = hostTable();
    const init = { pid: 1, ppid: 0, user: userName(ctx, mainUid()), args: initArgs(c) };
    const rows: Process[] = host
      ? [...host, { pid: Math.max(...host.map((p) => p.pid)) + 1, ppid: 0, ...self }]
      : usesInit(c)
        ? // --init: the command is tini's child, the first process after runc's setup (PID 7, as an exec'd one is without init).
          c.cmd.join(' ') === self.args
          ? [init, { pid: 7, ppid: 1, ...self }]
          : [init, { pid: 7, ppid: 1, user: init.user, args: c.cmd.join(' ') }, { pid: 8, ppid: 0, ...self }]
        : c.cmd.join(' ') === self.args
        ? // ps is the container's main process (`docker run busybox ps`): PID 1 is itself, alone.
          [{ pid: 1, ppid: 0, user: userName(ctx, mainUid()), args: self.args }]
        : [
            { pid: 1, ppid: 0, user: userName(ctx, mainUid()), args: c.cmd.join(' ') },
            { pid: 7, ppid: 0, ...self },
          ];
    let names = ['pid', 'user', 'args'];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-o' || a.startsWith('-o')) {
        names = (a === '-o' ? (argv[++i] ?? '') : a.slice(2)).split(',').filter(Boolean);
        const unknown = names.find((n) => !BUSYBOX_FIELDS[n]);
        if (unknown !== undefined) return fail(`vethlab: busybox ps -o ${unknown} is not modelled here (${Object.keys(BUSYBOX_FIELDS).join(', ')} are)\n`, 1);
      } else if (/^-[aAdeflT]+$/.test(a) || !a.startsWith('-')) {
        // busybox ps takes -a -A -d -e -f -l -T and words (`ps aux`) for compatibility and ignores them.
        continue;
      } else return fail(`vethlab: busybox ps ${a} is not modelled here (-o is)\n`, 1);
    }
    const cols = names.map((n) => BUSYBOX_FIELDS[n]!);
    // Headers are left-aligned in their columns, values right-aligned where numeric; the last column is not padded.
    const line = (cells: string[], header: boolean) =>
      cells.map((cell, i) => (i === cells.length - 1 ? cell : cols[i]!.right && !header ? cell.padStart(cols[i]!.width) : cell.padEnd(cols[i]!.width))).join(' ');
    return ok([line(cols.map((col) => col.header), true), ...rows.map((p) => line(cols.map((col) => col.value(p)), false))].join('\n') + '\n');
  };
}

/** docker-init's command line (oci_linux.go withCommonOptions): the init, `--`, then the container's process. */
function initArgs(c: Container): string {
  return [IN_CONTAINER_INIT_PATH, '--', ...processArgv(c)].join(' ');
}
