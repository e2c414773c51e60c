/**
 * The gallery on the real kernel: each gallery scenario is built in the
 * simulator as the UI builds it, and its steps run there one by one. After each
 * step that sent packets, the world as it stands is exported with the UI's own
 * "Reproduce on Linux" script (src/scenario/export/linux.ts), built in real
 * namespaces (reused while only its rules change; its servers, played by the
 * harness's agents, start in a namespace when a packet is to reach it), and
 * every packet of the step is sent again there: the sending program must end the same way as the
 * step's trace says (reply, refused, unreachable, no route, timeout), and where
 * the simulator says a rule dropped or rejected it, that rule's counter on the
 * real kernel must have counted it.
 */
import { spawnSync } from 'node:child_process';
import type { KernelApi } from '../../src/sim/net/api.ts';
import { observedResult, type Observed, type Probe, type Trace } from '../../src/sim/net/trace.ts';
import type { RuleRef } from '../../src/sim/netfilter/hook.ts';
import { linuxExportOptions, linuxScript } from '../../src/scenario/export/linux.ts';
import type { GalleryScenario } from '../../src/scenario/gallery/index.ts';
import { replay, runLine } from '../../src/scenario/scenario.ts';
import { listenersOf } from './differential.ts';
import { RealWorld, type Listener } from './real.ts';

export interface GalleryProbe {
  step: number;
  command: string;
  probe: Probe;
  sim: Observed;
  /** The step's trace outcome in words. */
  simOutcome: string;
  real?: Observed;
  realDetail?: string;
  /** What differs; undefined when both ends agree. */
  problem?: string;
}

export interface GalleryReport {
  id: string;
  probes: GalleryProbe[];
  /** Real worlds built (one more each time a step changed the world). */
  builds: number;
  /** Where the time went (ms): simulating, building real worlds, probing, removing them. */
  timing: { sim: number; build: number; probe: number; teardown: number };
  /** The world could not be built or torn down; undefined when it went well. */
  error?: string;
  ms: number;
}

/** The kinds of packet the real side can send (traceroute's TTL probes are not among them). */
function reproducible(p: Probe): boolean {
  return (p.kind === 'icmp-echo' || p.kind === 'tcp-connect' || p.kind === 'udp-send') && (p.ttl === undefined || p.ttl === 64);
}

function outcomeText(t: Trace): string {
  const o = t.outcome;
  if (o.kind === 'dropped' || o.kind === 'rejected') return `${o.kind} in ${o.netns} by ${o.by.table} ${o.by.chain} ${o.by.num > 0 ? `rule ${o.by.num}` : 'policy'} (${o.by.text})`;
  return 'netns' in o ? `${o.kind} in ${o.netns}` : o.kind;
}

/** The rule that stopped the packet in the simulator, with the namespace it sits in. */
function decidingRule(t: Trace): { netns: string; rule: RuleRef } | undefined {
  const o = t.outcome;
  return o.kind === 'dropped' || o.kind === 'rejected' ? { netns: o.netns, rule: o.by } : undefined;
}

/**
 * Packets a rule (or a chain's policy, num 0) counted, from `iptables-save -c`
 * of its table: the num-th `-A CHAIN` line, or the `:CHAIN POLICY [p:b]` line.
 */
export function countedPackets(save: string, rule: RuleRef): number | undefined {
  let seen = 0;
  for (const line of save.split('\n')) {
    if (rule.num === 0) {
      const m = /^:(\S+) \S+ \[(\d+):\d+\]$/.exec(line);
      if (m && m[1] === rule.chain) return Number(m[2]);
      continue;
    }
    const m = /^\[(\d+):\d+\] -A (\S+) /.exec(line);
    if (m && m[2] === rule.chain && ++seen === rule.num) return Number(m[1]);
  }
  return undefined;
}

/**
 * The listeners the real side opens for the world's sockets. A `::` socket
 * beside a `0.0.0.0` one on the same port (docker-proxy's pair) is left to the
 * IPv4 one: the probes are IPv4, and one dual-stack socket would collide with it.
 */
