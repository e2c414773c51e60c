/**
 * The iptables rules Docker 28.5 programs (libnetwork's bridge driver with the
 * iptables firewaller), issued as iptables command lines into the host's netfilter
 * model: the same data a user's `iptables -I DOCKER-USER ...` edits (principle 3).
 * Chain layout and order follow what the real engine leaves in iptables-save
 * (../shared/tools/real-docker/README.md facts 8-14, ../shared/reference/).
 */
import type { Netfilter } from '../netfilter/netfilter.ts';

/** `com.docker.network.bridge.gateway_mode_ipv4`: NAT with direct access dropped, NAT open to direct routing, or no NAT at all. */
export type GatewayMode = 'nat' | 'nat-unprotected' | 'routed';

type Family = 4 | 6;

export interface BridgeRuleSpec {
  bridge: string;
  /** Which table set: iptables (4) or ip6tables (6). */
  family: Family;
  subnet: string; // A.B.C.D/N or an IPv6 prefix
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
  gatewayMode: GatewayMode;
}

export interface PortRuleSpec {
  bridge: string;
  family: Family;
  containerIp: string;
  containerPort: number;
  proto: 'tcp' | 'udp';
  hostIp: string; // '0.0.0.0' (or '::' with family 6) for any
  hostPort: number;
}

export class DockerRules {
  private readonly nf: Netfilter;

  constructor(nf: Netfilter) {
    this.nf = nf;
  }

  private run(line: string, family: 4 | 6 = 4): void {
    const result = this.nf.iptables(splitRule(line), family);
    if (result.exitCode !== 0) throw new Error(`dockerd: iptables ${line}: ${result.stderr.trim()}`);
  }

  /** What dockerd sets up when it starts, before any network exists. */
  setupDaemon(): void {
    for (const family of [4, 6] as const) {
      for (const chain of ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) {
        this.run(`-N ${chain}`, family);
      }
      this.run('-A FORWARD -j DOCKER-USER', family);
      this.run('-A FORWARD -j DOCKER-FORWARD', family);
      this.run('-A DOCKER-FORWARD -j DOCKER-CT', family);
      this.run('-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1', family);
      this.run('-A DOCKER-FORWARD -j DOCKER-BRIDGE', family);
      this.run('-t nat -N DOCKER', family);
      this.run('-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER', family);
      this.run(`-t nat -A OUTPUT ! -d ${family === 4 ? '127.0.0.0/8' : '::1/128'} -m addrtype --dst-type LOCAL -j DOCKER`, family);
    }
    // IPv4 forwarding is on, so the policy guards it; ip6tables keeps ACCEPT with IPv6 off.
    this.run('-P FORWARD DROP');
  }

  /** The first IPv6 network turns IPv6 forwarding on: ip6tables' FORWARD policy then guards it too. */
  enableIPv6Forwarding(): void {
    this.run('-P FORWARD DROP', 6);
  }

  addBridge(b: BridgeRuleSpec): void {
    for (const line of bridgeRules(b)) this.run(line, b.family);
  }

  removeBridge(b: BridgeRuleSpec): void {
    for (const line of bridgeRules(b).reverse()) this.run(line.replace(/^(-t \w+ )?-[AI] /, '$1-D '), b.family);
  }

  /** Traffic for a container's address must come in through its own bridge. */
  addEndpoint(bridge: string, ip: string, family: Family = 4): void {
    this.run(`-t raw -A PREROUTING -d ${ip}/${hostLen(family)} ! -i ${bridge} -j DROP`, family);
  }

  removeEndpoint(bridge: string, ip: string, family: Family = 4): void {
    this.run(`-t raw -D PREROUTING -d ${ip}/${hostLen(family)} ! -i ${bridge} -j DROP`, family);
  }

  /** One container port opened in DOCKER (newest first). */
  addPortFilter(p: Omit<PortRuleSpec, 'hostIp' | 'hostPort'>): void {
    this.run(`-I DOCKER ${portFilter(p)}`, p.family);
  }

  removePortFilter(p: Omit<PortRuleSpec, 'hostIp' | 'hostPort'>): void {
    this.run(`-D DOCKER ${portFilter(p)}`, p.family);
  }

  /** One host binding: the DNAT, and for a loopback binding the raw guard against other interfaces. */
  addPortBinding(p: PortRuleSpec): void {
    if (p.hostIp.startsWith('127.')) this.run(`-t raw -A PREROUTING -d ${p.hostIp}/32 ! -i lo -p ${p.proto} -m ${p.proto} --dport ${p.hostPort} -j DROP`);
    this.run(`-t nat -A DOCKER ${dnatMatch(p)} -j DNAT --to-destination ${dnatTarget(p)}`, p.family);
  }

