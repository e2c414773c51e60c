/**
 * What the benchmark measures in each world: the trace of a ping between two
 * containers of one network and of a connection from the LAN client to a
 * published port (kernel.probe, the call behind ping, curl and the trace panel),
 * one `docker run` and one `docker network connect`, replays, and the
 * extra-large world's build and ping. Every probe's outcome is checked, so a
 * figure is never the time of a broken path.
 */
import { performance } from 'node:perf_hooks';
import { formatIPv4 } from '../../src/sim/netfilter/inet.ts';
import { replay, runLine } from '../../src/scenario/index.ts';
import { HOST_IP, LAN_NS } from '../../src/sim/docker/world.ts';
import { SeededRandom } from '../../src/sim/net/rng.ts';
import type { KernelApi } from '../../src/sim/net/api.ts';
import type { Simulator } from '../../src/sim/shell/simulator.ts';
import { sample, sampleTimed, summarize, timeOnce, type Summary } from './stats.ts';
import { buildKernelWorld, buildSimulator, containerName, networkName, networkOf, publishedPort, worldScript, type KernelWorld, type WorldSize } from './worlds.ts';

export interface Counts {
  probes: number;
  commands: number;
  replays: number;
}

export interface WorldFigures {
  buildMs: number;
  ping: Summary;
  curl: Summary;
  dockerRun: Summary;
  networkConnect: Summary;
}

interface Endpoint {
  netns: string;
  ip: string;
}

/** Container i's namespace and address on its network. */
function endpointOf(sim: Simulator, i: number): Endpoint {
  const c = sim.engine.findContainer(containerName(i));
  const endpoint = c && [...c.endpoints.values()][0];
  if (!c?.netns || !endpoint) throw new Error(`bench world: ${containerName(i)} is not running`);
  return { netns: c.netns, ip: formatIPv4(endpoint.ip) };
}

function expectOutcome(kernel: KernelApi, what: string, trace: ReturnType<KernelApi['probe']>, kind: string): void {
  if (trace.outcome.kind !== kind) throw new Error(`bench: ${what} ended ${JSON.stringify(trace.outcome)}, not ${kind} (clock ${kernel.now})`);
}

function runOk(sim: Simulator, line: string): void {
  const out = runLine(sim, line);
  if (out.exitCode !== 0) throw new Error(`bench: \`${line}\` failed: ${out.stderr.trim()}`);
}

/** Pings between random pairs of containers that share a network (each answers). */
export function measurePing(sim: Simulator, size: WorldSize, n: number): Summary {
  const kernel = sim.engine.kernel;
  const random = new SeededRandom(11);
  const endpoints = Array.from({ length: size.containers }, (_, i) => endpointOf(sim, i));
  const sameNetwork = (i: number): number => {
    const peers = endpoints.map((_, j) => j).filter((j) => j !== i && networkOf(j, size) === networkOf(i, size));
    return peers[random.nextUint32() % peers.length]!;
  };
  return sample(n, Math.min(200, n), () => {
    const from = random.nextUint32() % size.containers;
    const to = sameNetwork(from);
    const trace = kernel.probe({ kind: 'icmp-echo', from: endpoints[from]!.netns, dst: endpoints[to]!.ip });
    expectOutcome(kernel, `ping ${containerName(from)} -> ${containerName(to)}`, trace, 'replied');
  });
}

/** TCP connections from the LAN client to random published ports of the Docker host (DNAT to nginx). */
export function measureCurl(sim: Simulator, size: WorldSize, n: number): Summary {
  const kernel = sim.engine.kernel;
  const random = new SeededRandom(13);
  return sample(n, Math.min(200, n), () => {
    const port = publishedPort(random.nextUint32() % size.published);
    const trace = kernel.probe({ kind: 'tcp-connect', from: LAN_NS, dst: HOST_IP, port });
    expectOutcome(kernel, `curl ${HOST_IP}:${port}`, trace, 'delivered');
  });
}

