/**
 * What the benchmark measures in each world: the trace of a ping between two
 * containers of one network and of a connection from the LAN client to a
 * published port (kernel.probe, the call behind ping, curl and the trace panel),
 * one `docker run` and one `docker network connect`, replays, and the
 * extra-large world's build and ping. Every probe's outcome is checked, so a
 * figure is never the time of a broken path.
 */
import { formatIPv4 } from '../../src/sim/netfilter/inet.ts';
import { replay, runLine } from '../../src/scenario/index.ts';
import { HOST_IP, LAN_NS } from '../../src/sim/docker/world.ts';
import { SeededRandom } from '../../src/sim/net/rng.ts';
import type { KernelApi } from '../../src/sim/net/api.ts';
import type { Simulator } from '../../src/sim/shell/simulator.ts';
import { sample, sampleTimed, timeOnce, type Summary } from './stats.ts';
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

export interface KernelWorldFigures {
  buildMs: number;
  ping: Summary;
  containers: number;
  rawRules: number;
}

/** Pings in a kernel-built world: half within a bridge (answered), half across (dropped by Docker's raw rules). */
export function measureKernelWorld(bridges: number, perBridge: number, n: number): KernelWorldFigures {
  let world: KernelWorld | undefined;
  const buildMs = timeOnce(() => {
    world = buildKernelWorld(bridges, perBridge);
  });
  const { kernel, endpoints } = world!;
  const random = new SeededRandom(17);
  const pick = () => random.nextUint32() % endpoints.length;
  const ping = sample(n, Math.min(300, n), (i) => {
    const from = pick();
    const crossing = i % 2 === 1;
    const to = crossing ? pick() : from - (from % perBridge) + (random.nextUint32() % perBridge);
    kernel.probe({ kind: 'icmp-echo', from: endpoints[from]!.ns, dst: endpoints[to]!.ip });
  });
  const raw = kernel.netns('host')!.netfilter.v4.get('raw')?.chains.get('PREROUTING')?.rules.length ?? 0;
  return { buildMs, ping, containers: endpoints.length, rawRules: raw };
}
