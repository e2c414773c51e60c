/** Small worlds shaped like a Docker host, built through the kernel API only. */
import { Kernel } from '../../src/sim/net/index.ts';

export interface ContainerSpec {
  name: string;
  bridge: string;
  ip: string; // A.B.C.D
  prefixLen: number;
  gateway: string;
}

/** A host namespace with bridges (gateway addresses on them) and container namespaces joined by veth. */
export function dockerLikeWorld(
  bridges: { name: string; cidr: string }[],
  containers: ContainerSpec[],
  opts: { ipForward?: boolean; seed?: number } = {},
): Kernel {
  const k = new Kernel({ seed: opts.seed ?? 7 });
  k.addNetns('host');
  k.setLinkUp('host', 'lo', true);
  k.addAddress('host', 'lo', '127.0.0.1/8');
  for (const b of bridges) {
    k.addBridge('host', b.name);
    k.addAddress('host', b.name, b.cidr, { broadcast: true });
    k.setLinkUp('host', b.name, true);
  }
  k.setSysctl('host', 'net.ipv4.ip_forward', opts.ipForward === false ? '0' : '1');
  let n = 0;
  for (const c of containers) {
    k.addNetns(c.name);
    k.setLinkUp(c.name, 'lo', true);
    k.addAddress(c.name, 'lo', '127.0.0.1/8');
    const veth = `veth${n++}`;
    k.addVeth('host', veth, 'eth0', c.name);
    k.setMaster('host', veth, c.bridge);
    k.setLinkUp('host', veth, true);
    k.addAddress(c.name, 'eth0', `${c.ip}/${c.prefixLen}`, { broadcast: true });
    k.setLinkUp(c.name, 'eth0', true);
    k.addRoute(c.name, { dst: 'default', via: c.gateway });
  }
  return k;
}

export function twoBridges(opts: { ipForward?: boolean } = {}): Kernel {
  return dockerLikeWorld(
    [
      { name: 'br1', cidr: '172.18.0.1/16' },
      { name: 'br2', cidr: '172.19.0.1/16' },
    ],
    [
      { name: 'a1', bridge: 'br1', ip: '172.18.0.2', prefixLen: 16, gateway: '172.18.0.1' },
      { name: 'a2', bridge: 'br1', ip: '172.18.0.3', prefixLen: 16, gateway: '172.18.0.1' },
      { name: 'b1', bridge: 'br2', ip: '172.19.0.2', prefixLen: 16, gateway: '172.19.0.1' },
    ],
    opts,
  );
}
