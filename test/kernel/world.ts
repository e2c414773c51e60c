/**
 * Builds Docker-shaped worlds through KernelApi for the kernel differential: a
 * "host" namespace with bridges, "containers" joined to them by veth (eth0
 * inside, a default route via the bridge's address), an optional "lan"
 * namespace on a second link of the host, listeners and iptables rules.
 */
import { Kernel } from '../../src/sim/net/kernel.ts';
import type { L4Proto } from '../../src/sim/netfilter/index.ts';

export class WorldBuilder {
  readonly kernel = new Kernel({ seed: 11 });
  private vethCount = 0;
  /**
   * Rules the model refused. The world is still comparable (the real side is built
   * from the model's own iptables-save), but hand-written cases report them as failures.
   */
  readonly refused: string[] = [];

  netns(name: string): this {
    this.kernel.addNetns(name);
    this.kernel.setLinkUp(name, 'lo', true);
    this.kernel.addAddress(name, 'lo', '127.0.0.1/8');
    return this;
  }

  /** The host namespace with ip_forward set (Docker sets it to 1). */
  host(opts: { ipForward?: boolean; brNetfilter?: boolean; name?: string } = {}): this {
    const name = opts.name ?? 'host';
    this.netns(name);
    this.kernel.setSysctl(name, 'net.ipv4.ip_forward', opts.ipForward === false ? '0' : '1');
    this.kernel.setSysctl(name, 'net.bridge.bridge-nf-call-iptables', opts.brNetfilter === false ? '0' : '1');
    return this;
  }

  bridge(name: string, cidr: string, host = 'host'): this {
    this.kernel.addBridge(host, name);
    this.kernel.addAddress(host, name, cidr, { broadcast: true });
    this.kernel.setLinkUp(host, name, true);
    return this;
  }

  /** A container namespace: veth `vethN` on `bridge` in the host, eth0 with `cidr` inside, default via `gateway`. */
  container(name: string, bridge: string, cidr: string, gateway?: string, host = 'host'): this {
    this.netns(name);
    const veth = `veth${this.vethCount++}`;
    this.kernel.addVeth(host, veth, 'eth0', name);
    this.kernel.setMaster(host, veth, bridge);
    this.kernel.setLinkUp(host, veth, true);
    this.kernel.addAddress(name, 'eth0', cidr, { broadcast: true });
    this.kernel.setLinkUp(name, 'eth0', true);
    if (gateway !== undefined) this.kernel.addRoute(name, { dst: 'default', via: gateway });
    return this;
  }

  /**
   * A plain routed link between the host and another namespace (a LAN machine):
   * `hostIf` with `hostCidr` in the host, eth0 with `lanCidr` in `name`, and in
   * `name` a route to each of `routes` via the host's address.
   */
  lan(name: string, hostIf: string, hostCidr: string, lanCidr: string, routes: string[], host = 'host'): this {
    this.netns(name);
    this.kernel.addVeth(host, hostIf, 'eth0', name);
    this.kernel.setLinkUp(host, hostIf, true);
    this.kernel.addAddress(host, hostIf, hostCidr, { broadcast: true });
    this.kernel.setLinkUp(name, 'eth0', true);
    this.kernel.addAddress(name, 'eth0', lanCidr, { broadcast: true });
    const via = hostCidr.split('/')[0]!;
    for (const dst of routes) this.kernel.addRoute(name, { dst, via });
    return this;
  }

  sysctl(ns: string, key: string, value: string): this {
    this.kernel.setSysctl(ns, key, value);
    return this;
  }

  listen(ns: string, proto: L4Proto, port: number, address = '0.0.0.0'): this {
    this.kernel.listen(ns, { proto, address, port, process: `${proto}${port}` });
    return this;
  }

  /** `iptables ARGS...` in a namespace; a rule the model refuses is recorded in `refused`. */
  ipt(ns: string, ...argv: string[]): this {
    const view = this.kernel.netns(ns);
    if (!view) throw new Error(`no namespace ${ns}`);
    const r = view.netfilter.iptables(argv, 4);
    if (r.exitCode !== 0) this.refused.push(`${ns}: iptables ${argv.join(' ')}: ${r.stderr.trim().split('\n')[0]}`);
    return this;
  }

  /** Docker's bridge isolation: traffic between two different bridges is dropped in FORWARD. */
  isolate(bridges: string[], host = 'host'): this {
    this.ipt(host, '-N', 'ISOLATION');
    this.ipt(host, '-I', 'FORWARD', '-j', 'ISOLATION');
    for (const a of bridges) for (const b of bridges) if (a !== b) this.ipt(host, '-A', 'ISOLATION', '-i', a, '-o', b, '-j', 'DROP');
    this.ipt(host, '-A', 'ISOLATION', '-j', 'RETURN');
    return this;
  }
}
