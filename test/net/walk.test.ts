import { describe, expect, it } from 'vitest';
import { Kernel, KernelError, observedResult, type Trace } from '../../src/sim/net/index.ts';
import { twoBridges } from './world.ts';

function iptables(k: Kernel, ns: string, line: string): void {
  const r = k.netns(ns)!.netfilter.iptables(line.split(' '), 4);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
}

function kinds(t: Trace): string[] {
  return t.hops.map((h) => `${h.leg === 'request' ? '>' : '<'} ${h.kind}@${h.netns}`);
}

describe('links and addresses', () => {
  it('numbers ifindexes per namespace and names veth peers like the kernel', () => {
    const k = new Kernel();
    k.addNetns('host');
    k.addBridge('host', 'docker0');
    k.addNetns('c1');
    k.addVeth('host', 'vethabc', 'eth0', 'c1');
    const host = k.netns('host')!;
    const c1 = k.netns('c1')!;
    expect(host.links().map((l) => `${l.ifindex}:${l.name}`)).toEqual(['1:lo', '2:docker0', '3:vethabc']);
    expect(c1.links().map((l) => `${l.ifindex}:${l.name}`)).toEqual(['1:lo', '2:eth0']);
    expect(c1.link('eth0')!.peer).toEqual({ netns: 'host', ifindex: 3, name: 'vethabc' });
    expect(host.link('vethabc')!.peer).toEqual({ netns: 'c1', ifindex: 2, name: 'eth0' });
  });

  it('keeps a moved link’s ifindex when it is free in the target namespace', () => {
    const k = new Kernel();
    k.addNetns('host');
    k.addNetns('c1');
    k.addBridge('host', 'br0');
    k.addVeth('host', 'veth0', 'tmp0');
    k.moveLink('host', 'tmp0', 'c1', 'eth0');
    expect(k.netns('c1')!.link('eth0')!.ifindex).toBe(3);
    expect(k.netns('host')!.link('veth0')!.peer).toEqual({ netns: 'c1', ifindex: 3, name: 'eth0' });
  });

  it('shows a bridge without running ports as having no carrier and its route as linkdown', () => {
    const k = new Kernel();
    k.addNetns('host');
    k.addBridge('host', 'docker0');
    k.addAddress('host', 'docker0', '172.17.0.1/16', { broadcast: true });
    k.setLinkUp('host', 'docker0', true);
    const host = k.netns('host')!;
    expect(host.link('docker0')).toMatchObject({ up: true, carrier: false });
    expect(host.routes()).toEqual([
      { dst: '172.17.0.0/16', prefixLen: 16, dev: 'docker0', proto: 'kernel', scope: 'link', src: '172.17.0.1', linkdown: true },
    ]);
    expect(host.addresses()).toContainEqual({ ifname: 'docker0', address: '172.17.0.1', prefixLen: 16, broadcast: '172.17.255.255', scope: 'global' });
  });

  it('refuses bad input with iproute2’s words and changes nothing', () => {
    const k = new Kernel();
    k.addNetns('host');
    expect(() => k.addBridge('host', 'lo')).toThrow('RTNETLINK answers: File exists');
    expect(() => k.addBridge('host', 'a-name-that-is-too-long')).toThrow(KernelError);
    expect(() => k.setLinkUp('host', 'eth9', true)).toThrow('Cannot find device "eth9"');
    expect(() => k.addRoute('host', { dst: 'default', via: '10.0.0.1' })).toThrow('Error: Nexthop has invalid gateway.');
    expect(k.netns('host')!.links().map((l) => l.name)).toEqual(['lo']);
  });

  it('is deterministic: the same seed gives the same MAC addresses', () => {
    const macs = () => {
      const k = new Kernel({ seed: 42 });
      k.addNetns('h');
      k.addBridge('h', 'br0');
      k.addVeth('h', 'v0', 'v1');
      return k.netns('h')!.links().map((l) => l.mac);
    };
    expect(macs()).toEqual(macs());
    expect(macs()[1]).toMatch(/^[0-9a-f][26ae]:([0-9a-f]{2}:){4}[0-9a-f]{2}$/);
  });
});