/** One `docker run` onto the first network, timed; each is removed again (untimed) so the world keeps its size. */
export function measureDockerRun(sim: Simulator, n: number): Summary {
  let k = 0;
  return sampleTimed(n, 3, () => {
    const name = `bench-run-${k++}`;
    const t = timeOnce(() => runOk(sim, `docker run -d --name ${name} --network ${networkName(0)} nginx`));
    runOk(sim, `docker rm -f ${name}`);
    return t;
  });
}

/** One `docker network connect` of container 0 to the second network, timed; disconnected again, untimed. */
export function measureNetworkConnect(sim: Simulator, n: number): Summary {
  return sampleTimed(n, 3, () => {
    const t = timeOnce(() => runOk(sim, `docker network connect ${networkName(1)} ${containerName(0)}`));
    runOk(sim, `docker network disconnect ${networkName(1)} ${containerName(0)}`);
    return t;
  });
}

export function measureWorld(size: WorldSize, counts: Counts): WorldFigures {
  let sim: Simulator | undefined;
  const buildMs = timeOnce(() => {
    sim = buildSimulator(worldScript(size));
  });
  const world = sim!;
  return {
    buildMs,
    ping: measurePing(world, size, counts.probes),
    curl: measureCurl(world, size, counts.probes),
    dockerRun: measureDockerRun(world, counts.commands),
    networkConnect: measureNetworkConnect(world, counts.commands),
  };
}

/** Replays a script in a fresh world `n` times (the first one also warms up). */
export function measureReplay(lines: readonly string[], n: number, seed?: number): Summary {
  return sample(n, 1, () => {
    replay(lines, seed);
  });
}

/** An answered ping goes to another container of the sender's bridge; a dropped one to a container of another bridge. */
export type KernelPingKind = 'answered' | 'dropped';

/** Medians and p95s of each kind, and the medians of each stretch of the run (for the spread of a ratio between worlds). */
export interface KernelPings {
  answered: Summary;
  dropped: Summary;
  stretches: { answered: number[]; dropped: number[] };
}

export interface KernelWorldFigures {
  buildMs: number;
  ping: KernelPings;
  containers: number;
  rawRules: number;
}

/**
 * The two containers of a ping of `kind` in a kernel world, drawn from `random`: never a
 * container to itself (that ping stays on lo), an answered one always within the
 * sender's bridge, a dropped one always across. Both worlds then send the same mix,
 * whatever their number of bridges and containers per bridge.
 */
export function pickKernelPing(world: KernelWorld, random: SeededRandom, kind: KernelPingKind): { from: number; to: number } {
  const { endpoints, perBridge } = world;
  const bridges = endpoints.length / perBridge;
  const from = random.nextUint32() % endpoints.length;
  const bridge = Math.floor(from / perBridge);
  if (kind === 'answered') {
    const to = bridge * perBridge + ((from % perBridge) + 1 + (random.nextUint32() % (perBridge - 1))) % perBridge;
    return { from, to };
  }
  const other = (bridge + 1 + (random.nextUint32() % (bridges - 1))) % bridges;
  return { from, to: other * perBridge + (random.nextUint32() % perBridge) };
}

/** One ping from container `from` to container `to`, timed (the probe only); its outcome is checked after the clock stops. */
function timedKernelPing(world: KernelWorld, { from, to }: { from: number; to: number }, kind: KernelPingKind): number {
  const { kernel, endpoints } = world;
  const t0 = performance.now();
  const trace = kernel.probe({ kind: 'icmp-echo', from: endpoints[from]!.ns, dst: endpoints[to]!.ip });
  const ms = performance.now() - t0;
  const o = trace.outcome;
  // A dropped ping is dropped by its destination's rule: `-A PREROUTING -d IP/32 ! -i BRIDGE -j DROP` in raw.
  const ok = kind === 'answered' ? o.kind === 'replied' : o.kind === 'dropped' && o.by.table === 'raw' && o.by.text.startsWith(`-A PREROUTING -d ${endpoints[to]!.ip}/32 `);
  if (!ok) throw new Error(`bench: ping ${endpoints[from]!.ns} -> ${endpoints[to]!.ip} (${kind}) ended ${JSON.stringify(o)}`);
  return ms;
}

