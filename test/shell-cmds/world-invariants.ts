/**
 * What must hold of any simulated world, whatever was typed into it: Docker
 * never leases an address twice in one network, every veth end has a peer that
 * points back, and every iptables jump or goto names a chain of its table. And a
 * digest of the world, so a fuzzer can check that replaying the lines rebuilds
 * the same one. Reads the simulator's state only; runs no command.
 */
import { formatIPv4 } from '../../src/sim/netfilter/inet.ts';
import { HOST_NS } from '../../src/sim/docker/world.ts';
import type { Simulator } from '../../src/sim/shell/simulator.ts';
import type { WorldNames } from './fuzz-lines.ts';

/** Each broken invariant as one readable sentence; empty when the world is sound. */
export function worldViolations(sim: Simulator): string[] {
  return [...duplicateAddresses(sim), ...orphanVeths(sim), ...missingJumpTargets(sim)];
}

function duplicateAddresses(sim: Simulator): string[] {
  const problems: string[] = [];
  const owners = new Map<string, Map<number, string>>();
  for (const network of sim.engine.networks.values()) {
    const taken = new Map<number, string>();
    if (network.pool) taken.set(network.pool.gateway, 'the gateway');
    owners.set(network.id, taken);
  }
  for (const c of sim.engine.containers.values()) {
    for (const endpoint of c.endpoints.values()) {
      const taken = owners.get(endpoint.networkId);
      if (!taken) {
        problems.push(`${c.name} has an endpoint on a network that no longer exists (${endpoint.networkId.slice(0, 12)})`);
        continue;
      }
      const other = taken.get(endpoint.ip);
      if (other !== undefined) problems.push(`${formatIPv4(endpoint.ip)} is both ${other}'s and ${c.name}'s on ${networkName(sim, endpoint.networkId)}`);
      else taken.set(endpoint.ip, c.name);
    }
  }
  return problems;
}

function networkName(sim: Simulator, id: string): string {
  return sim.engine.networks.get(id)?.name ?? id;
}

function orphanVeths(sim: Simulator): string[] {
  const problems: string[] = [];
  const kernel = sim.kernel;
  for (const ns of kernel.namespaces()) {
    for (const link of ns.linksByIndex.values()) {
      if (link.kind !== 'veth') continue;
      const where = `${ns.name}/${link.name}`;
      if (!link.peer) {
        problems.push(`veth ${where} has no peer`);
        continue;
      }
      const peer = kernel.resolveLink(link.peer.netns, link.peer.ifindex);
      if (!peer) problems.push(`veth ${where}'s peer ${link.peer.netns}#${link.peer.ifindex} does not exist`);
      else if (peer.peer?.netns !== ns.name || peer.peer.ifindex !== link.ifindex) problems.push(`veth ${where}'s peer ${link.peer.netns}/${peer.name} points elsewhere`);
    }
  }
  return problems;
}

function missingJumpTargets(sim: Simulator): string[] {
  const problems: string[] = [];
  for (const ns of sim.kernel.namespaces()) {
    for (const ruleset of [ns.netfilter.v4, ns.netfilter.v6]) {
      for (const table of ruleset.saveOrder()) {
        for (const chain of table.chains.values()) {
          for (const rule of chain.rules) {
            const target = rule.spec.target;
            if ((target.kind === 'jump' || target.kind === 'goto') && !table.chains.has(target.chain)) {
              problems.push(`${ns.name} v${ruleset.family} ${table.name} ${chain.name}: a rule jumps to ${target.chain}, which does not exist`);
            }
          }
        }
      }
    }
  }
  return problems;
}

/**
 * The world as text: every namespace's links, addresses, routes, neighbours,
 * sockets and rules (iptables-save with counters), and Docker's networks and
 * containers. Two worlds with the same digest look the same to every tool.
 */
export function worldDigest(sim: Simulator): string {
  const kernel = sim.kernel;
  const namespaces = kernel.namespaces().map((ns) => ({
    name: ns.name,
    links: ns.links(),
    addresses: ns.addresses(),
    addresses6: ns.addresses6(),
    routes: ns.routes(),
    neighbours: ns.neighbours(),
    sockets: ns.sockets(),
    ip_forward: ns.sysctl('net.ipv4.ip_forward'),
    rules4: ns.netfilter.save(['-c'], 4, kernel.now).stdout.replace(/^# .*\n/gm, ''),
    rules6: ns.netfilter.save(['-c'], 6, kernel.now).stdout.replace(/^# .*\n/gm, ''),
  }));
  const networks = [...sim.engine.networks.values()].map((n) => ({
    id: n.id,
    name: n.name,
    driver: n.driver,
    bridge: n.bridge,
    subnet: n.pool ? `${formatIPv4(n.pool.subnet.addr)}/${n.pool.subnet.prefixLen}` : undefined,
    internal: n.internal,
  }));
  const containers = [...sim.engine.containers.values()].map((c) => ({
    id: c.id,
    name: c.name,
    image: c.image,
    state: c.state,
    exitCode: c.exitCode,
    netns: c.netns,
    ports: c.ports,
    endpoints: [...c.endpoints.values()].map((e) => ({ network: e.networkId, ifname: e.ifname, veth: e.hostVeth, ip: formatIPv4(e.ip), mac: e.mac, aliases: e.aliases })),
  }));
  return JSON.stringify({ now: kernel.now, namespaces, networks, containers }, null, 1);
}

/** The names a fuzzer can aim at in this world. */
export function worldNames(sim: Simulator): WorldNames {
  const host = sim.kernel.netns(HOST_NS);
  const chains = host ? (['filter', 'nat'] as const).flatMap((t) => [...(host.netfilter.v4.get(t)?.chains.keys() ?? [])]) : [];
  return {
    containers: [...sim.engine.containers.values()].map((c) => c.name),
    networks: [...sim.engine.networks.values()].map((n) => n.name),
    links: host ? [...host.linksByName.keys()] : [],
    chains,
    addresses: [...sim.engine.containers.values()].flatMap((c) => [...c.endpoints.values()].map((e) => formatIPv4(e.ip))),
  };
}