describe('the packet walk', () => {
  it('pings a neighbour on the same bridge through veth, bridge and veth, and back', () => {
    const k = twoBridges();
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.18.0.3' });
    expect(t.outcome).toEqual({ kind: 'replied' });
    expect(observedResult(t)).toBe('reply');
    expect(kinds(t)).toEqual([
      '> send@a1', '> route@a1', '> neighbour@a1', '> transmit@a1', '> veth@host', '> bridge@host', '> transmit@host', '> veth@a2', '> receive@a2', '> deliver@a2',
      '< send@a2', '< route@a2', '< neighbour@a2', '< transmit@a2', '< veth@host', '< bridge@host', '< transmit@host', '< veth@a1', '< receive@a1',
    ]);
    // The bridge learned both MACs on their ports.
    const fdb = k.netns('host')!.fdb('br1').filter((e) => !e.local);
    expect(fdb.map((e) => e.port).sort()).toEqual(['veth0', 'veth1']);
  });

  it('runs the bridged packet through FORWARD with br_netfilter, so a FORWARD rule decides', () => {
    const k = twoBridges();
    iptables(k, 'host', '-A FORWARD -i br1 -o br1 -j DROP');
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.18.0.3' });
    expect(t.outcome).toMatchObject({ kind: 'dropped', leg: 'request', netns: 'host', by: { table: 'filter', chain: 'FORWARD', num: 1, text: '-A FORWARD -i br1 -o br1 -j DROP' } });
    expect(observedResult(t)).toBe('timeout');
    const nf = t.hops.find((h) => h.kind === 'netfilter' && h.hook === 'FORWARD')!;
    expect(nf).toMatchObject({ bridged: true, bridge: 'br1' });
  });

  it('skips iptables for bridged frames when bridge-nf-call-iptables is 0', () => {
    const k = twoBridges();
    iptables(k, 'host', '-A FORWARD -i br1 -o br1 -j DROP');
    k.setSysctl('host', 'net.bridge.bridge-nf-call-iptables', '0');
    expect(k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.18.0.3' }).outcome).toEqual({ kind: 'replied' });
  });

  it('routes between two bridges only when the host forwards', () => {
    const on = twoBridges();
    expect(on.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.2' }).outcome).toEqual({ kind: 'replied' });
    const off = twoBridges({ ipForward: false });
    const t = off.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.2' });
    expect(t.outcome).toEqual({ kind: 'forwarding-disabled', leg: 'request', netns: 'host' });
    expect(observedResult(t)).toBe('timeout');
  });

  it('answers the gateway address of another bridge from the host itself (INPUT, not FORWARD)', () => {
    const k = twoBridges({ ipForward: false });
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.1' });
    expect(t.outcome).toEqual({ kind: 'replied' });
  });

  it('drops in raw PREROUTING before FORWARD sees the packet (Docker 28 isolation)', () => {
    const k = twoBridges();
    iptables(k, 'host', '-t raw -A PREROUTING -d 172.18.0.2/32 ! -i br1 -j DROP');
    const t = k.probe({ kind: 'icmp-echo', from: 'b1', dst: '172.18.0.2' });
    expect(t.outcome).toMatchObject({ kind: 'dropped', by: { table: 'raw', chain: 'PREROUTING', num: 1, text: '-A PREROUTING -d 172.18.0.2/32 ! -i br1 -j DROP' } });
    expect(t.hops.some((h) => h.hook === 'FORWARD')).toBe(false);
    // From its own bridge the rule does not match.
    expect(k.probe({ kind: 'icmp-echo', from: 'a2', dst: '172.18.0.2' }).outcome).toEqual({ kind: 'replied' });
  });

  it('says Network is unreachable when the sender has no route', () => {
    const k = twoBridges();
    k.deleteRoute('a1', { dst: 'default' });
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '203.0.113.10' });
    expect(t.outcome).toEqual({ kind: 'no-route', leg: 'request', netns: 'a1' });
    expect(observedResult(t)).toBe('no-route');
  });

  it('fails ARP visibly when nobody has the address', () => {
    const k = twoBridges();
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.18.0.99' });
    expect(t.outcome).toEqual({ kind: 'no-neighbour', leg: 'request', netns: 'a1', iface: 'eth0', addr: '172.18.0.99' });
    expect(k.netns('a1')!.neighbours()).toContainEqual({ ifname: 'eth0', address: '172.18.0.99', state: 'FAILED' });
  });

  it('connects to a listening TCP port and is refused by a closed one', () => {
    const k = twoBridges();
    k.listen('a2', { proto: 'tcp', address: '0.0.0.0', port: 80, process: 'httpd' });
    const ok = k.probe({ kind: 'tcp-connect', from: 'a1', dst: '172.18.0.3', port: 80 });
    expect(ok.outcome).toEqual({ kind: 'delivered', netns: 'a2', process: 'httpd' });
    const closed = k.probe({ kind: 'tcp-connect', from: 'a1', dst: '172.18.0.3', port: 81 });
    expect(closed.outcome).toEqual({ kind: 'port-closed', netns: 'a2' });
    expect(observedResult(closed)).toBe('refused');
  });

  it('answers UDP to a closed port with ICMP port unreachable', () => {
    const k = twoBridges();
    k.listen('a2', { proto: 'udp', address: '0.0.0.0', port: 53, process: 'dns' });
    expect(k.probe({ kind: 'udp-send', from: 'a1', dst: '172.18.0.3', port: 53 }).outcome).toMatchObject({ kind: 'delivered' });
    const t = k.probe({ kind: 'udp-send', from: 'a1', dst: '172.18.0.3', port: 54 });
    expect(observedResult(t)).toBe('refused');
  });

  it('distinguishes REJECT from DROP', () => {
    const k = twoBridges();
    iptables(k, 'host', '-A FORWARD -i br1 -o br2 -j REJECT');
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.2' });
    expect(t.outcome).toMatchObject({ kind: 'rejected', with: 'icmp-port-unreachable', by: { chain: 'FORWARD', num: 1 } });
    expect(observedResult(t)).toBe('unreachable');
    iptables(k, 'host', '-I FORWARD -p tcp -i br1 -o br2 -j REJECT --reject-with tcp-reset');
    const tcp = k.probe({ kind: 'tcp-connect', from: 'a1', dst: '172.19.0.2', port: 80 });
    expect(observedResult(tcp)).toBe('refused');
  });

  it('lets replies back through conntrack when FORWARD only accepts one direction', () => {
    const k = twoBridges();
    iptables(k, 'host', '-P FORWARD DROP');
    iptables(k, 'host', '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    iptables(k, 'host', '-A FORWARD -i br1 -o br2 -j ACCEPT');
    expect(k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.19.0.2' }).outcome).toEqual({ kind: 'replied' });
    const back = k.probe({ kind: 'icmp-echo', from: 'b1', dst: '172.18.0.2' });
    expect(back.outcome).toMatchObject({ kind: 'dropped', by: { num: 0, text: ':FORWARD DROP' } });
  });

  it('publishes a port with DNAT and masquerades outbound traffic, showing the rewrites', () => {
    const k = twoBridges();
    k.addNetns('lan');
    k.addVeth('host', 'eth0', 'eth0', 'lan');
    for (const [ns, cidr] of [['host', '192.168.1.108/24'], ['lan', '192.168.1.20/24']] as const) {
      k.addAddress(ns, 'eth0', cidr, { broadcast: true });
      k.setLinkUp(ns, 'eth0', true);
    }
    k.listen('a1', { proto: 'tcp', address: '0.0.0.0', port: 80, process: 'httpd' });
    k.listen('lan', { proto: 'tcp', address: '0.0.0.0', port: 80, process: 'web' });
    iptables(k, 'host', '-t nat -A PREROUTING -p tcp -m addrtype --dst-type LOCAL -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80');
    iptables(k, 'host', '-t nat -A POSTROUTING -s 172.18.0.0/16 ! -o br1 -j MASQUERADE');
    const inbound = k.probe({ kind: 'tcp-connect', from: 'lan', dst: '192.168.1.108', port: 8080 });
    expect(inbound.outcome).toEqual({ kind: 'delivered', netns: 'a1', process: 'httpd' });
    const dnat = inbound.hops.find((h) => h.rewritten && h.hook === 'PREROUTING')!;
    expect(dnat.rewritten!.dport).toBe(80);
    expect(dnat.rule!.text).toBe('-A PREROUTING -p tcp -m addrtype --dst-type LOCAL -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80');
    const outbound = k.probe({ kind: 'tcp-connect', from: 'a1', dst: '192.168.1.20', port: 80 });
    expect(outbound.outcome).toEqual({ kind: 'delivered', netns: 'lan', process: 'web' });
    const masq = outbound.hops.find((h) => h.hook === 'POSTROUTING' && h.rewritten)!;
    expect(masq.rewritten!.src).toBe(0xc0a8016c); // 192.168.1.108
    // The ICMP error about a masqueraded datagram is un-NATed back to the container.
    const udp = k.probe({ kind: 'udp-send', from: 'a1', dst: '192.168.1.20', port: 9 });
    expect(udp.outcome).toEqual({ kind: 'port-closed', netns: 'lan' });
    expect(observedResult(udp)).toBe('refused');
  });

  it('has a router without a route answer with ICMP net unreachable, unlike the sender’s own failure', () => {
    const k = twoBridges();
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '10.99.0.1' });
    expect(t.outcome).toEqual({ kind: 'no-route', leg: 'request', netns: 'host' });
    expect(observedResult(t)).toBe('unreachable');
  });

  it('reports silence when the answer has no way back', () => {
    const k = twoBridges();
    k.addNetns('lan');
    k.addVeth('host', 'eth0', 'eth0', 'lan');
    k.addAddress('host', 'eth0', '192.168.1.108/24');
    k.addAddress('lan', 'eth0', '192.168.1.20/24');
    k.setLinkUp('host', 'eth0', true);
    k.setLinkUp('lan', 'eth0', true);
    const t = k.probe({ kind: 'icmp-echo', from: 'a1', dst: '192.168.1.20' });
    expect(t.outcome).toEqual({ kind: 'no-route', leg: 'reply', netns: 'lan' });
    expect(observedResult(t)).toBe('timeout');
  });

  it('walks a locally generated error through the sender’s own rules (RELATED, nf_ct_attach)', () => {
    const k = twoBridges();
    iptables(k, 'a1', '-A OUTPUT -d 172.18.0.3/32 -m conntrack --ctstate INVALID,NEW -j REJECT --reject-with icmp-net-unreachable');
    const t = k.probe({ kind: 'udp-send', from: 'a1', dst: '172.18.0.3', port: 53 });
    expect(t.outcome).toMatchObject({ kind: 'rejected', leg: 'request', netns: 'a1', with: 'icmp-net-unreachable' });
    expect(observedResult(t)).toBe('unreachable');
    // Failed ARP reports host unreachable to the sender itself, unless its rules drop that error.
    expect(observedResult(k.probe({ kind: 'tcp-connect', from: 'a1', dst: '172.18.0.99', port: 80 }))).toBe('unreachable');
    iptables(k, 'a1', '-A INPUT -p icmp -j DROP');
    const silent = k.probe({ kind: 'tcp-connect', from: 'a1', dst: '172.18.0.99', port: 80 });
    expect(silent.outcome).toMatchObject({ kind: 'dropped', leg: 'reply', netns: 'a1', by: { chain: 'INPUT', num: 1 } });
    expect(observedResult(silent)).toBe('timeout');
  });

  it('masquerades with a global address, never lo’s host-scope 127.0.0.1', () => {
    const k = twoBridges();
    k.listen('host', { proto: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd' });
    iptables(k, 'host', '-t nat -A POSTROUTING -o lo -j MASQUERADE');
    const t = k.probe({ kind: 'tcp-connect', from: 'host', dst: '127.0.0.1', port: 22 });
    expect(t.outcome).toEqual({ kind: 'delivered', netns: 'host', process: 'sshd' });
    const masq = t.hops.find((h) => h.hook === 'POSTROUTING' && h.rewritten)!;
    expect(masq.rewritten!.src).toBe(0xac120001); // 172.18.0.1, br1: the first device with a global address
  });
});
