/**
 * What tcpdump 4.99 does without -n: it prints a name for every address (addrtoname.c's
 * ipaddr_string, through gethostbyaddr: /etc/hosts, then a PTR question to resolv.conf's
 * server) and an OUI after every MAC (etheraddr_string). Each address is looked up once
 * per run, when the first packet that has it is printed, and the lookup's packets are
 * packets like any other: on the interface tcpdump watches, it captures them too
 * (test/fixtures/tcpdump/capnames.txt).
 */
import type { Packet } from '../netfilter/index.ts';
import { formatAddr } from '../netfilter/addr.ts';
import type { Trace } from '../net/trace.ts';

/** The name a program in tcpdump's place gets for an address, and the packets asking sent. */
export type AddressName = (address: string) => { name?: string; traces: readonly Trace[] };

/** Names looked up so far in one run (addrtoname.c's hnametable), and the packets the lookups sent. */
export class NameCache {
  private readonly names = new Map<string, string>();
  /** The packets of the lookups made since the last `takeSent`, in order. */
  private sent: Trace[] = [];

  constructor(private readonly lookup: AddressName) {}

  /** Looks up the addresses not seen yet, in the order given. */
  resolve(addresses: readonly string[]): void {
    for (const address of addresses) {
      if (this.names.has(address)) continue;
      const found = this.lookup(address);
      // A failed lookup is remembered too: tcpdump prints the number and never asks again.
      this.names.set(address, found.name ?? address);
      this.sent.push(...found.traces);
    }
  }

  name = (address: string): string => this.names.get(address) ?? address;

  takeSent(): Trace[] {
    return this.sent.splice(0);
  }
}

/**
 * The addresses tcpdump names to print an IP packet, in the order it asks: the header's two
 * are arguments of one printf, which GCC evaluates right to left, so the destination goes
 * first (the rig's capture of a ping on the host's eth0 asked for 203.0.113.10 before
 * 192.168.1.108); then an ICMP error's quoted destination.
 */
export function packetAddresses(p: Packet): string[] {
  const addresses = [formatAddr(p.dst), formatAddr(p.src)];
  // ICMP's unreachable (type 3) quotes it; ICMPv6's unreachable (1) and time exceeded (3) do.
  const v6 = typeof p.dst === 'bigint';
  const quoted = p.proto === 'icmp' && p.inner !== undefined && (p.icmpType === 3 || (v6 && p.icmpType === 1));
  return quoted ? [...addresses, formatAddr(p.inner!.dst)] : addresses;
}

/** print-arp.c names a request's target, then its sender; a reply's sender only. */
export function arpAddresses(arp: { who: string; tell: string }, reply: boolean): string[] {
  return reply ? [arp.who] : [arp.who, arp.tell];
}

/** oui.c's table: the organisations tcpdump names after a MAC (its first three bytes). */
const OUI_NAMES: ReadonlyMap<number, string> = new Map([
  [0x000000, 'Ethernet'], [0x00000c, 'Cisco'], [0x00005e, 'IANA'], [0x000081, 'Nortel Networks SONMP'], [0x0000f8, 'Cisco bridged'],
  [0x0080c2, 'Ethernet bridged'], [0x00a03e, 'ATM Forum'], [0x00e02f, 'DOCSIS Spanning Tree'], [0x080007, 'Appletalk'], [0x009069, 'Juniper'],
  [0x080009, 'Hewlett-Packard'], [0x00120f, 'IEEE 802.3 Private'], [0x0012bb, 'ANSI/TIA'], [0x001b21, 'DCBX'], [0x002320, 'Nicira Networks'],
  [0x5c16c7, 'Big Switch Networks'], [0xb0d2f5, 'Vello Systems'], [0x002481, 'HP'], [0x0004ea, 'HP-Labs'], [0x748771, 'Infoblox Inc'],
  [0xa42305, 'Open Networking Lab'], [0x00049f, 'Freescale'], [0x0015ad, 'Netronome'], [0x001018, 'Broadcom'], [0x00e004, 'PMC-Sierra'], [0xd0f0db, 'Ericsson'],
]);

/** A MAC as etheraddr_string prints it without -n (no /etc/ethers here): the address and its OUI's name. */
export function macWithOui(mac: string): string {
  const oui = parseInt(mac.split(':').slice(0, 3).join(''), 16);
  return `${mac} (oui ${OUI_NAMES.get(oui) ?? 'Unknown'})`;
}
