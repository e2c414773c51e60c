/**
 * The worlds the benchmark measures, built the way the app builds them: command
 * lines run by a fresh seeded Simulator (createSimulator, runLine), so every
 * figure includes the docker CLI, the engine, the kernel model and netfilter.
 * The extra-large world is built through the kernel API instead, as dockerd
 * would program it: 3,000 containers through the engine would take minutes.
 */
import { createSimulator, runLine } from '../../src/scenario/index.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import type { Simulator } from '../../src/sim/shell/simulator.ts';

export interface WorldSize {
  name: string;
  networks: number;
  containers: number;
  /** Containers that publish a port (the first ones, 8000 + their number on the host). */
  published: number;
  /** Rules inserted into DOCKER-USER (drops of TEST-NET-3 sources no probe uses). */
  userRules: number;
}

export const WORLD_SIZES: readonly WorldSize[] = [
  { name: 'small', networks: 2, containers: 5, published: 2, userRules: 0 },
  { name: 'medium', networks: 10, containers: 50, published: 10, userRules: 5 },
  { name: 'large', networks: 30, containers: 300, published: 100, userRules: 20 },
];

export const publishedPort = (i: number): number => 8000 + i;
export const containerName = (i: number): string => `c${i}`;
export const networkName = (n: number): string => `net${n}`;
/** Which network container i joins: round robin, so every network gets its share. */
export const networkOf = (i: number, size: WorldSize): number => i % size.networks;

/** The script that builds a world: networks with fixed subnets, then the containers, then the DOCKER-USER rules. */
export function worldScript(size: WorldSize): string[] {
  const lines: string[] = [];
  for (let n = 0; n < size.networks; n++) lines.push(`docker network create --subnet 10.${n}.0.0/16 ${networkName(n)}`);
  for (let i = 0; i < size.containers; i++) {
    const publish = i < size.published ? ` -p ${publishedPort(i)}:80` : '';
    lines.push(`docker run -d --name ${containerName(i)} --network ${networkName(networkOf(i, size))}${publish} nginx`);
  }
  for (let r = 0; r < size.userRules; r++) lines.push(`iptables -I DOCKER-USER -s 203.0.113.${r + 100}/32 -j DROP`);
  return lines;
}

/** Runs lines in a fresh world; throws on the first line that fails, so no figure is measured on a broken world. */
export function buildSimulator(lines: readonly string[]): Simulator {
  const sim = createSimulator();
  for (const line of lines) {
    const out = runLine(sim, line);
    if (out.exitCode !== 0) throw new Error(`bench world: \`${line}\` failed: ${out.stderr.trim()}`);
  }
  return sim;
}

export interface KernelWorld {
  kernel: Kernel;
  /** Each container's namespace and address, bridge by bridge. */
  endpoints: { ns: string; ip: string }[];
  perBridge: number;
}

function ipt(k: Kernel, args: string): void {
  const r = k.netns('host')!.netfilter.iptables(args.split(' '), 4);
  if (r.exitCode !== 0) throw new Error(`iptables ${args}: ${r.stderr}`);
}

/**
 * A host with `bridges` bridges and `perBridge` containers on each, carrying the
 * rules Docker 28 programs for them: the FORWARD chains per bridge, MASQUERADE,
 * and one raw PREROUTING drop per endpoint (`-d IP ! -i BRIDGE -j DROP`).
 */
export function buildKernelWorld(bridges: number, perBridge: number): KernelWorld {
  const k = new Kernel({ seed: 3 });
  k.addNetns('host');
  k.setLinkUp('host', 'lo', true);
  k.addAddress('host', 'lo', '127.0.0.1/8');
  k.setSysctl('host', 'net.ipv4.ip_forward', '1');
  for (const chain of ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) ipt(k, `-N ${chain}`);
  ipt(k, '-P FORWARD DROP');
  ipt(k, '-A FORWARD -j DOCKER-USER');
  ipt(k, '-A FORWARD -j DOCKER-FORWARD');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-CT');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-BRIDGE');
  const endpoints: { ns: string; ip: string }[] = [];
  for (let b = 0; b < bridges; b++) {
    const br = `br-${b}`;
    const net = `10.${Math.floor(b / 256) + 1}.${b % 256}`;
    k.addBridge('host', br);
    k.addAddress('host', br, `${net}.1/24`, { broadcast: true });
    k.setLinkUp('host', br, true);
    ipt(k, `-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
    ipt(k, `-A DOCKER-BRIDGE -o ${br} -j DOCKER`);
    ipt(k, `-A DOCKER ! -i ${br} -o ${br} -j DROP`);
    ipt(k, `-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`);
    ipt(k, `-I DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`);
    ipt(k, `-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
    ipt(k, `-t nat -I POSTROUTING -s ${net}.0/24 ! -o ${br} -j MASQUERADE`);
    for (let c = 0; c < perBridge; c++) {
      const ns = `c${b}-${c}`;
      const ip = `${net}.${c + 2}`;
      k.addNetns(ns);
      k.setLinkUp(ns, 'lo', true);
      k.addAddress(ns, 'lo', '127.0.0.1/8');
      k.addVeth('host', `veth${b}x${c}`, 'eth0', ns);
      k.setMaster('host', `veth${b}x${c}`, br);
      k.setLinkUp('host', `veth${b}x${c}`, true);
      k.addAddress(ns, 'eth0', `${ip}/24`, { broadcast: true });
      k.setLinkUp(ns, 'eth0', true);
      k.addRoute(ns, { dst: 'default', via: `${net}.1` });
      ipt(k, `-t raw -A PREROUTING -d ${ip}/32 ! -i ${br} -j DROP`);
      endpoints.push({ ns, ip });
    }
  }
  return { kernel: k, endpoints, perBridge };
}
