/**
 * The iptables rules Docker 28.5 programs (libnetwork's bridge driver with the
 * iptables firewaller), issued as iptables command lines into the host's netfilter
 * model: the same data a user's `iptables -I DOCKER-USER ...` edits (principle 3).
 * Chain layout and order follow what the real engine leaves in iptables-save
 * (../shared/tools/real-docker/README.md facts 8-14, ../shared/reference/).
 */
import type { Netfilter } from '../netfilter/netfilter.ts';

export interface BridgeRuleSpec {
  bridge: string;
  subnet: string; // A.B.C.D/N
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
}

export interface PortRuleSpec {
  bridge: string;
  containerIp: string;
  containerPort: number;
  proto: 'tcp' | 'udp';
  hostIp: string; // '0.0.0.0' for any
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

  addBridge(b: BridgeRuleSpec): void {
    const br = b.bridge;
    if (b.internal) {
      this.run(`-I DOCKER-ISOLATION-STAGE-1 -i ${br} ! -d ${b.subnet} -j DROP`);
      this.run(`-I DOCKER-ISOLATION-STAGE-1 -o ${br} ! -s ${b.subnet} -j DROP`);
      this.run(`-A DOCKER-FORWARD -i ${br} -o ${br} -j ${b.icc ? 'ACCEPT' : 'DROP'}`);
      return;
    }
    this.run(`-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
    this.run(`-A DOCKER-BRIDGE -o ${br} -j DOCKER`);
    this.run(`-A DOCKER ! -i ${br} -o ${br} -j DROP`);
    this.run(`-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`);
    this.run(`-I DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`);
    if (b.icc) {
      this.run(`-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
    } else {
      this.run(`-A DOCKER-FORWARD -i ${br} -o ${br} -j DROP`);
      this.run(`-A DOCKER-FORWARD -i ${br} ! -o ${br} -j ACCEPT`);
    }
    if (b.masquerade) this.run(`-t nat -I POSTROUTING -s ${b.subnet} ! -o ${br} -j MASQUERADE`);
    this.run(`-t nat -I DOCKER -i ${br} -j RETURN`);
  }

  removeBridge(b: BridgeRuleSpec): void {
    const br = b.bridge;
    const del = (line: string) => this.run(line.replace(/^(-t \w+ )?-[AI] /, '$1-D '));
    if (b.internal) {
      del(`-I DOCKER-ISOLATION-STAGE-1 -i ${br} ! -d ${b.subnet} -j DROP`);
      del(`-I DOCKER-ISOLATION-STAGE-1 -o ${br} ! -s ${b.subnet} -j DROP`);
      del(`-A DOCKER-FORWARD -i ${br} -o ${br} -j ${b.icc ? 'ACCEPT' : 'DROP'}`);
      return;
    }
    del(`-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
    del(`-A DOCKER-BRIDGE -o ${br} -j DOCKER`);
    del(`-A DOCKER ! -i ${br} -o ${br} -j DROP`);
    del(`-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`);
    del(`-I DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`);
    if (b.icc) {
      del(`-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
    } else {
      del(`-A DOCKER-FORWARD -i ${br} -o ${br} -j DROP`);
      del(`-A DOCKER-FORWARD -i ${br} ! -o ${br} -j ACCEPT`);
    }
    if (b.masquerade) del(`-t nat -I POSTROUTING -s ${b.subnet} ! -o ${br} -j MASQUERADE`);
    del(`-t nat -I DOCKER -i ${br} -j RETURN`);
  }

  /** Traffic for a container's address must come in through its own bridge. */
  addEndpoint(bridge: string, ip: string): void {
    this.run(`-t raw -A PREROUTING -d ${ip}/32 ! -i ${bridge} -j DROP`);
  }

  removeEndpoint(bridge: string, ip: string): void {
    this.run(`-t raw -D PREROUTING -d ${ip}/32 ! -i ${bridge} -j DROP`);
  }

  /** One container port opened in DOCKER (newest first). */
  addPortFilter(p: Omit<PortRuleSpec, 'hostIp' | 'hostPort'>): void {
    this.run(`-I DOCKER -d ${p.containerIp}/32 ! -i ${p.bridge} -o ${p.bridge} -p ${p.proto} -m ${p.proto} --dport ${p.containerPort} -j ACCEPT`);
  }

  removePortFilter(p: Omit<PortRuleSpec, 'hostIp' | 'hostPort'>): void {
    this.run(`-D DOCKER -d ${p.containerIp}/32 ! -i ${p.bridge} -o ${p.bridge} -p ${p.proto} -m ${p.proto} --dport ${p.containerPort} -j ACCEPT`);
  }

  /** One host binding: the DNAT, and for a loopback binding the raw guard against other interfaces. */
  addPortBinding(p: PortRuleSpec): void {
    if (p.hostIp.startsWith('127.')) this.run(`-t raw -A PREROUTING -d ${p.hostIp}/32 ! -i lo -p ${p.proto} -m ${p.proto} --dport ${p.hostPort} -j DROP`);
    this.run(`-t nat -A DOCKER ${dnatMatch(p)} -j DNAT --to-destination ${p.containerIp}:${p.containerPort}`);
  }

  removePortBinding(p: PortRuleSpec): void {
    if (p.hostIp.startsWith('127.')) this.run(`-t raw -D PREROUTING -d ${p.hostIp}/32 ! -i lo -p ${p.proto} -m ${p.proto} --dport ${p.hostPort} -j DROP`);
    this.run(`-t nat -D DOCKER ${dnatMatch(p)} -j DNAT --to-destination ${p.containerIp}:${p.containerPort}`);
  }
}

function dnatMatch(p: PortRuleSpec): string {
  const dst = p.hostIp === '0.0.0.0' ? '' : `-d ${p.hostIp}/32 `;
  return `${dst}! -i ${p.bridge} -p ${p.proto} -m ${p.proto} --dport ${p.hostPort}`;
}

/** Docker's rule strings have no quoting: splitting on blanks gives iptables' argv. */
function splitRule(line: string): string[] {
  return line.split(' ').filter((w) => w.length > 0);
}
