import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/sim/net/index.ts';
import { scratchFs } from '../../src/sim/shell/fs.ts';
import { bridgeCommand } from '../../src/sim/shell/net-tools/bridge.ts';
import { brctlCommand } from '../../src/sim/shell/net-tools/brctl.ts';
import { ethtoolCommand } from '../../src/sim/shell/net-tools/ethtool.ts';
import { ifconfigCommand } from '../../src/sim/shell/net-tools/ifconfig.ts';
import { ipCommand } from '../../src/sim/shell/net-tools/ip.ts';
import { busyboxIpCommand } from '../../src/sim/shell/net-tools/ip-busybox.ts';
import type { ToolResolver } from '../../src/sim/shell/net-tools/names.ts';
import { netstatCommand as netstatWith } from '../../src/sim/shell/net-tools/netstat.ts';
import { busyboxRouteCommand as routeWith } from '../../src/sim/shell/net-tools/route.ts';
import { ssCommand } from '../../src/sim/shell/net-tools/ss.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import type { Command, CommandOutput } from '../../src/sim/shell/types.ts';

/**
 * A small Docker-like world built by hand, so every MAC and index is known:
 * host (lo, eth0 whose peer is gw's index 999, docker0) and a container c1 whose
 * eth0 is docker0's port, created the way dockerd creates it (no queue, IPv6 off).
 */
function world(): Kernel {
  const k = new Kernel({ seed: 7 });
  for (const ns of ['gw', 'host', 'c1']) {
    k.addNetns(ns);
    k.setLinkUp(ns, 'lo', true);
    k.addAddress(ns, 'lo', '127.0.0.1/8');
  }
  k.addVeth('gw', 'v-host', 'eth0', 'host', { index: 999 });
  k.setMac('host', 'eth0', 'aa:aa:aa:00:00:02');
  k.setLinkUp('gw', 'v-host', true);
  k.setLinkUp('host', 'eth0', true);
  k.addAddress('host', 'eth0', '192.168.1.108/24');
  k.addRoute('host', { dst: 'default', via: '192.168.1.1' });
  k.addBridge('host', 'docker0', { txqlen: 0 });
  k.setMac('host', 'docker0', '02:42:ac:11:00:01');
  k.addAddress('host', 'docker0', '172.17.0.1/16', { broadcast: true });
  k.setLinkUp('host', 'docker0', true);
  k.addVeth('host', 'vethabc1234', 'eth0', 'c1', { txqlen: 0 });
  k.setMac('host', 'vethabc1234', '0e:00:00:00:00:04');
  k.setMac('c1', 'eth0', '02:42:ac:11:00:02');
  k.setMaster('host', 'vethabc1234', 'docker0');
  k.setLinkUp('host', 'vethabc1234', true);
  k.setSysctl('c1', 'net.ipv6.conf.eth0.disable_ipv6', '1');
  k.addAddress('c1', 'eth0', '172.17.0.2/16', { broadcast: true });
  k.setLinkUp('c1', 'eth0', true);
  k.addRoute('c1', { dst: 'default', via: '172.17.0.1' });
  return k;
}

const ip = ipCommand({ namedNetns: (ns) => ns === 'gw' || ns === 'host' });

function run(k: Kernel, netns: string, cmd: Command, line: string): CommandOutput {
  const argv = line === '' ? [] : line.split(' ');
  return cmd(argv, { kernel: k, netns, stdin: '', env: {}, userland: netns === 'c1' ? 'busybox' : 'debian', fs: scratchFs() });
}
const out = (k: Kernel, netns: string, cmd: Command, line: string) => run(k, netns, cmd, line).stdout;

