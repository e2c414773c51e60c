/**
 * Who and where a process is: hostname, env, id, whoami, groups, uname and
 * nproc, answered from the machine or container they run in (its hostname,
 * its /etc/passwd and /etc/group, the host's kernel). GNU coreutils' and
 * hostname's words on the Debian machines, busybox's in containers. Every
 * process here runs as root, as the rig's do.
 */
import { appletUsage } from './busybox-help.ts';
import { SERVER } from '../docker/engine-facts.ts';
import { isOutput, toolOptions, usageError } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

/** The simulated Docker host's kernel, which every container shares (`docker info` says the same release). */
export const KERNEL = { name: 'Linux', release: SERVER.kernelVersion, version: '#1 SMP PREEMPT_DYNAMIC Debian 6.18.0-1 (2026-11-01)', machine: 'x86_64', os: 'GNU/Linux' };

export function hostnameCommand(name: () => string): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const flags = argv.filter((a) => a.startsWith('-')).join('').replace(/-/g, '');
    const operands = argv.filter((a) => !a.startsWith('-'));
    if (operands.length > 0) {
      // Setting it: containers lack CAP_SYS_ADMIN; the host's is not modelled as changing.
      if (busybox) return fail('hostname: sethostname: Operation not permitted\n', 1);
      return fail(`vethlab: hostname does not change the Docker host's name here\n`, 1);
    }
    if (flags.includes('i') || flags.includes('I')) {
      // The addresses /etc/hosts gives the name (busybox -i; GNU -i asks the resolver the same way).
      const hosts = ctx.fs.read('/etc/hosts');
      const ips = typeof hosts === 'string' ? hosts.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).filter((f) => f.slice(1).includes(name()) && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]!)).map((f) => f[0]!) : [];
      if (ips.length === 0) return fail(busybox ? `hostname: ${name()}: Unknown host\n` : 'hostname: Name or service not known\n', 1);
      return ok(`${ips.join(' ')}${busybox ? '' : ' '}\n`);
    }
    if (flags.includes('s')) return ok(`${name().split('.')[0]}\n`);
    return ok(`${name()}\n`);
  };
}

/**
 * env: the environment, or `env [-i] [-u NAME] [NAME=VALUE]... COMMAND [ARG]...`
 * running COMMAND (found by `program`) with the environment changed.
 */