function realListeners(kernel: KernelApi, rename: (name: string) => string): Listener[] {
  const all = listenersOf(kernel);
  return all
    .filter((l) => l.address !== '::' || !all.some((o) => o.netns === l.netns && o.proto === l.proto && o.port === l.port && o.address === '0.0.0.0'))
    .map((l) => ({ ...l, netns: rename(l.netns) }));
}

/** Runs the script's own `--cleanup`; says what it left behind, if anything. */
function cleanupWithScript(script: string, world: RealWorld): string | undefined {
  const run = spawnSync('sh', ['-s', '--', '--cleanup'], { input: script, encoding: 'utf8', timeout: 30000 });
  if (run.status !== 0) return `--cleanup failed (exit ${run.status}): ${run.stderr.trim()}`;
  const left = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => world.names.some((name) => world.realName(name) === n));
  return left.length > 0 ? `--cleanup left ${left.join(' ')}` : undefined;
}

const RULES_BLOCK = /^ip netns exec (\S+) iptables-restore <<'VETHLAB_RULES'\n([\s\S]*?)^VETHLAB_RULES$/gm;

/** Each namespace's iptables-restore text in a script. */
export function ruleBlocks(script: string): Map<string, string> {
  return new Map([...script.matchAll(RULES_BLOCK)].map((m) => [m[1]!, m[2]!]));
}

/**
 * How two scripts of one world (same prefix) differ: not at all, only in rules
 * (each namespace restoring the same tables), or in anything else.
 */
export function worldChange(before: string, after: string): 'none' | 'rules' | 'topology' {
  if (before === after) return 'none';
  if (before.replace(RULES_BLOCK, '') !== after.replace(RULES_BLOCK, '')) return 'topology';
  const tables = (text: string) => text.split('\n').filter((l) => l.startsWith('*')).join(' ');
  const a = ruleBlocks(before);
  const b = ruleBlocks(after);
  if (a.size !== b.size) return 'topology';
  for (const [ns, text] of b) if (a.get(ns) === undefined || tables(a.get(ns)!) !== tables(text)) return 'topology';
  return 'rules';
}