describe('iproute2 ip on the host', () => {
  it('lists links with peers, masters, queues and netns ids as ip link does', () => {
    const k = world();
    expect(out(k, 'host', ip, 'link')).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '2: eth0@if999: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n' +
        '    link/ether aa:aa:aa:00:00:02 brd ff:ff:ff:ff:ff:ff link-netns gw\n' +
        '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n' +
        '    link/ether 02:42:ac:11:00:01 brd ff:ff:ff:ff:ff:ff\n' +
        '4: vethabc1234@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \n' +
        '    link/ether 0e:00:00:00:00:04 brd ff:ff:ff:ff:ff:ff link-netnsid 1\n',
    );
    expect(out(k, 'host', ip, '-o link show master docker0')).toBe(
      '4: vethabc1234@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \\    link/ether 0e:00:00:00:00:04 brd ff:ff:ff:ff:ff:ff link-netnsid 1\n',
    );
    expect(out(k, 'host', ip, 'link show type bridge')).toBe(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n    link/ether 02:42:ac:11:00:01 brd ff:ff:ff:ff:ff:ff\n',
    );
    expect(out(k, 'host', ip, '-br link')).toBe(
      'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n' +
        'eth0@if999       UP             aa:aa:aa:00:00:02 <BROADCAST,MULTICAST,UP,LOWER_UP> \n' +
        'docker0          UP             02:42:ac:11:00:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n' +
        'vethabc1234@if2  UP             0e:00:00:00:00:04 <BROADCAST,MULTICAST,UP,LOWER_UP> \n',
    );
    expect(out(k, 'host', ip, '-d link show vethabc1234').split('\n').slice(0, 3)).toEqual([
      '4: vethabc1234@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default ',
      '    link/ether 0e:00:00:00:00:04 brd ff:ff:ff:ff:ff:ff link-netnsid 1 promiscuity 1  allmulti 1 minmtu 68 maxmtu 65535 ',
      '    veth ',
    ]);
  });

  it('lists addresses with the kernel’s own IPv6 ones (::1, EUI-64 link-locals)', () => {
    const k = world();
    expect(out(k, 'host', ip, 'addr show docker0')).toBe(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n' +
        '    link/ether 02:42:ac:11:00:01 brd ff:ff:ff:ff:ff:ff\n' +
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 fe80::42:acff:fe11:1/64 scope link \n' +
        '       valid_lft forever preferred_lft forever\n',
    );
    expect(out(k, 'host', ip, '-o -4 addr')).toBe(
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n' +
        '2: eth0    inet 192.168.1.108/24 scope global eth0\\       valid_lft forever preferred_lft forever\n' +
        '3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(out(k, 'host', ip, '-br addr')).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n' +
        'eth0@if999       UP             192.168.1.108/24 fe80::a8aa:aaff:fe00:2/64 \n' +
        'docker0          UP             172.17.0.1/16 fe80::42:acff:fe11:1/64 \n' +
        'vethabc1234@if2  UP             fe80::c00:ff:fe00:4/64 \n',
    );
    // -4 leaves out devices without an IPv4 address.
    expect(out(k, 'host', ip, '-4 a').split('\n').filter((l) => /^\d/.test(l))).toHaveLength(3);
  });

  it('prints routes, linkdown, route get and what a port losing its peer looks like', () => {
    const k = world();
    expect(out(k, 'host', ip, 'route')).toBe(
      'default via 192.168.1.1 dev eth0 \n' +
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 \n' +
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.108 \n',
    );
    expect(out(k, 'host', ip, 'route get 172.17.0.2')).toBe('172.17.0.2 dev docker0 src 172.17.0.1 uid 0 \n    cache \n');
    expect(out(k, 'host', ip, 'r get 203.0.113.10')).toBe('203.0.113.10 via 192.168.1.1 dev eth0 src 192.168.1.108 uid 0 \n    cache \n');
    expect(out(k, 'host', ip, 'route get 172.17.0.1')).toBe('local 172.17.0.1 dev lo src 172.17.0.1 uid 0 \n    cache <local> \n');
    k.setLinkUp('c1', 'eth0', false);
    expect(out(k, 'host', ip, 'route show dev docker0')).toBe('172.17.0.0/16 proto kernel scope link src 172.17.0.1 linkdown \n');
    expect(out(k, 'host', ip, 'link show vethabc1234')).toBe(
      '4: vethabc1234@if2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue master docker0 state LOWERLAYERDOWN mode DEFAULT group default \n' +
        '    link/ether 0e:00:00:00:00:04 brd ff:ff:ff:ff:ff:ff link-netnsid 1\n',
    );
    // The bridge lost its carrier but keeps the link-local it configured when it had one.
    expect(out(k, 'host', ip, '-br addr show docker0')).toBe('docker0          DOWN           172.17.0.1/16 fe80::42:acff:fe11:1/64 \n');
  });

  it('answers mistakes in iproute2’s words and exit statuses', () => {
    const k = world();
    expect(run(k, 'host', ip, 'link show nosuch')).toEqual({ stdout: '', stderr: 'Device "nosuch" does not exist.\n', exitCode: 1 });
    expect(run(k, 'host', ip, 'addr show dev nosuch').stderr).toBe('Device "nosuch" does not exist.\n');
    expect(run(k, 'host', ip, 'foo')).toEqual({ stdout: '', stderr: 'Object "foo" is unknown, try "ip help".\n', exitCode: 1 });
    expect(run(k, 'host', ip, 'link foo')).toEqual({ stdout: '', stderr: 'Command "foo" is unknown, try "ip link help".\n', exitCode: 255 });
    expect(run(k, 'host', ip, '-x link')).toEqual({ stdout: '', stderr: 'Option "-x" is unknown, try "ip -help".\n', exitCode: 255 });
    expect(run(k, 'host', ip, 'neigh show dev nosuch')).toEqual({ stdout: '', stderr: 'Cannot find device "nosuch"\n', exitCode: 1 });
    expect(run(k, 'host', ip, 'route get')).toEqual({ stdout: '', stderr: 'need at least a destination address\n', exitCode: 1 });
    expect(run(k, 'host', ip, 'route get abc').stderr).toBe('Error: any valid prefix is expected rather than "abc".\n');
    k.deleteRoute('host', { dst: 'default' });
    expect(run(k, 'host', ip, 'route get 10.1.2.3')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: Network is unreachable\n', exitCode: 2 });
    expect(run(k, 'host', ip, 'route add 10.9.0.0/24 via 10.8.0.1')).toEqual({ stdout: '', stderr: 'Error: Nexthop has invalid gateway.\n', exitCode: 2 });
    expect(run(k, 'host', ip, 'link set nosuch up')).toEqual({ stdout: '', stderr: 'Cannot find device "nosuch"\n', exitCode: 1 });
  });

  it('changes links, addresses and routes through the kernel', () => {
    const k = world();
    expect(run(k, 'host', ip, 'link add br1 type bridge').exitCode).toBe(0);
    expect(run(k, 'host', ip, 'link set br1 up').exitCode).toBe(0);
    expect(run(k, 'host', ip, 'addr add 10.8.0.1/24 brd + dev br1').exitCode).toBe(0);
    expect(run(k, 'host', ip, 'route add 10.9.0.0/24 via 10.8.0.2').exitCode).toBe(0);
    expect(out(k, 'host', ip, 'route show dev br1')).toBe('10.8.0.0/24 proto kernel scope link src 10.8.0.1 linkdown \n10.9.0.0/24 via 10.8.0.2 linkdown \n');
    expect(run(k, 'host', ip, 'route add 10.9.0.0/24 via 10.8.0.2')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: File exists\n', exitCode: 2 });
    expect(run(k, 'host', ip, 'link set vethabc1234 master nosuch')).toEqual({ stdout: '', stderr: 'Error: argument "nosuch" is wrong: Device does not exist\n\n', exitCode: 255 });
  });

  it('shows neighbours the stack resolved', () => {
    const k = world();
    k.probe({ kind: 'icmp-echo', from: 'host', dst: '172.17.0.2' });
    expect(out(k, 'host', ip, 'neigh show dev docker0')).toBe('172.17.0.2 lladdr 02:42:ac:11:00:02 REACHABLE \n');
    expect(out(k, 'host', ip, 'neigh')).toBe('172.17.0.2 dev docker0 lladdr 02:42:ac:11:00:02 REACHABLE \n');
  });
});

describe('netnsids and IPv6 autoconfiguration in the kernel model', () => {
  it('gives peer namespaces the lowest free id, in order of first use, and frees it with the namespace', () => {
    const k = world();
    const host = k.netns('host')!;
    expect([host.netnsId('gw'), host.netnsId('c1'), host.netnsId('host')]).toEqual([0, 1, undefined]);
    expect(k.netns('c1')!.netnsId('host')).toBe(0);
    k.deleteNetns('c1');
    k.addNetns('c2');
    k.addVeth('host', 'vethdef', 'eth0', 'c2');
    expect(host.netnsId('c2')).toBe(1);
  });

  it('configures ::1 and fe80:: only on up devices with carrier and IPv6 on', () => {
    const k = world();
    expect(k.netns('c1')!.addresses6()).toEqual([{ ifname: 'lo', address: '::1', prefixLen: 128, scope: 'host' }]);
    k.addBridge('host', 'br9');
    k.setLinkUp('host', 'br9', true);
    expect(k.netns('host')!.addresses6().map((a) => a.ifname)).toEqual(['lo', 'eth0', 'docker0', 'vethabc1234']);
    k.setLinkUp('host', 'docker0', false);
    expect(k.netns('host')!.addresses6().map((a) => a.ifname)).not.toContain('docker0');
  });

  it('keeps AF_INET6 sockets apart: v6only next to IPv4, dual-stack clashing with it', () => {
    const k = world();
    k.listen('host', { proto: 'tcp', address: '0.0.0.0', port: 8080, process: 'docker-proxy' });
    expect(() => k.listen('host', { proto: 'tcp', address: '::', family: 6, v6only: true, port: 8080, process: 'docker-proxy' })).not.toThrow();
    expect(() => k.listen('host', { proto: 'tcp', address: '::', family: 6, port: 8080, process: 'x' })).toThrow('Address already in use');
    k.listen('c1', { proto: 'tcp', address: '::', family: 6, port: 80, process: 'httpd' });
    const trace = k.probe({ kind: 'tcp-connect', from: 'host', dst: '172.17.0.2', port: 80 });
    expect(trace.outcome).toEqual({ kind: 'delivered', netns: 'c1', process: 'httpd' });
  });
});

describe('busybox network applets in a container', () => {
  it('prints ip like busybox: no state, the peer index unknown here, M-DOWN', () => {
    const k = world();
    expect(out(k, 'c1', busyboxIpCommand, 'addr show')).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n' +
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
        '    inet 127.0.0.1/8 scope host lo\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 ::1/128 scope host \n' +
        '       valid_lft forever preferred_lft forever\n' +
        '2: eth0@if4: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n' +
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n' +
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n',
    );
    expect(out(k, 'c1', busyboxIpCommand, '-o -4 addr')).toBe(
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n' +
        '2: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(out(k, 'c1', busyboxIpCommand, 'route')).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect(out(k, 'c1', busyboxIpCommand, 'r get 203.0.113.10')).toBe('203.0.113.10 via 172.17.0.1 dev eth0  src 172.17.0.2 \n');
    expect(run(k, 'c1', busyboxIpCommand, 'addr show eth9')).toEqual({ stdout: '', stderr: "ip: can't find device 'eth9'\n", exitCode: 1 });
    expect(run(k, 'c1', busyboxIpCommand, 'foo')).toEqual({ stdout: '', stderr: "ip: invalid argument 'foo' to 'ip'\n", exitCode: 1 });
    expect(run(k, 'c1', busyboxIpCommand, 'route get')).toEqual({ stdout: '', stderr: 'ip: need at least destination address\n', exitCode: 1 });
    // No CAP_NET_ADMIN in a container.
    expect(run(k, 'c1', busyboxIpCommand, 'link set eth0 down')).toEqual({ stdout: '', stderr: 'ip: SIOCSIFFLAGS: Operation not permitted\n', exitCode: 1 });
    expect(run(k, 'c1', busyboxIpCommand, 'route add default via 172.17.0.9')).toEqual({ stdout: '', stderr: 'ip: RTNETLINK answers: Operation not permitted\n', exitCode: 2 });
    // In the host's namespace (--network host) the same applet names a local peer index.
    expect(out(k, 'host', busyboxIpCommand, 'link show vethabc1234')).toBe(
      '4: vethabc1234@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 \n    link/ether 0e:00:00:00:00:04 brd ff:ff:ff:ff:ff:ff\n',
    );
  });

  it('prints ifconfig with the walk’s counters', () => {
    const k = world();
    k.probe({ kind: 'icmp-echo', from: 'c1', dst: '172.17.0.1' });
    expect(out(k, 'c1', ifconfigCommand, 'eth0')).toBe(
      'eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02  \n' +
        '          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0\n' +
        '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n' +
        '          RX packets:1 errors:0 dropped:0 overruns:0 frame:0\n' +
        '          TX packets:1 errors:0 dropped:0 overruns:0 carrier:0\n' +
        '          collisions:0 txqueuelen:0 \n' +
        '          RX bytes:98 (98.0 B)  TX bytes:98 (98.0 B)\n\n',
    );
    expect(out(k, 'c1', ifconfigCommand, '').split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(' ')[0])).toEqual(['eth0', 'lo']);
    expect(run(k, 'c1', ifconfigCommand, 'eth9')).toEqual({ stdout: '', stderr: 'ifconfig: eth9: error fetching interface information: Device not found\n', exitCode: 1 });
  });

  it('prints route and netstat in busybox’s columns', () => {
    // A resolver that names nothing: the world of this test has no DNS.
    const noNames: ToolResolver = { name: () => ({ traces: [] }), address: () => ({ traces: [] }) };
    const busyboxRouteCommand = routeWith(noNames);
    const netstatCommand = netstatWith(noNames);
    const k = world();
    expect(out(k, 'c1', busyboxRouteCommand, '')).toBe(
      'Kernel IP routing table\n' +
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
        'default         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n' +
        '172.17.0.0      *               255.255.0.0     U     0      0        0 eth0\n',
    );
    expect(out(k, 'c1', busyboxRouteCommand, '-n').split('\n')[2]).toBe('0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0');
    expect(out(k, 'c1', netstatCommand, '-rn')).toBe(
      'Kernel IP routing table\n' +
        'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n' +
        '0.0.0.0         172.17.0.1      0.0.0.0         UG        0 0          0 eth0\n' +
        '172.17.0.0      0.0.0.0         255.255.0.0     U         0 0          0 eth0\n',
    );
    k.listen('c1', { proto: 'tcp', address: '::', family: 6, port: 80, process: 'httpd' });
    k.listen('c1', { proto: 'udp', address: '0.0.0.0', port: 53, process: 'dnsd' });
    expect(out(k, 'c1', netstatCommand, '-tlnu')).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n' +
        'tcp        0      0 :::80                   :::*                    LISTEN      \n' +
        'udp        0      0 0.0.0.0:53              0.0.0.0:*                           \n',
    );
  });
});

