/**
 * The real-kernel side of the differential (Node only): builds a world from a
 * script of src/sim/net/export.ts in real network namespaces, starts one agent
 * (agent.mjs) per namespace for listeners and probes, and tears it all down.
 *
 * Every namespace it creates is named `vl-k<pid>-<world>-<name>`: it never
 * touches the root namespace nor any namespace it does not own. Namespaces of
 * dead runs (`vl-k<pid>-` whose pid is gone) are deleted by `removeStale`.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { L4Proto } from '../../src/sim/netfilter/index.ts';
import type { Observed, Probe } from '../../src/sim/net/trace.ts';
// @ts-expect-error: plain JavaScript shared with the agent, without types.
import { pingArgv, pingResult } from './ping-result.mjs';

const AGENT = fileURLToPath(new URL('./agent.mjs', import.meta.url));
const STALE = /^vl-k(\d+)-/;

/** The ARP retransmit interval the harness sets, so a missing neighbour fails in 0.3 s, not 3 s. */
const ARP_RETRANS_MS = 100;

export interface RealResult {
  observed: Observed;
  /** What the tool printed or the errno, for reports. */
  detail: string;
  ms: number;
  /** Source address the listener saw (TCP accept / UDP datagram), when it saw one. */
  seenSource?: string;
}

export interface Listener {
  netns: string;
  proto: L4Proto;
  address: string;
  port: number;
}

interface AgentReply {
  id: number;
  [key: string]: unknown;
}

function sh(argv: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(argv[0]!, argv.slice(1), { input, encoding: 'utf8', timeout: 30000 });
  return { code: r.status ?? 128, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

function shAsync(argv: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: stderr + String(err) }));
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr }));
    // A command that exits without reading its input closes the pipe: not an error here.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

function has(cmd: string): boolean {
  return sh(['sh', '-c', `command -v ${cmd}`]).code === 0;
}

/**
 * Why this machine cannot run the differential, or undefined when it can. It
 * needs root, `ip netns`, iptables-restore, ping (iputils), conntrack, perl and
 * br_netfilter's sysctls inside a namespace.
 */
export function whyNoKernel(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root';
  for (const tool of ['ip', 'iptables-restore', 'ping', 'conntrack', 'perl', 'sysctl']) {
    if (!has(tool)) return `${tool} not installed`;
  }
  const ping = sh(['ping', '-V']);
  if (!/iputils/.test(ping.stdout + ping.stderr)) return 'ping is not iputils ping (apt-get install iputils-ping)';
  const probe = `vl-k${process.pid}-check`;
  const add = sh(['ip', 'netns', 'add', probe]);
  if (add.code !== 0) return `ip netns add failed: ${add.stderr.trim()}`;
  try {
    sh(['modprobe', 'br_netfilter']);
    const ipt = sh(['ip', 'netns', 'exec', probe, 'iptables-restore'], '*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT\nCOMMIT\n');
    if (ipt.code !== 0) return `iptables-restore in a namespace failed: ${ipt.stderr.trim()}`;
    const brnf = sh(['ip', 'netns', 'exec', probe, 'sysctl', '-n', 'net.bridge.bridge-nf-call-iptables']);
    if (brnf.code !== 0) return 'no br_netfilter sysctls in namespaces (modprobe br_netfilter)';
  } finally {
    sh(['ip', 'netns', 'del', probe]);
  }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `vl-k<pid>-*` namespaces left by runs whose process is gone. Returns their names. */
export function removeStale(): string[] {
  const list = sh(['ip', 'netns', 'list']).stdout;
  const removed: string[] = [];
  for (const line of list.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = STALE.exec(name);
    if (!m || Number(m[1]) === process.pid || pidAlive(Number(m[1]))) continue;
    sh(['ip', 'netns', 'del', name]);
    removed.push(name);
  }
  return removed;
}

/** Worlds alive in this process, torn down on exit whatever happens. */
const live = new Set<RealWorld>();
let hooked = false;
/**
 * A router answers at most 5 packets in a burst, then one per second, with ICMP net
 * unreachable (ip_error's per-source limit, net.ipv4.route.error_cost/error_burst).
 * Those two sysctls exist only machine-wide, so the run lifts the limit for its
 * duration and puts the old values back (also on exit). The simulator has no such
 * limit: its virtual clock is not the probes' real timing.
 */
const ROUTE_ERROR_SYSCTLS = ['/proc/sys/net/ipv4/route/error_cost', '/proc/sys/net/ipv4/route/error_burst'];
let savedRouteErrorLimits: string[] | undefined;

export function liftRouteErrorRateLimit(): void {
  if (savedRouteErrorLimits) return;
  try {
    savedRouteErrorLimits = ROUTE_ERROR_SYSCTLS.map((f) => readFileSync(f, 'utf8').trim());
    writeFileSync(ROUTE_ERROR_SYSCTLS[0]!, '0');
    hookExit();
  } catch {
    savedRouteErrorLimits = undefined;
  }
}

export function restoreRouteErrorRateLimit(): void {
  if (!savedRouteErrorLimits) return;
  const saved = savedRouteErrorLimits;
  savedRouteErrorLimits = undefined;
  ROUTE_ERROR_SYSCTLS.forEach((f, i) => {
    try {
      writeFileSync(f, saved[i]!);
    } catch {
      // Best effort: the machine keeps running with the lifted limit.
    }
  });
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const w of live) w.destroySync();
    restoreRouteErrorRateLimit();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const w of live) w.destroySync();
      restoreRouteErrorRateLimit();
      process.exit(130);
    });
  }
}