  removePortBinding(p: PortRuleSpec): void {
    if (p.hostIp.startsWith('127.')) this.run(`-t raw -D PREROUTING -d ${p.hostIp}/32 ! -i lo -p ${p.proto} -m ${p.proto} --dport ${p.hostPort} -j DROP`);
    this.run(`-t nat -D DOCKER ${dnatMatch(p)} -j DNAT --to-destination ${dnatTarget(p)}`, p.family);
  }
}

/**
 * A bridge network's rules (iptabler/network.go setupIPTables): per chain in the
 * order the real engine leaves them. `routed` opens the network to the outside
 * (ICMP, and a RETURN before isolation, with replies let back in) and skips
 * MASQUERADE; `nat-unprotected` accepts anything routed to it instead of dropping;
 * `enable_ip_masquerade=false` drops MASQUERADE and the proxy's DNAT skip.
 */
function bridgeRules(b: BridgeRuleSpec): string[] {
  const br = b.bridge;
  if (b.internal) {
    // The IPv6 rules of an --internal network name both interfaces (`! -i BR -o BR`), the IPv4 ones one.
    const [inward, outward] = b.family === 6 ? [`! -i ${br} -o ${br}`, `-i ${br} ! -o ${br}`] : [`-o ${br}`, `-i ${br}`];
    return [
      `-I DOCKER-ISOLATION-STAGE-1 ${outward} ! -d ${b.subnet} -j DROP`,
      `-I DOCKER-ISOLATION-STAGE-1 ${inward} ! -s ${b.subnet} -j DROP`,
      `-A DOCKER-FORWARD -i ${br} -o ${br} -j ${b.icc ? 'ACCEPT' : 'DROP'}`,
    ];
  }
  const routed = b.gatewayMode === 'routed';
  const lines = [`-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`, `-A DOCKER-BRIDGE -o ${br} -j DOCKER`];
  if (routed) lines.push(`-A DOCKER -o ${br} -p icmp -j ACCEPT`);
  lines.push(`-A DOCKER ! -i ${br} -o ${br} -j ${b.gatewayMode === 'nat-unprotected' ? 'ACCEPT' : 'DROP'}`);
  if (routed) lines.push(`-I DOCKER-ISOLATION-STAGE-1 -o ${br} -j RETURN`, `-I DOCKER-ISOLATION-STAGE-1 -i ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
  lines.push(`-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`, `-I DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`);
  if (b.icc) lines.push(`-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
  else lines.push(`-A DOCKER-FORWARD -i ${br} -o ${br} -j DROP`, `-A DOCKER-FORWARD -i ${br} ! -o ${br} -j ACCEPT`);
  if (b.masquerade && !routed) lines.push(`-t nat -I POSTROUTING -s ${b.subnet} ! -o ${br} -j MASQUERADE`);
  if (b.masquerade) lines.push(`-t nat -I DOCKER -i ${br} -j RETURN`);
  return lines;
}

const hostLen = (family: Family) => (family === 4 ? 32 : 128);

function portFilter(p: Omit<PortRuleSpec, 'hostIp' | 'hostPort'>): string {
  return `-d ${p.containerIp}/${hostLen(p.family)} ! -i ${p.bridge} -o ${p.bridge} -p ${p.proto} -m ${p.proto} --dport ${p.containerPort} -j ACCEPT`;
}

function dnatTarget(p: PortRuleSpec): string {
  return p.family === 4 ? `${p.containerIp}:${p.containerPort}` : `[${p.containerIp}]:${p.containerPort}`;
}

/** IPv6 DNAT leaves link-local sources alone (`! -s fe80::/10`). */
function dnatMatch(p: PortRuleSpec): string {
  const any = p.hostIp === '0.0.0.0' || p.hostIp === '::';
  const dst = any ? '' : `-d ${p.hostIp}/${hostLen(p.family)} `;
  const src = p.family === 6 ? '! -s fe80::/10 ' : '';
  return `${src}${dst}! -i ${p.bridge} -p ${p.proto} -m ${p.proto} --dport ${p.hostPort}`;
}

/** Docker's rule strings have no quoting: splitting on blanks gives iptables' argv. */
function splitRule(line: string): string[] {
  return line.split(' ').filter((w) => w.length > 0);
}
