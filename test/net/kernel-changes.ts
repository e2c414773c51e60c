/**
 * The device changes the kernel's property tests apply at random (bridge-index.test.ts,
 * settle.test.ts): each test draws its own mix of them; one function applies any.
 */
import type { Kernel } from '../../src/sim/net/index.ts';

export type KernelChange =
  | { kind: 'veth'; ns: string; name: string; peerNs: string; peer: string }
  | { kind: 'bridge'; ns: string; name: string }
  | { kind: 'master'; ns: string; name: string; bridge: string | undefined }
  | { kind: 'up'; ns: string; name: string; up: boolean }
  | { kind: 'mac'; ns: string; name: string; mac: string }
  | { kind: 'move'; ns: string; name: string; to: string }
  | { kind: 'delete'; ns: string; name: string }
  | { kind: 'addr'; ns: string; name: string; addr: string }
  | { kind: 'cidr'; ns: string; name: string; cidr: string; broadcast: boolean }
  | { kind: 'unaddr'; ns: string; name: string; cidr: string }
  | { kind: 'sysctl'; ns: string; name: string; value: string }
  | { kind: 'netns'; ns: string; remove: boolean };

/** Applies one change; refused ones (no such device, name taken) leave the world as it was. */
export function applyKernelChange(k: Kernel, o: KernelChange): void {
  try {
    switch (o.kind) {
      case 'veth':
        return k.addVeth(o.ns, o.name, o.peer, o.peerNs);
      case 'bridge':
        return k.addBridge(o.ns, o.name);
      case 'master':
        return k.setMaster(o.ns, o.name, o.bridge);
      case 'up':
        return k.setLinkUp(o.ns, o.name, o.up);
      case 'mac':
        return k.setMac(o.ns, o.name, o.mac);
      case 'move':
        return k.moveLink(o.ns, o.name, o.to);
      case 'delete':
        return k.deleteLink(o.ns, o.name);
      case 'addr':
        return k.addAddress(o.ns, o.name, `${o.addr}/24`);
      case 'cidr':
        return k.addAddress(o.ns, o.name, o.cidr, { broadcast: o.broadcast });
      case 'unaddr':
        return k.deleteAddress(o.ns, o.name, o.cidr);
      case 'sysctl':
        return k.setSysctl(o.ns, `net.ipv6.conf.${o.name}.disable_ipv6`, o.value);
      case 'netns':
        if (o.remove) k.deleteNetns(o.ns);
        else k.addNetns(o.ns);
    }
  } catch {
    // A KernelError: the change was refused.
  }
}
