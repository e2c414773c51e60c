/**
 * The kernel differential: one world, built in the simulator through KernelApi
 * and, from exportShellScript's script, in real namespaces; the same probes run
 * on both, each after resetting conntrack and ARP on both sides; what the
 * sending program observed is compared (observedResult on the sim side), and so
 * is the source address the listener saw when both sides delivered.
 */
import type { KernelApi, Probe, Trace } from '../../src/sim/net/index.ts';
import { observedResult, type Observed } from '../../src/sim/net/trace.ts';
import { exportShellScript } from '../../src/sim/net/export.ts';
import { formatAddr } from '../../src/sim/netfilter/addr.ts';
import { RealWorld, type Listener, type RealResult } from './real.ts';

export interface WorldCase {
  /** Name in reports: `one-bridge`, `random #7 (seed 42)`. */
  name: string;
  kernel: KernelApi;
  probes: Probe[];
  /** How to rebuild the case, for reports (e.g. the seed and index). */
  reproduce?: string;
  /** iptables commands the model refused while building the world (absent on both sides). */
  refused?: string[];
}

export interface ProbeOutcome {
  probe: Probe;
  sim: Observed;
  simOutcome: string;
  simSource?: string;
  real: RealResult;
  trace: Trace;
}

export interface Disagreement {
  world: string;
  reproduce?: string;
  probe: Probe;
  what: 'result' | 'source';
  sim: string;
  real: string;
  realDetail: string;
  simOutcome: string;
  hops: string;
  script: string;
  dump: string;
}

export interface CaseReport {
  name: string;
  probes: ProbeOutcome[];
  disagreements: Disagreement[];
  ms: number;
  /** Where the real side spent its time (ms): build, resets, probes, teardown. */
  timing: { build: number; reset: number; probe: number; destroy: number };
  error?: string;
}

export function describeProbe(p: Probe): string {
  const port = p.port !== undefined && p.kind !== 'icmp-echo' ? `:${p.port}` : '';
  const src = p.src !== undefined ? ` (from ${p.src})` : '';
  return `${p.from} ${p.kind} ${p.dst}${port}${src}`;
}

function describeOutcome(t: Trace): string {
  const o = t.outcome;
  switch (o.kind) {
    case 'replied':
      return 'replied';
    case 'delivered':
      return `delivered in ${o.netns}${o.process ? ` to ${o.process}` : ''}`;
    case 'dropped':
      return `dropped (${o.leg}) in ${o.netns} by ${o.by.table} ${o.by.text}`;
    case 'rejected':
      return `rejected (${o.leg}) in ${o.netns} by ${o.by.table} ${o.by.text} with ${o.with}`;
    case 'port-closed':
      return `port closed in ${o.netns}`;
    case 'no-route':
      return `no route (${o.leg}) in ${o.netns}`;
    case 'no-neighbour':
      return `no neighbour (${o.leg}) in ${o.netns} for ${o.addr} on ${o.iface}`;
    case 'ttl-exceeded':
      return `TTL exceeded (${o.leg}) in ${o.netns}, answered from ${o.from}`;
    case 'forwarding-disabled':
      return `forwarding disabled (${o.leg}) in ${o.netns}`;
    case 'lost':
      return `lost (${o.leg}) in ${o.netns}: ${o.reason}`;
  }
}

/** The trace's hops, one short line each. */
export function describeHops(t: Trace): string {
  return t.hops
    .map((h) => {
      const where = [h.netns, h.iface, h.bridge ? `br=${h.bridge}` : '', h.hook ? `${h.hook}${h.bridged ? '(bridged)' : ''}` : '']
        .filter(Boolean)
        .join(' ');
      const rule = h.rule ? ` [${h.rule.table} ${h.rule.text}]` : '';
      return `  ${h.leg.padEnd(7)} ${h.kind.padEnd(10)} ${where}: ${h.detail}${rule}`;
    })
    .join('\n');
}

function formatIp(n: number | bigint): string {
  return formatAddr(n);
}

/** Source address of the request where the sim delivered it to a socket. */
function simDeliveredSource(t: Trace): string | undefined {
  const hop = t.hops.find((h) => h.leg === 'request' && h.kind === 'deliver');
  return hop ? formatIp(hop.packet.src) : undefined;
}