export function envCommand(program: (name: string) => Command | undefined): Command {
  return (argv, ctx) => {
    const busybox = ctx.userland === 'busybox';
    const parsed = toolOptions('env', argv, ctx, { flags: 'i0', valued: 'u', long: { 'ignore-environment': { key: 'i' }, unset: { key: 'u', value: 'required' }, null: { key: '0' } }, stopAtOperand: true });
    if (isOutput(parsed)) return { ...parsed, exitCode: busybox ? 1 : 125 };
    let env: Record<string, string> = { ...ctx.env };
    for (const [k, v] of parsed.options) {
      if (k === 'i') env = {};
      else if (k === 'u') delete env[v!];
    }
    const operands = [...parsed.operands];
    if (operands[0] === '-') {
      env = {};
      operands.shift();
    }
    while (operands.length > 0 && /^[^=]+=/.test(operands[0]!)) {
      const a = operands.shift()!;
      const eq = a.indexOf('=');
      delete env[a.slice(0, eq)];
      env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (operands.length === 0) return ok(Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
    const [name, ...args] = operands as [string, ...string[]];
    const command = program(name);
    if (!command) return fail(busybox ? `env: can't execute '${name}': No such file or directory\n` : `env: \u2018${name}\u2019: No such file or directory\n`, 127);
    return command(args, { ...ctx, env });
  };
}

// ---- users and groups ---------------------------------------------------------------

interface User {
  name: string;
  uid: number;
  gid: number;
}

function table(ctx: CommandContext, path: string): string[][] {
  const text = ctx.fs.read(path);
  if (text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST') return [];
  return text
    .split('\n')
    .filter((l) => l.includes(':'))
    .map((l) => l.split(':'));
}

function userBy(ctx: CommandContext, ref: string | number): User | undefined {
  const row = table(ctx, '/etc/passwd').find((f) => (typeof ref === 'number' ? Number(f[2]) === ref : f[0] === ref || (/^\d+$/.test(ref) && Number(f[2]) === Number(ref))));
  return row ? { name: row[0]!, uid: Number(row[2]), gid: Number(row[3]) } : undefined;
}

const groupName = (ctx: CommandContext, gid: number): string | undefined => table(ctx, '/etc/group').find((f) => Number(f[2]) === gid)?.[0];

/** A user's groups: the primary group, then every group listing the user (the process's own when it is root here). */
function groupsOf(ctx: CommandContext, user: User): number[] {
  const extra = table(ctx, '/etc/group')
    .filter((f) => (f[3] ?? '').split(',').includes(user.name))
    .map((f) => Number(f[2]));
  return [...new Set([user.gid, ...extra])];
}

const named = (id: number, name: string | undefined) => (name === undefined ? `${id}` : `${id}(${name})`);

/** The process's own identity (`docker exec -u`; else root, with the groups that list it), with its name where /etc/passwd has one. */
function selfOf(ctx: CommandContext): { name: string | undefined; uid: number; gid: number; groups: number[] } {
  if (!ctx.user) {
    const root = userBy(ctx, 0) ?? { name: 'root', uid: 0, gid: 0 };
    return { ...root, groups: groupsOf(ctx, root) };
  }
  const { uid, gid, groups } = ctx.user;
  return { name: userBy(ctx, uid)?.name, uid, gid, groups };
}

export const idCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  const parsed = toolOptions('id', argv, ctx, { flags: busybox ? 'ugGnr' : 'ugGnrza', long: { user: { key: 'u' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' }, real: { key: 'r' }, zero: { key: 'z' } } });
  if (isOutput(parsed)) return parsed;
  const has = (k: string) => parsed.options.some(([x]) => x === k);
  const picked = ['u', 'g', 'G'].filter(has);
  if (picked.length > 1) return busybox ? fail(appletUsage('id'), 1) : usageError('id', ctx, 'id: cannot print "only" of more than one choice\n');
  if (has('z') && picked.length === 0) return fail('id: option --zero not permitted in default format\n', 1);
  if ((has('n') || has('r')) && picked.length === 0) return busybox ? fail(appletUsage('id'), 1) : fail('id: cannot print only names or real IDs in default format\n', 1);
  const operands = parsed.operands;
  if (busybox && operands.length > 1) return fail(appletUsage('id'), 1);
  const refs: (string | undefined)[] = operands.length > 0 ? operands : [undefined];
  let stdout = '';
  let stderr = '';
  for (const ref of refs) {
    const found = ref === undefined ? undefined : userBy(ctx, ref);
    const user = ref === undefined ? selfOf(ctx) : found && { ...found, groups: groupsOf(ctx, found) };
    if (!user) {
      stderr += busybox ? `id: unknown user ${ref}\n` : `id: \u2018${ref}\u2019: no such user\n`;
      continue;
    }
    const groups = user.groups;
    const names = has('n');
    if (has('u')) stdout += `${names ? (user.name ?? user.uid) : user.uid}\n`;
    else if (has('g')) stdout += `${names ? (groupName(ctx, user.gid) ?? user.gid) : user.gid}\n`;
    else if (has('G')) stdout += `${groups.map((g) => (names ? (groupName(ctx, g) ?? g) : g)).join(' ')}\n`;
    else stdout += `uid=${named(user.uid, user.name)} gid=${named(user.gid, groupName(ctx, user.gid))} groups=${groups.map((g) => named(g, groupName(ctx, g))).join(',')}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

export const whoamiCommand: Command = (argv, ctx) => {
  if (argv.length > 0) {
    if (ctx.userland === 'busybox') return fail(appletUsage('whoami'), 1);
    const parsed = toolOptions('whoami', argv, ctx, {});
    if (isOutput(parsed)) return parsed;
    return usageError('whoami', ctx, `whoami: extra operand \u2018${parsed.operands[0]}\u2019\n`);
  }
  const self = selfOf(ctx);
  if (self.name !== undefined) return ok(`${self.name}\n`);
  // busybox: xuid2uname's bb_error_msg_and_die; coreutils whoami.c.
  return fail(ctx.userland === 'busybox' ? `whoami: unknown uid ${self.uid}\n` : `whoami: cannot find name for user ID ${self.uid}\n`, 1);
};

export const groupsCommand: Command = (argv, ctx) => {
  const found = argv[0] === undefined ? undefined : userBy(ctx, argv[0]);
  const user = argv[0] === undefined ? selfOf(ctx) : found && { ...found, groups: groupsOf(ctx, found) };
  if (!user) return fail(ctx.userland === 'busybox' ? `groups: unknown user ${argv[0]}\n` : `groups: \u2018${argv[0]}\u2019: no such user\n`, 1);
  const names = user.groups.map((g) => groupName(ctx, g) ?? String(g)).join(' ');
  return ok(argv[0] === undefined || ctx.userland === 'busybox' ? `${names}\n` : `${argv[0]} : ${names}\n`);
};

// ---- the kernel -------------------------------------------------------------------------

export function unameCommand(hostname: () => string): Command {
  return (argv, ctx): CommandOutput => {
    const busybox = ctx.userland === 'busybox';
    const parsed = toolOptions('uname', argv, ctx, {
      flags: 'asnrvmpio',
      long: { all: { key: 'a' }, 'kernel-name': { key: 's' }, nodename: { key: 'n' }, 'kernel-release': { key: 'r' }, 'kernel-version': { key: 'v' }, machine: { key: 'm' }, processor: { key: 'p' }, 'hardware-platform': { key: 'i' }, 'operating-system': { key: 'o' } },
    });
    if (isOutput(parsed)) return parsed;
    if (parsed.operands.length > 0) return busybox ? fail(appletUsage('uname'), 1) : usageError('uname', ctx, `uname: extra operand \u2018${parsed.operands[0]}\u2019\n`);
    const wanted = new Set(parsed.options.map(([k]) => k));
    const all = wanted.has('a');
    const fields: [string, string][] = [
      ['s', KERNEL.name],
      ['n', hostname()],
      ['r', KERNEL.release],
      ['v', KERNEL.version],
      ['m', KERNEL.machine],
      ['p', 'unknown'],
      ['i', 'unknown'],
      ['o', KERNEL.os],
    ];
    // -a leaves out the processor and platform when they are unknown.
    const shown = fields.filter(([k, v]) => (all ? !(v === 'unknown' && (k === 'p' || k === 'i')) : wanted.has(k)));
    return ok(`${(shown.length === 0 ? [fields[0]!] : shown).map(([, v]) => v).join(' ')}\n`);
  };
}

export const nprocCommand: Command = () => ok(`${SERVER.ncpu}\n`);