describe('bridge tools and ethtool on the host', () => {
  it('shows the bridge and its ports (brctl, bridge link)', () => {
    const k = world();
    expect(out(k, 'host', brctlCommand, 'show')).toBe('bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000.0242ac110001\tno\t\tvethabc1234\n');
    expect(run(k, 'host', brctlCommand, 'show nosuch')).toEqual({ stdout: '', stderr: 'bridge nosuch does not exist!\n', exitCode: 1 });
    expect(out(k, 'host', bridgeCommand, 'link')).toBe('4: vethabc1234@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n');
    expect(run(k, 'host', bridgeCommand, 'link show dev nosuch')).toEqual({ stdout: '', stderr: 'Cannot find device "nosuch"\n', exitCode: 255 });
  });

  it('answers ethtool -i and -S for veths and bridges', () => {
    const k = world();
    expect(out(k, 'host', ethtoolCommand, '-i vethabc1234').split('\n').slice(0, 2)).toEqual(['driver: veth', 'version: 1.0']);
    expect(out(k, 'host', ethtoolCommand, '-i docker0').split('\n').slice(0, 3)).toEqual(['driver: bridge', 'version: 2.3', 'firmware-version: N/A']);
    expect(out(k, 'host', ethtoolCommand, '-S vethabc1234').split('\n').slice(0, 2)).toEqual(['NIC statistics:', '     peer_ifindex: 2']);
    expect(run(k, 'host', ethtoolCommand, '-S docker0')).toEqual({ stdout: '', stderr: 'no stats available\n', exitCode: 94 });
    expect(run(k, 'host', ethtoolCommand, '-i nosuch')).toEqual({ stdout: '', stderr: 'Cannot get driver information: No such device\n', exitCode: 71 });
  });

  it('lists listeners with ss, IPv6-only ones as [::]', () => {
    const k = world();
    k.listen('host', { proto: 'tcp', address: '0.0.0.0', port: 8080, process: 'docker-proxy' });
    k.listen('host', { proto: 'tcp', address: '::', family: 6, v6only: true, port: 8080, process: 'docker-proxy' });
    expect(out(k, 'host', ssCommand, '-ltn')).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*          \n' +
        'LISTEN 0      4096            [::]:8080         [::]:*          \n',
    );
  });
});

