/**
 * The kernel differential suite: the simulator against the real Linux kernel of
 * this machine. Needs root, `ip netns`, iptables, iputils ping, conntrack and
 * perl; elsewhere it prints one line saying why and its tests are skipped.
 *
 *   VETHLAB_KERNEL_SEED=n      seed of the random worlds (default: a fixed one, so CI is
 *                              deterministic; `random` draws a new one and prints it)
 *   VETHLAB_KERNEL_WORLDS=n    number of random worlds (default 26)
 *   VETHLAB_KERNEL_PROBES=n    probes per random world (default 12)
 *   VETHLAB_KERNEL_WORLD=i     run only random world i (with the seed of a report)
 *   VETHLAB_KERNEL_JOBS=n      worlds at once (default 2)
 *   VETHLAB_KERNEL_VERBOSE=1   print every probe
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/sim/net/trace.ts';
import { handWrittenCases } from './cases.ts';
import { describeProbe, formatDisagreement, formatProbeLine, runCase, type CaseReport, type WorldCase } from './differential.ts';
import { JOBS, nextPrefix, noKernelReason } from './env.ts';
import { generatedCases } from './generate.ts';
import { liftRouteErrorRateLimit, pool, RealWorld, restoreRouteErrorRateLimit, type RealResult } from './real.ts';

const skip = noKernelReason !== undefined;
/** The random worlds CI checks; explore others with VETHLAB_KERNEL_SEED=random. */
const DEFAULT_SEED = 20261123;
const verbose = process.env.VETHLAB_KERNEL_VERBOSE === '1';
const totals = { probes: 0, disagreements: 0, worlds: 0, ms: 0 };

beforeAll(() => {
  if (!skip) liftRouteErrorRateLimit();
});

afterAll(() => {
  if (!skip) restoreRouteErrorRateLimit();
  if (!skip && totals.worlds > 0) {
    console.log(`kernel differential: ${totals.probes} probes in ${totals.worlds} worlds, ${totals.disagreements} disagreements (${(totals.ms / 1000).toFixed(1)} s)`);
  }
});

/** Prints the summary (and every disagreement in full); returns one short line per failure for the assertion. */
function summarize(title: string, reports: CaseReport[], ms: number): string[] {
  const short: string[] = [];
  const full: string[] = [];
  let probes = 0;
  let disagreements = 0;
  for (const r of reports) {
    probes += r.probes.length;
    disagreements += r.disagreements.length;
    if (verbose) {
      console.log(`# ${r.name} (${r.ms} ms: build ${r.timing.build}, resets ${r.timing.reset}, probes ${r.timing.probe}, teardown ${r.timing.destroy})`);
      for (const o of r.probes) console.log(formatProbeLine(o));
    }
    if (r.error !== undefined) {
      short.push(`${r.name}: world could not be built: ${r.error.split('\n')[0]}`);
      full.push(`${r.name}: world could not be built: ${r.error}`);
    }
    for (const d of r.disagreements) {
      short.push(`${d.world}${d.reproduce ? ` [${d.reproduce}]` : ''}: ${describeProbe(d.probe)}: ${d.what} sim=${d.sim} real=${d.real} (sim: ${d.simOutcome}; real: ${d.realDetail})`);
      full.push(formatDisagreement(d));
    }
  }
  totals.probes += probes;
  totals.disagreements += disagreements;
  totals.worlds += reports.length;
  totals.ms += ms;
  console.log(`${title}: ${probes} probes in ${reports.length} worlds, ${disagreements} disagreements, ${(ms / 1000).toFixed(1)} s`);
  if (full.length > 0) console.log(`${full.join('\n\n')}\n\n${title}, in short:\n  ${short.join('\n  ')}`);
  return short;
}

async function runAll(cases: WorldCase[], tag: string): Promise<{ reports: CaseReport[]; ms: number }> {
  const t0 = Date.now();
  const reports = await pool(cases, JOBS, (c) => runCase(c, nextPrefix(tag)));
  return { reports, ms: Date.now() - t0 };
}

