/**
 * The machines around the Docker host, the same as the real-docker rig's so
 * transcripts compare line for line: a LAN switch and router `gw` (192.168.1.1,
 * also the "internet" 203.0.113.10 with a web server and the LAN's DNS server), a
 * LAN client `lan` (192.168.1.20) and the Docker host (192.168.1.108), all built
 * through the kernel API as dockerd and a provisioning script would.
 */
import type { KernelApi } from '../net/api.ts';

export const HOST_NS = 'host';
export const LAN_NS = 'lan';
export const GW_NS = 'gw';

/** The Docker host's host name (what `hostname` prints there, and a `--network host` container's). */
export const HOST_HOSTNAME = 'dockerhost';
export const HOST_IP = '192.168.1.108';
/** dockerd's engine ID (/var/lib/docker/engine-id, `docker info`'s ID): its IPv6 ULA prefix is derived from it. */
export const ENGINE_ID = 'b3f4c2d1-7e6a-4c9b-8d2e-1f0a9b8c7d6e';
export const LAN_IP = '192.168.1.20';
export const GW_IP = '192.168.1.1';
export const INTERNET_IP = '203.0.113.10';
export const LAN_CIDR = '192.168.1.0/24';

/** Builds gw, lan and the Docker host's eth0; the engine adds docker0 and the rest. */
export function buildWorld(kernel: KernelApi): void {
  kernel.addNetns(GW_NS);
  kernel.addNetns(LAN_NS);
  kernel.addNetns(HOST_NS);
  for (const ns of [GW_NS, LAN_NS, HOST_NS]) {
    kernel.setLinkUp(ns, 'lo', true);
    kernel.addAddress(ns, 'lo', '127.0.0.1/8');
  }
  // gw: a bridge for the LAN and the router between the LAN and "the internet".
  kernel.addBridge(GW_NS, 'br0');
  kernel.addAddress(GW_NS, 'br0', `${GW_IP}/24`);
  kernel.addAddress(GW_NS, 'lo', `${INTERNET_IP}/32`);
  kernel.setSysctl(GW_NS, 'net.ipv4.ip_forward', '1');
  for (const [ns, ip, port] of [
    [HOST_NS, HOST_IP, 'p-dh28'],
    [LAN_NS, LAN_IP, 'p-lan'],
  ] as const) {
    // The rig gives the host's uplink the fixed index 999 ("eth0@if999", which normalize.mjs hides).
    kernel.addVeth(GW_NS, port, 'eth0', ns, ns === HOST_NS ? { index: 999 } : {});
    kernel.setMaster(GW_NS, port, 'br0');
    kernel.setLinkUp(GW_NS, port, true);
    kernel.addAddress(ns, 'eth0', `${ip}/24`);
    kernel.setLinkUp(ns, 'eth0', true);
  }
  kernel.setLinkUp(GW_NS, 'br0', true);
  for (const ns of [HOST_NS, LAN_NS]) kernel.addRoute(ns, { dst: 'default', via: GW_IP });
  kernel.listen(GW_NS, { proto: 'tcp', address: INTERNET_IP, port: 80, process: 'httpd' });
  kernel.listen(GW_NS, { proto: 'udp', address: GW_IP, port: 53, process: 'dnsd' });
}