/** Runs one gallery scenario on both sides. Never throws; always removes its namespaces. */
export async function runGalleryScenario(
  g: GalleryScenario,
  nextPrefix: () => string,
  options: { timeoutMs?: number; /** Changes each script before it runs: the suite's self-check that a different world is caught. */ tamper?: (script: string) => string } = {},
): Promise<GalleryReport> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const scriptOf = (prefix: string) => (options.tamper ?? ((x: string) => x))(linuxScript(kernel, { prefix }));
  const t0 = Date.now();
  const report: GalleryReport = { id: g.id, probes: [], builds: 0, timing: { sim: 0, build: 0, probe: 0, teardown: 0 }, ms: 0 };
  let tick = Date.now();
  const lap = (key: keyof GalleryReport['timing']) => {
    const now = Date.now();
    report.timing[key] += now - tick;
    tick = now;
  };
  const { sim } = replay(g.commands, g.seed);
  const kernel = sim.engine.kernel;
  let world: RealWorld | undefined;
  let worldScript = '';
  let worldOptions = linuxExportOptions(kernel);
  /** The world's servers, and the namespaces where they listen already. */
  let listeners: Listener[] = [];
  const serving = new Set<string>();
  try {
    for (const [i, step] of g.steps.entries()) {
      const traces = (runLine(sim, step.command).traces ?? []).filter((t) => reproducible(t.probe));
      lap('sim');
      if (traces.length === 0) continue;
      // Reuse the real world while the simulated one keeps its shape; conntrack and ARP
      // carry over from step to step on both sides, as they do for a learner.
      const sameNames = world ? scriptOf(world.prefix) : '';
      const change = world === undefined ? 'topology' : worldChange(worldScript, sameNames);
      if (change === 'rules') {
        // Only iptables rules changed (e.g. `iptables -I DOCKER-USER ...`): restore them in place.
        const before = ruleBlocks(worldScript);
        for (const [ns, rules] of ruleBlocks(sameNames)) {
          if (before.get(ns) === rules) continue;
          const r = spawnSync('ip', ['netns', 'exec', ns, 'iptables-restore'], { input: rules, encoding: 'utf8', timeout: 30000 });
          if (r.status !== 0) throw new Error(`iptables-restore in ${ns} failed: ${r.stderr.trim()}`);
        }
        worldScript = sameNames;
        lap('build');
      } else if (change === 'topology') {
        if (world) await world.destroy();
        world = undefined;
        lap('teardown');
        const prefix = nextPrefix();
        worldOptions = linuxExportOptions(kernel, prefix);
        const rename = worldOptions.rename!;
        worldScript = scriptOf(prefix);
        // Servers start when a packet is to reach them: each Node agent costs a second or more on a busy machine.
        world = await RealWorld.build(worldScript, prefix, kernel.namespaces().map((n) => rename(n.name)), [], { lazyAgents: true });
        listeners = realListeners(kernel, rename);
        serving.clear();
        report.builds++;
        lap('build');
      }
      if (!world) throw new Error('no real world was built');
      const rename = worldOptions.rename!;
      for (const trace of traces) {
        const entry: GalleryProbe = { step: i + 1, command: step.command, probe: trace.probe, sim: observedResult(trace), simOutcome: outcomeText(trace) };
        report.probes.push(entry);
        if (!kernel.namespaces().some((n) => n.name === trace.probe.from)) {
          entry.problem = `its sender ${trace.probe.from} is gone after the step: not rebuilt`;
          continue;
        }
        const server = trace.outcome.kind === 'delivered' && trace.probe.kind !== 'icmp-echo' ? rename(trace.outcome.netns) : undefined;
        if (server !== undefined && !serving.has(server)) {
          serving.add(server);
          for (const l of listeners.filter((x) => x.netns === server)) await world.listen(l);
        }
        const decider = decidingRule(trace);
        if (decider) await world.exec(rename(decider.netns), ['iptables', '-t', decider.rule.table, '-Z']);
        const real = await world.probe({ ...trace.probe, from: rename(trace.probe.from) }, timeoutMs);
        entry.real = real.observed;
        entry.realDetail = real.detail;
        if (real.observed !== entry.sim) {
          entry.problem = `sim ${entry.sim}, real kernel ${real.observed} (${real.detail})`;
        } else if (decider) {
          const save = await world.exec(rename(decider.netns), ['iptables-save', '-c', '-t', decider.rule.table]);
          const counted = countedPackets(save.stdout, decider.rule);
          if (counted === undefined) entry.problem = `the real ${decider.rule.table} table of ${rename(decider.netns)} has no ${decider.rule.chain} rule ${decider.rule.num}`;
          else if (counted === 0) entry.problem = `the real kernel's ${decider.rule.table} ${decider.rule.chain} ${decider.rule.num > 0 ? `rule ${decider.rule.num}` : 'policy'} (${decider.rule.text}) counted no packet`;
        }
      }
      lap('probe');
    }
    if (world) {
      const left = cleanupWithScript(worldScript, world);
      if (left !== undefined) report.error = left;
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
  } finally {
    await world?.destroy();
    lap('teardown');
  }
  report.ms = Date.now() - t0;
  return report;
}

/** `  step 3 docker exec a1 ping -c 1 -W 1 a2: container:a1 icmp-echo 172.18.0.3 -> sim timeout, real timeout`. */
export function formatProbe(p: GalleryProbe): string {
  const port = p.probe.port !== undefined && p.probe.kind !== 'icmp-echo' ? `:${p.probe.port}` : '';
  const head = `step ${p.step} ${p.command}: ${p.probe.from} ${p.probe.kind} ${p.probe.dst}${port}`;
  return p.problem === undefined ? `${head} -> ${p.sim} on both (${p.simOutcome})` : `${head} -> DISAGREE: ${p.problem}; sim: ${p.simOutcome}`;
}
