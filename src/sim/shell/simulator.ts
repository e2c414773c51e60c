/**
 * One simulated world and its shells: the kernel, the Docker engine, and the
 * commands each machine answers with (Debian's tools on the Docker host, lan
 * and gw; busybox inside containers). Every UI action and script line ends here
 * as argv for one machine or one container.
 */
import { lookup } from '../docker/dns.ts';
import { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import { GW_NS, HOST_NS, LAN_NS } from '../docker/world.ts';
import { Kernel } from '../net/index.ts';
import { dockerCommand } from './docker/cli.ts';
import { iptablesCommand, iptablesRestoreCommand, iptablesSaveCommand, sysctlCommand } from './netfilter-cmds.ts';
import { curlCommand, busyboxWget } from './http-cmds.ts';
import { LAN_ZONE } from '../docker/dns.ts';
import { nslookupCommand } from './dns-cmds.ts';
import { ncCommand } from './nc-cmd.ts';
import { pingCommand } from './ping.ts';
import { catCommand, envCommand, hostnameCommand } from './system-cmds.ts';
import { runShell } from './sh.ts';
import { cutCommand, grepCommand, headCommand, tailCommand, wcCommand } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

export type Machine = 'host' | 'lan' | 'gw';

/** Text tools every machine and every container has. */
const TEXT_TOOLS: [string, Command][] = [
  ['cut', cutCommand],
  ['grep', grepCommand],
  ['head', headCommand],
  ['tail', tailCommand],
  ['wc', wcCommand],
];

const MACHINE_NS: Record<Machine, string> = { host: HOST_NS, lan: LAN_NS, gw: GW_NS };
const MACHINE_HOSTNAME: Record<Machine, string> = { host: 'dockerhost', lan: 'client', gw: 'gw' };

export interface SimulatorOptions {
  seed?: number;
  /** Whether the user's terminal is a TTY (`docker run -it` needs one); scripts have none. */
  tty?: boolean;
}

export class Simulator {
  readonly kernel: Kernel;
  readonly engine: Engine;
  private readonly docker: (argv: string[]) => CommandOutput;

  constructor(options: SimulatorOptions = {}) {
    this.kernel = new Kernel({ seed: options.seed ?? 1 });
    this.engine = new Engine(this.kernel, options.seed ?? 1);
    this.docker = dockerCommand(this.engine, {
      tty: options.tty ?? false,
      runProcess: (c, argv, opts) => {
        const result = this.runInContainer(c, argv);
        if (opts.main) c.logs += result.stdout + result.stderr;
        return result;
      },
      onStarted: (c) => this.startMainProcess(c),
    });
  }

  /** The commands of a Debian machine. */
  private machineCommands(machine: Machine): Map<string, Command> {
    const files = { engine: this.engine, netns: MACHINE_NS[machine], hostname: MACHINE_HOSTNAME[machine] };
    const commands = new Map<string, Command>([
      ['ping', pingCommand('iputils', () => undefined)],
      ['iptables', iptablesCommand(4)],
      ['ip6tables', iptablesCommand(6)],
      ['iptables-save', iptablesSaveCommand(4)],
      ['ip6tables-save', iptablesSaveCommand(6)],
      ['iptables-restore', iptablesRestoreCommand(4)],
      ['ip6tables-restore', iptablesRestoreCommand(6)],
      ['sysctl', sysctlCommand],
      ['cat', catCommand(files)],
      ['hostname', hostnameCommand(() => MACHINE_HOSTNAME[machine])],
      ['curl', curlCommand(this.engine, (name) => this.lanResolve(MACHINE_NS[machine], name))],
      ['nc', ncCommand((name) => this.lanResolve(MACHINE_NS[machine], name), { services: true })],
      ...TEXT_TOOLS,
    ]);
    if (machine === 'host') commands.set('docker', (argv) => this.docker(argv));
    return commands;
  }

  /**
   * A background container's main process: servers and `sleep` keep running, a
   * shell keeps running while it has a stdin (-i), anything else runs to its end
   * and the container exits with its status.
   */
  private startMainProcess(c: Container): void {
    const image = this.engine.imageOf(c);
    const isDefault = c.cmd.join(' ') === image.cmd.join(' ');
    if (isDefault && image.listens.length > 0) {
      c.logs += image.startupLog ?? '';
      return;
    }
    if (c.cmd[0] === 'sleep' || (c.cmd.length === 1 && c.cmd[0] === 'sh' && c.interactive)) return;
    const result = this.runInContainer(c, c.cmd);
    c.logs += result.stdout + result.stderr;
    this.engine.exited(c.id, result.exitCode);
    if (c.autoRemove) this.engine.remove(c.id, true);
  }

  /** The busybox applets a container answers with. */
  private containerCommands(c: Container): Map<string, Command> {
    const files = { engine: this.engine, netns: c.netns ?? HOST_NS, container: c, hostname: c.hostname };
    const resolve = (name: string) => {
      const answer = lookup(this.engine, c, name);
      return answer.kind === 'address' ? answer.address : undefined;
    };
    return new Map<string, Command>([
      ['ping', pingCommand('busybox', resolve)],
      ['cat', catCommand(files)],
      ['hostname', hostnameCommand(() => c.hostname)],
      ['env', envCommand(() => this.engine.containerEnv(c))],
      ['wget', busyboxWget(this.engine, resolve)],
      ['nslookup', nslookupCommand(this.engine, c)],
      ['sh', (argv, ctx) => this.containerShell(c, argv, ctx.stdin)],
      ['echo', (argv) => (argv[0] === '-n' ? ok(argv.slice(1).join(' ')) : ok(`${argv.join(' ')}\n`))],
      ['sleep', (argv) => (argv.length > 0 && argv.every((a) => /^\d+(\.\d+)?[smhd]?$/.test(a)) ? ok() : fail(argv.length === 0 ? 'BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) multi-call binary.\n\nUsage: sleep [N]...\n' : `sleep: invalid number '${argv.find((a) => !/^\d/.test(a))}'\n`, 1))],
      ...TEXT_TOOLS,
      ['true', () => ok()],
      ['false', () => fail('', 1)],
      // The rig's images ship OpenBSD netcat as /usr/bin/nc, without /etc/services.
      ['nc', ncCommand(resolve, { services: false })],
    ]);
  }

  /** The Debian machines ask the LAN's DNS server on gw (a real probe: a blocked path gets no answer). */
  private lanResolve(netns: string, name: string): string | undefined {
    const trace = this.kernel.probe({ kind: 'udp-send', from: netns, dst: '192.168.1.1', port: 53 });
    return trace.outcome.kind === 'delivered' ? LAN_ZONE[name] : undefined;
  }

  /**
   * A line of a real-docker script (record.sh's forms): `lan$ CMD` and `gw$ CMD` run
   * on those machines, anything else (`docker ...` included) on the Docker host,
   * each through `sh -c`.
   */
  runScriptLine(line: string): CommandOutput {
    const m = /^(lan|gw)\$\s+(.*)$/.exec(line);
    const machine: Machine = m ? (m[1] as Machine) : 'host';
    return this.runShellOn(machine, m ? m[2]! : line);
  }

  /** `sh -c LINE` on a machine. */
  runShellOn(machine: Machine, line: string, stdin = ''): CommandOutput {
    const commands = this.machineCommands(machine);
    return runShell(line, { resolve: (name) => commands.get(name), context: { kernel: this.kernel, netns: MACHINE_NS[machine], userland: 'debian' } }, stdin);
  }

  /** Runs argv on a machine, as `ip netns exec NS CMD...` would. */
  runOnMachine(machine: Machine, argv: string[], stdin = ''): CommandOutput {
    const [name, ...args] = argv;
    if (name === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    const command = this.machineCommands(machine).get(name);
    if (!command) return fail(`sh: 1: ${name}: not found\n`, 127);
    return command(args, this.context(MACHINE_NS[machine], 'debian', stdin));
  }

  /** Runs argv as a process of a running container (`docker exec`, or its main command). */
  runInContainer(c: Container, argv: string[], stdin = ''): CommandOutput {
    const [name, ...args] = argv;
    if (name === undefined || !c.netns) return fail('docker: no command\n', 126);
    const command = this.containerCommands(c).get(name.replace(/^\/(usr\/)?s?bin\//, ''));
    if (!command) {
      return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH\n`, 127);
    }
    return command(args, this.context(c.netns, 'busybox', stdin));
  }

  /** busybox sh: `sh -c LINE`, or a script on stdin (none in a `docker exec` without -i). */
  private containerShell(c: Container, argv: string[], stdin: string): CommandOutput {
    const line = argv[0] === '-c' ? (argv[1] ?? '') : stdin;
    const commands = this.containerCommands(c);
    return runShell(line, { resolve: (name) => commands.get(name.replace(/^\/(usr\/)?s?bin\//, '')), context: { kernel: this.kernel, netns: c.netns ?? HOST_NS, userland: 'busybox' } });
  }

  private context(netns: string, userland: CommandContext['userland'], stdin: string): CommandContext {
    return { kernel: this.kernel, netns, stdin, env: {}, userland };
  }
}