/**
 * Every container sends one answered ping (to the next container of its bridge) and one
 * dropped ping (to the container in its place on the next bridge), so that every sender
 * has resolved its gateway and every raw rule has dropped a ping once (its text is
 * formatted for a trace step the first time). Without it the first ping of each container
 * carries an ARP exchange the later ones do not, and a world with ten times the containers
 * keeps meeting such first pings ten times as long: the figure would compare traces of
 * different hops, not the cost of one trace.
 */
function warmEveryContainer(world: KernelWorld): void {
  const n = world.endpoints.length;
  for (let from = 0; from < n; from++) {
    const next = from - (from % world.perBridge) + ((from + 1) % world.perBridge);
    timedKernelPing(world, { from, to: next }, 'answered');
    timedKernelPing(world, { from, to: (from + world.perBridge) % n }, 'dropped');
  }
}

/**
 * Builds each kernel world (timed), then measures their pings side by side. Each world is
 * warmed up (every container once, then `warmup` random pings of each kind); then the
 * worlds take turns, `block` pings of each kind at a time (the kinds alternating, the order
 * of the worlds reversed at every turn), until each has sent `perKind` of each kind. A busy
 * moment of the shared machine, or a change in what the JIT has compiled, then falls on
 * every world alike instead of on whichever was being measured (measured one after the
 * other, two copies of the same world read 0.7x to 1.7x each other; taking turns,
 * 0.96x to 1.05x), and no world is measured right after its build. Each kind is summarized
 * on its own: answered pings take about four times as long as dropped ones, and the median
 * of a half-and-half mix sits on the edge between the two. `stretches` consecutive parts
 * of the run are also summarized apart, for the spread.
 */
export function measureKernelWorlds(shapes: readonly { bridges: number; perBridge: number }[], perKind: number, stretches: number, warmup: number, block = 10): KernelWorldFigures[] {
  const built = shapes.map(({ bridges, perBridge }) => {
    let world: KernelWorld | undefined;
    const buildMs = timeOnce(() => {
      world = buildKernelWorld(bridges, perBridge);
    });
    const parts = () => Array.from({ length: stretches }, (): number[] => []);
    return { world: world!, buildMs, random: new SeededRandom(17), answered: parts(), dropped: parts() };
  });
  for (const w of built) {
    warmEveryContainer(w.world);
    for (let i = 0; i < warmup; i++) {
      timedKernelPing(w.world, pickKernelPing(w.world, w.random, 'answered'), 'answered');
      timedKernelPing(w.world, pickKernelPing(w.world, w.random, 'dropped'), 'dropped');
    }
  }
  const turns = Math.max(stretches, Math.ceil(perKind / block));
  for (let t = 0; t < turns; t++) {
    const part = Math.floor((t * stretches) / turns);
    for (const w of t % 2 === 0 ? built : [...built].reverse()) {
      for (let i = 0; i < block; i++) {
        w.answered[part]!.push(timedKernelPing(w.world, pickKernelPing(w.world, w.random, 'answered'), 'answered'));
        w.dropped[part]!.push(timedKernelPing(w.world, pickKernelPing(w.world, w.random, 'dropped'), 'dropped'));
      }
    }
  }
  return built.map((w) => ({
    buildMs: w.buildMs,
    ping: {
      answered: summarize(w.answered.flat()),
      dropped: summarize(w.dropped.flat()),
      stretches: { answered: w.answered.map((r) => summarize(r).median), dropped: w.dropped.map((r) => summarize(r).median) },
    },
    containers: w.world.endpoints.length,
    rawRules: w.world.kernel.netns('host')!.netfilter.v4.get('raw')?.chains.get('PREROUTING')?.rules.length ?? 0,
  }));
}