/** The listeners of the world, as the real side must open them. */
export function listenersOf(kernel: KernelApi): Listener[] {
  const out: Listener[] = [];
  for (const ns of kernel.namespaces()) {
    for (const s of ns.sockets()) {
      if (s.proto === 'tcp' || s.proto === 'udp') out.push({ netns: ns.name, proto: s.proto, address: s.address, port: s.port });
    }
  }
  return out;
}

function resetSim(kernel: KernelApi): void {
  for (const ns of kernel.namespaces()) {
    ns.netfilter.flushConntrack();
    kernel.flushNeighbours(ns.name);
  }
}

/** Runs one world on both sides. Never throws: a world that cannot be built is reported as an error. */
export async function runCase(c: WorldCase, prefix: string, timeoutMs = 1000): Promise<CaseReport> {
  const t0 = Date.now();
  const report: CaseReport = { name: c.name, probes: [], disagreements: [], ms: 0, timing: { build: 0, reset: 0, probe: 0, destroy: 0 } };
  const tm = report.timing;
  let tick = Date.now();
  const lap = (key: keyof CaseReport['timing']) => {
    const now = Date.now();
    tm[key] += now - tick;
    tick = now;
  };
  const script = exportShellScript(c.kernel, { prefix });
  const names = c.kernel.namespaces().map((n) => n.name);
  let real: RealWorld | undefined;
  try {
    real = await RealWorld.build(script, prefix, names, listenersOf(c.kernel));
    lap('build');
    let dump: string | undefined;
    for (const probe of c.probes) {
      resetSim(c.kernel);
      lap('probe');
      await real.reset();
      lap('reset');
      const trace = c.kernel.probe(probe);
      const sim = observedResult(trace);
      const r = await real.probe(probe, timeoutMs);
      const outcome: ProbeOutcome = { probe, sim, simOutcome: describeOutcome(trace), real: r, trace };
      const simSource = sim === 'reply' && probe.kind !== 'icmp-echo' ? simDeliveredSource(trace) : undefined;
      if (simSource !== undefined) outcome.simSource = simSource;
      report.probes.push(outcome);
      const mismatch: Array<['result' | 'source', string, string]> = [];
      if (sim !== r.observed) mismatch.push(['result', sim, r.observed]);
      else if (simSource !== undefined && r.seenSource !== undefined && simSource !== r.seenSource) {
        mismatch.push(['source', `listener sees ${simSource}`, `listener sees ${r.seenSource}`]);
      }
      for (const [what, s, rv] of mismatch) {
        dump ??= await real.dump();
        const d: Disagreement = {
          world: c.name,
          probe,
          what,
          sim: s,
          real: rv,
          realDetail: r.detail,
          simOutcome: outcome.simOutcome,
          hops: describeHops(trace),
          script,
          dump,
        };
        if (c.reproduce !== undefined) d.reproduce = c.reproduce;
        report.disagreements.push(d);
      }
    }
  } catch (err) {
    report.error = `${err instanceof Error ? err.message : String(err)}\n--- script ---\n${script}`;
  } finally {
    lap('probe');
    await real?.destroy();
    lap('destroy');
  }
  report.ms = Date.now() - t0;
  return report;
}

export function formatDisagreement(d: Disagreement, withScript = true): string {
  const lines = [
    `DISAGREEMENT in ${d.world}${d.reproduce ? ` (${d.reproduce})` : ''}: ${describeProbe(d.probe)}`,
    `  ${d.what}: sim ${d.sim} / real kernel ${d.real}`,
    `  sim outcome: ${d.simOutcome}`,
    `  real: ${d.realDetail}`,
    `  sim hops:\n${d.hops}`,
  ];
  if (withScript) lines.push('  --- world script ---', d.script, '  --- real state after the probe ---', d.dump);
  return lines.join('\n');
}

/** One line per probe, for the closing table. */
export function formatProbeLine(o: ProbeOutcome): string {
  const ok = o.sim === o.real.observed ? 'ok ' : 'BAD';
  return `${ok} ${describeProbe(o.probe).padEnd(48)} sim=${o.sim.padEnd(11)} real=${o.real.observed.padEnd(11)} ${o.real.ms}ms`;
}
