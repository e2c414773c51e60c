/**
 * The name tables iptables reads through libc: /etc/protocols (getprotobyname,
 * getprotobynumber), which every `-p` reads and prints, and /etc/services (getservbyname,
 * getservbyport), as Debian bookworm ships them. Generated once from this machine's files;
 * the simulator has no files of its own. Each entry: "name number alias...". The services'
 * lists are a lazy part (./service-tables.ts, provided by src/sim/shell/lazy/parts.ts): a
 * line that may read them loads them first (src/sim/shell/lazy/needs.ts).
 */

/** /etc/protocols: "name number alias...". */
const PROTOCOLS = ['ip 0 IP', 'hopopt 0 HOPOPT', 'icmp 1 ICMP', 'igmp 2 IGMP', 'ggp 3 GGP', 'ipencap 4 IP-ENCAP', 'st 5 ST', 'tcp 6 TCP', 'egp 8 EGP', 'igp 9 IGP', 'pup 12 PUP', 'udp 17 UDP', 'hmp 20 HMP', 'xns-idp 22 XNS-IDP', 'rdp 27 RDP', 'iso-tp4 29 ISO-TP4', 'dccp 33 DCCP', 'xtp 36 XTP', 'ddp 37 DDP', 'idpr-cmtp 38 IDPR-CMTP', 'ipv6 41 IPv6', 'ipv6-route 43 IPv6-Route', 'ipv6-frag 44 IPv6-Frag', 'idrp 45 IDRP', 'rsvp 46 RSVP', 'gre 47 GRE', 'esp 50 IPSEC-ESP', 'ah 51 IPSEC-AH', 'skip 57 SKIP', 'ipv6-icmp 58 IPv6-ICMP', 'ipv6-nonxt 59 IPv6-NoNxt', 'ipv6-opts 60 IPv6-Opts', 'rspf 73 RSPF CPHB', 'vmtp 81 VMTP', 'eigrp 88 EIGRP', 'ospf 89 OSPFIGP', 'ax.25 93 AX.25', 'ipip 94 IPIP', 'etherip 97 ETHERIP', 'encap 98 ENCAP', 'pim 103 PIM', 'ipcomp 108 IPCOMP', 'vrrp 112 VRRP', 'l2tp 115 L2TP', 'isis 124 ISIS', 'sctp 132 SCTP', 'fc 133 FC', 'mobility-header 135 Mobility-Header', 'udplite 136 UDPLite', 'mpls-in-ip 137 MPLS-in-IP', 'manet 138', 'hip 139 HIP', 'shim6 140 Shim6', 'wesp 141 WESP', 'rohc 142 ROHC', 'ethernet 143 Ethernet', 'mptcp 262 MPTCP'];

interface NameTable {
  byName: Map<string, number>;
  byNumber: Map<number, string>;
}

function build(entries: readonly string[]): NameTable {
  const byName = new Map<string, number>();
  const byNumber = new Map<number, string>();
  for (const entry of entries) {
    const [name, num, ...aliases] = entry.split(' ');
    const n = Number(num);
    // libc answers the first line that matches, so earlier entries win.
    if (!byNumber.has(n)) byNumber.set(n, name);
    for (const key of [name, ...aliases]) if (!byName.has(key)) byName.set(key, n);
  }
  return { byName, byNumber };
}

let protocols: NameTable | undefined;
let services: { tcp: NameTable; udp: NameTable } | undefined;
let provided: { tcp: readonly string[]; udp: readonly string[] } | undefined;

/** The services' lists, once their lazy part has loaded. */
export function provideServices(lists: { tcp: readonly string[]; udp: readonly string[] }): void {
  provided = lists;
}

function serviceTables(): { tcp: NameTable; udp: NameTable } {
  if (!provided) throw new Error('vethlab: /etc/services was reached before it was loaded (await loadParts first)');
  services ??= { tcp: build(provided.tcp), udp: build(provided.udp) };
  return services;
}

/** getservbyport(port, proto): the service name, or undefined. */
export function serviceName(port: number, proto: 'tcp' | 'udp'): string | undefined {
  return serviceTables()[proto].byNumber.get(port);
}

/** getservbyname(name, proto): the port, or undefined. */
export function servicePort(name: string, proto: 'tcp' | 'udp'): number | undefined {
  return serviceTables()[proto].byName.get(name);
}

export function protocolName(num: number): string | undefined {
  protocols ??= build(PROTOCOLS);
  return protocols.byNumber.get(num);
}

export function protocolNumber(name: string): number | undefined {
  protocols ??= build(PROTOCOLS);
  return protocols.byName.get(name);
}