describe('the tools in the simulated machines', () => {
  it('adds a route on lan and lists it (golden 22)', () => {
    const sim = new Simulator();
    expect(sim.runScriptLine('lan$ ip route add 172.17.0.0/16 via 192.168.1.108').exitCode).toBe(0);
    expect(sim.runScriptLine('lan$ ip route').stdout).toBe(
      'default via 192.168.1.1 dev eth0 \n172.17.0.0/16 via 192.168.1.108 dev eth0 \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.20 \n',
    );
  });

  it('finds the container end’s peer from both sides (golden 03)', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -itd --name c1 busybox');
    const iflink = sim.runScriptLine('docker exec c1 cat /sys/class/net/eth0/iflink').stdout.trim();
    const port = sim.runScriptLine('ip -o link show master docker0').stdout;
    expect(port.startsWith(`${iflink}: veth`)).toBe(true);
    expect(sim.runScriptLine('docker exec c1 route -n').stdout).toContain('0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n');
  });
});

describe('CAP_NET_ADMIN in a container', () => {
  it('lets --cap-add NET_ADMIN and --privileged change the container’s routes; others get EPERM', async () => {
    const { Simulator } = await import('../../src/sim/shell/simulator.ts');
    const sim = new Simulator();
    const sh = (l: string) => sim.runScriptLine(l);
    sh('docker run -itd --name plain busybox');
    sh('docker run -itd --name admin --cap-add NET_ADMIN busybox');
    sh('docker run -itd --name priv --privileged busybox');
    expect(sh('docker exec plain ip route add 10.9.0.0/16 via 172.17.0.1')).toMatchObject({ stderr: 'ip: RTNETLINK answers: Operation not permitted\n', exitCode: 2 });
    expect(sh('docker exec admin ip route add 10.9.0.0/16 via 172.17.0.1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh('docker exec admin ip route').stdout).toContain('10.9.0.0/16 via 172.17.0.1 dev eth0');
    expect(sh('docker exec priv ip link set eth0 down').exitCode).toBe(0);
    expect(sh(`docker inspect -f '{{json .HostConfig.CapAdd}} {{.HostConfig.Privileged}}' admin priv`).stdout).toBe('["CAP_NET_ADMIN"] false\nnull true\n');
  });
});

describe('busybox arp', () => {
  it('lists what the container learned, filters by host and interface', async () => {
    const { Simulator } = await import('../../src/sim/shell/simulator.ts');
    const sim = new Simulator();
    sim.runScriptLine('docker run -itd --name c1 busybox');
    sim.runScriptLine('docker run -itd --name c2 busybox');
    expect(sim.runScriptLine('docker exec c1 arp -n').stdout).toBe('');
    sim.runScriptLine('docker exec c1 ping -c 1 172.17.0.3');
    expect(sim.runScriptLine('docker exec c1 arp -n').stdout).toMatch(/^\? \(172\.17\.0\.3\) at ([0-9a-f]{2}:){5}[0-9a-f]{2} \[ether\] {2}on eth0\n$/);
    expect(sim.runScriptLine('docker exec c1 arp -n 10.9.9.9').stdout).toBe('No match found in 1 entries\n');
    expect(sim.runScriptLine('docker exec c1 arp -z').stderr.split('\n')[0]).toBe("arp: invalid option -- 'z'");
  });
});

describe('busybox traceroute', () => {
  it('lists the routers that answer time exceeded, and stars where a rule drops the probes', async () => {
    const { Simulator } = await import('../../src/sim/shell/simulator.ts');
    const sim = new Simulator();
    sim.runScriptLine('docker network create appnet');
    sim.runScriptLine('docker run -itd --name c1 --network appnet busybox');
    sim.runScriptLine('docker run -itd --name c0 busybox');
    const out = sim.runScriptLine('docker exec c1 traceroute -n 203.0.113.10');
    expect(out.stdout.replace(/\d+\.\d{3} ms/g, 'T ms')).toBe(
      'traceroute to 203.0.113.10 (203.0.113.10), 30 hops max, 46 byte packets\n 1  172.18.0.1  T ms  T ms  T ms\n 2  203.0.113.10  T ms  T ms  T ms\n',
    );
    // The raw table drops traffic for another network's container before the TTL is looked at.
    expect(sim.runScriptLine('docker exec c1 traceroute -n -m 2 -q 1 172.17.0.2').stdout).toBe('traceroute to 172.17.0.2 (172.17.0.2), 2 hops max, 46 byte packets\n 1  *\n 2  *\n');
    expect(sim.runScriptLine('docker exec c1 traceroute nosuchhost')).toMatchObject({ stderr: "traceroute: bad address 'nosuchhost'\n", exitCode: 1 });
  });
});

describe('reverse names in traceroute and arp', () => {
  it('names containers of a user network NAME.NETWORK, and leaves the rest as addresses', async () => {
    const { Simulator } = await import('../../src/sim/shell/simulator.ts');
    const sim = new Simulator();
    sim.runScriptLine('docker network create appnet');
    sim.runScriptLine('docker run -d --name web --network appnet httpd');
    sim.runScriptLine('docker run -itd --name c1 --network appnet busybox');
    expect(sim.runScriptLine('docker exec c1 traceroute -q 1 web').stdout.split('\n')[1]).toMatch(/^ 1 {2}web\.appnet \(172\.18\.0\.2\) {2}\d+\.\d{3} ms$/);
    expect(sim.runScriptLine('docker exec c1 arp').stdout).toMatch(/^web\.appnet \(172\.18\.0\.2\) at /);
    expect(sim.runScriptLine('docker exec c1 traceroute -q 1 -m 1 203.0.113.10').stdout.split('\n')[1]).toMatch(/^ 1 {2}172\.18\.0\.1 \(172\.18\.0\.1\) /);
  });
});