describe.skipIf(skip)('kernel differential', () => {
  it('the real-kernel harness observes what the kernel does (no simulator involved)', async () => {
    const prefix = nextPrefix('self');
    const P = (n: string) => `${prefix}${n}`;
    const script = [
      'set -e',
      ...['host', 'c1', 'c2'].map((n) => `ip netns add ${P(n)}`),
      `ip -n ${P('host')} link add br0 type bridge`,
      `ip -n ${P('host')} link add veth1 type veth peer name eth0 netns ${P('c1')}`,
      `ip -n ${P('host')} link add veth2 type veth peer name eth0 netns ${P('c2')}`,
      `ip -n ${P('host')} link set veth1 master br0`,
      `ip -n ${P('host')} link set veth2 master br0`,
      `ip -n ${P('host')} addr add 10.1.0.1/24 dev br0`,
      `ip -n ${P('c1')} addr add 10.1.0.2/24 dev eth0`,
      `ip -n ${P('c2')} addr add 10.1.0.3/24 dev eth0`,
      ...['lo', 'br0', 'veth1', 'veth2'].map((d) => `ip -n ${P('host')} link set ${d} up`),
      ...['c1', 'c2'].flatMap((n) => [`ip -n ${P(n)} link set lo up`, `ip -n ${P(n)} link set eth0 up`]),
      `ip -n ${P('c1')} route add default via 10.1.0.1`,
      `ip -n ${P('c2')} route add default via 10.1.0.1`,
      `ip netns exec ${P('host')} iptables-restore <<'EOF'`,
      '*filter',
      ':INPUT ACCEPT [0:0]',
      '-A INPUT -p tcp --dport 81 -j REJECT --reject-with tcp-reset',
      '-A INPUT -p tcp --dport 82 -j REJECT --reject-with icmp-host-prohibited',
      '-A INPUT -p tcp --dport 83 -j DROP',
      'COMMIT',
      'EOF',
      '',
    ].join('\n');
    const world = await RealWorld.build(script, prefix, ['host', 'c1', 'c2'], [
      { netns: 'c1', proto: 'tcp', address: '0.0.0.0', port: 80 },
      { netns: 'c1', proto: 'udp', address: '0.0.0.0', port: 53 },
    ]);
    const expected: Array<[Probe, RealResult['observed']]> = [
      [{ from: 'c2', kind: 'icmp-echo', dst: '10.1.0.2' }, 'reply'],
      [{ from: 'c2', kind: 'tcp-connect', dst: '10.1.0.2', port: 80 }, 'reply'],
      [{ from: 'c2', kind: 'tcp-connect', dst: '10.1.0.2', port: 81 }, 'refused'],
      [{ from: 'c2', kind: 'udp-send', dst: '10.1.0.2', port: 53 }, 'reply'],
      [{ from: 'c2', kind: 'udp-send', dst: '10.1.0.2', port: 54 }, 'refused'],
      [{ from: 'c2', kind: 'icmp-echo', dst: '10.1.0.99' }, 'unreachable'],
      [{ from: 'c2', kind: 'tcp-connect', dst: '10.1.0.99', port: 80 }, 'unreachable'],
      [{ from: 'c2', kind: 'udp-send', dst: '10.1.0.99', port: 80 }, 'unreachable'],
      [{ from: 'host', kind: 'icmp-echo', dst: '10.9.0.1' }, 'no-route'],
      [{ from: 'host', kind: 'tcp-connect', dst: '10.9.0.1', port: 80 }, 'no-route'],
      [{ from: 'host', kind: 'udp-send', dst: '10.9.0.1', port: 80 }, 'no-route'],
      // ip_forward is 0 in a new namespace: silently dropped.
      [{ from: 'c2', kind: 'icmp-echo', dst: '10.9.0.1' }, 'timeout'],
      [{ from: 'c1', kind: 'tcp-connect', dst: '10.1.0.1', port: 81 }, 'refused'],
      [{ from: 'c1', kind: 'tcp-connect', dst: '10.1.0.1', port: 82 }, 'unreachable'],
      [{ from: 'c1', kind: 'tcp-connect', dst: '10.1.0.1', port: 83 }, 'timeout'],
    ];
    const line = (p: Probe, o: string) => `${p.from} ${p.kind} ${p.dst}${p.port !== undefined ? `:${p.port}` : ''} -> ${o}`;
    const got: string[] = [];
    const details: string[] = [];
    try {
      for (const [probe] of expected) {
        await world.reset();
        const r = await world.probe(probe);
        got.push(line(probe, r.observed));
        details.push(`${line(probe, r.observed)} (${r.detail}, ${r.ms} ms)`);
      }
      // The listener saw the real source of a TCP connection.
      await world.reset();
      expect((await world.probe({ from: 'c2', kind: 'tcp-connect', dst: '10.1.0.2', port: 80 })).seenSource).toBe('10.1.0.3');
    } finally {
      await world.destroy();
    }
    if (verbose) console.log(details.join('\n'));
    expect(got, details.join('\n')).toEqual(expected.map(([p, o]) => line(p, o)));
  }, 60_000);

  it('hand-written worlds agree with the real kernel', async () => {
    const cases = handWrittenCases();
    const { reports, ms } = await runAll(cases, 'h');
    const failures = summarize('kernel differential (hand-written)', reports, ms);
    // A rule the model refuses leaves the world comparable (both sides lack it) but is a failure here.
    const refused = cases.flatMap((c) => (c.refused ?? []).map((r) => `${c.name}: the model refused ${r}`));
    if (refused.length > 0) console.log(`kernel differential: rules refused by the model:\n  ${refused.join('\n  ')}`);
    failures.push(...refused);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  it('random worlds agree with the real kernel', async () => {
    const seedEnv = process.env.VETHLAB_KERNEL_SEED ?? String(DEFAULT_SEED);
    const seed = seedEnv === 'random' ? Date.now() % 1_000_000 : Number(seedEnv);
    const worlds = Number(process.env.VETHLAB_KERNEL_WORLDS ?? 26);
    const perWorld = Number(process.env.VETHLAB_KERNEL_PROBES ?? 12);
    const only = process.env.VETHLAB_KERNEL_WORLD;
    console.log(`kernel differential: random worlds from seed ${seed} (VETHLAB_KERNEL_SEED=${seed} to replay)`);
    const gen = generatedCases(seed, worlds, perWorld);
    if (gen.refused.length > 0) console.log(`kernel differential: the model refused ${gen.refused.length} generated rules:\n  ${gen.refused.slice(0, 20).join('\n  ')}`);
    const cases = only === undefined ? gen.cases : [gen.cases[Number(only)]!];
    const { reports, ms } = await runAll(cases, 'r');
    const failures = summarize(`kernel differential (random, seed ${seed})`, reports, ms);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});