class Agent {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, (r: AgentReply) => void>();
  private nextId = 1;
  private stderr = '';
  private dead = false;

  constructor(readonly netns: string) {
    this.child = spawn('ip', ['netns', 'exec', netns, process.execPath, AGENT], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      let msg: AgentReply;
      try {
        msg = JSON.parse(line) as AgentReply;
      } catch {
        return;
      }
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    });
    this.child.on('exit', () => {
      this.dead = true;
      for (const resolve of this.pending.values()) resolve({ id: -1, error: `agent in ${netns} exited: ${this.stderr.trim()}` });
      this.pending.clear();
    });
    this.child.stdin.on('error', () => {});
  }

  request(req: Record<string, unknown>): Promise<AgentReply> {
    if (this.dead) return Promise.resolve({ id: -1, error: `agent in ${this.netns} is dead: ${this.stderr.trim()}` });
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.child.stdin.write(`${JSON.stringify({ id, ...req })}\n`);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  close(): void {
    this.child.stdin.end();
  }

  kill(): void {
    if (!this.dead) this.child.kill('SIGKILL');
  }
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class RealWorld {
  private readonly agents = new Map<string, Agent>();
  private destroyed = false;
  private tokens = 0;
  /** Agents start on first use (build's `lazyAgents`); reset() then reaches only those. */
  private lazyAgents = false;

  private constructor(
    readonly prefix: string,
    /** Simulator namespace names; the real ones are prefix + name. */
    readonly names: string[],
  ) {}

  realName(name: string): string {
    return `${this.prefix}${name}`;
  }

  /**
   * Runs the exported script, tunes the namespaces for fast, rate-limit-free
   * answers (ARP gives up after 0.3 s, ICMP errors are not rate limited), starts
   * the agents and the listeners. Throws with the script's error output on failure,
   * after removing whatever it created.
   */
  static async build(script: string, prefix: string, names: string[], listeners: Listener[], options: { lazyAgents?: boolean } = {}): Promise<RealWorld> {
    hookExit();
    const world = new RealWorld(prefix, names);
    world.lazyAgents = options.lazyAgents === true;
    live.add(world);
    try {
      const r = await shAsync(['sh', '-s'], script);
      if (r.code !== 0) throw new Error(`world script failed (exit ${r.code}): ${r.stderr.trim()}`);
      const tune = [
        'sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv4.icmp_msgs_per_sec=100000 net.ipv4.icmp_msgs_burst=100000 2>/dev/null || true',
        `for d in /proc/sys/net/ipv4/neigh/*/; do echo ${ARP_RETRANS_MS} > "$d"retrans_time_ms; echo 3 > "$d"mcast_solicit; done 2>/dev/null || true`,
      ].join('\n');
      // Lazy: an agent (a Node process) starts only in a namespace that needs one, so tune them directly.
      if (!world.lazyAgents) for (const name of names) world.agents.set(name, new Agent(world.realName(name)));
      const hellos = await Promise.all(
        names.map((n) => (world.lazyAgents ? shAsync(['ip', 'netns', 'exec', world.realName(n), 'sh', '-c', tune]) : world.exec(n, ['sh', '-c', tune]))),
      );
      const bad = hellos.findIndex((h) => h.code !== 0);
      if (bad >= 0) throw new Error(`agent setup failed in ${names[bad]}: ${hellos[bad]!.stderr}`);
      for (const l of listeners) await world.listen(l);
      return world;
    } catch (err) {
      await world.destroy();
      throw err;
    }
  }

  /** Opens a listener (at build, or later in a world whose servers start when first needed). */
  async listen(l: Listener): Promise<void> {
    const res = await this.agent(l.netns).request({ op: 'listen', proto: l.proto, address: l.address, port: l.port });
    if (res.ok !== true) throw new Error(`listen ${l.proto} ${l.address}:${l.port} in ${l.netns}: ${String(res.error)}`);
  }

  private agent(name: string): Agent {
    let a = this.agents.get(name);
    if (!a && this.lazyAgents && this.names.includes(name)) {
      a = new Agent(this.realName(name));
      this.agents.set(name, a);
    }
    if (!a) throw new Error(`no namespace ${name} in this world`);
    return a;
  }

  /**
   * Runs a command in a namespace: through its agent, or (lazy worlds, no agent there
   * yet) with `ip netns exec`, which costs a fork instead of a Node process.
   */
  async exec(name: string, argv: string[]): Promise<ExecResult> {
    if (this.lazyAgents && !this.agents.has(name)) {
      if (!this.names.includes(name)) throw new Error(`no namespace ${name} in this world`);
      return shAsync(['ip', 'netns', 'exec', this.realName(name), ...argv]);
    }
    const r = await this.agent(name).request({ op: 'exec', argv });
    if (typeof r.error === 'string') return { code: 127, stdout: '', stderr: r.error };
    return { code: Number(r.code), stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  }

  /** conntrack -F and ip neigh flush all in every namespace, and forget what listeners saw. */
  async reset(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.request({ op: 'reset' })));
  }

  async probe(p: Probe, timeoutMs = 1000): Promise<RealResult> {
    const token = `${this.prefix}${++this.tokens}`;
    const req: Record<string, unknown> = { op: 'probe', kind: p.kind, dst: p.dst, token, timeoutMs };
    if (p.port !== undefined) req.port = p.port;
    if (p.src !== undefined) req.src = p.src;
    if (p.kind === 'icmp-echo' && this.lazyAgents && !this.agents.has(p.from)) {
      // The same ping the agent would run, without starting one for it.
      const t0 = Date.now();
      const run = await this.exec(p.from, pingArgv(req) as string[]);
      const { observed, detail } = pingResult(run.code, run.stdout, run.stderr) as { observed: Observed; detail: string };
      return { observed, detail, ms: Date.now() - t0 };
    }
    const r = await this.agent(p.from).request(req);
    if (typeof r.error === 'string') throw new Error(r.error);
    const result: RealResult = { observed: r.observed as Observed, detail: String(r.detail ?? ''), ms: Number(r.ms) };
    if (p.kind === 'udp-send' || p.kind === 'tcp-connect') {
      // Who saw it: UDP by the token in the datagram, TCP by the accepted peer.
      const seen = await Promise.all(
        [...this.agents.values()].map((a) => a.request({ op: 'seen', token, proto: p.kind === 'udp-send' ? 'udp' : 'tcp' })),
      );
      const hit = seen.find((s) => typeof s.from === 'string');
      if (hit) {
        result.seenSource = hit.from as string;
        // The datagram reached a socket but the echo did not come back: still not a reply.
        if (p.kind === 'udp-send' && result.observed !== 'reply') result.detail += ' (the listener got it; its echo was lost)';
      }
    }
    return result;
  }

  /** Text for a report: rules with counters, addresses, routes and conntrack of every namespace. */
  async dump(): Promise<string> {
    const parts: string[] = [];
    for (const name of this.names) {
      const [ipt, addr, route] = await Promise.all([
        this.exec(name, ['iptables-save', '-c']),
        this.exec(name, ['ip', '-br', 'addr']),
        this.exec(name, ['ip', 'route']),
      ]);
      parts.push(`## ${this.realName(name)}\n${addr.stdout}${route.stdout}${ipt.stdout}`);
    }
    return parts.join('\n');
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const a of this.agents.values()) a.close();
    await new Promise((r) => setTimeout(r, 50));
    for (const a of this.agents.values()) a.kill();
    await Promise.all(this.names.map((n) => shAsync(['ip', 'netns', 'del', this.realName(n)])));
    live.delete(this);
  }

  /** For exit handlers: no promises. */
  destroySync(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const a of this.agents.values()) a.kill();
    for (const n of this.names) sh(['ip', 'netns', 'del', this.realName(n)]);
    live.delete(this);
  }
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of results. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
