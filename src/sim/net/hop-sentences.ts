/**
 * The English sentence of each hop note (trace.ts): `{{name}}` is filled with the
 * note's value of that name. A hop's `detail` is its note in these words. The
 * app's English `hop.*` templates say the same (they stay in the UI's strings so
 * the first screen need not load the simulator; test/app/hop-notes.test.ts holds
 * them to the details).
 */
import type { HopNote, HopNoteKey } from './trace.ts';

export const HOP_SENTENCES = {
  send: '{{netns}} sends {{packet}}',
  noRoute: 'no route to {{dst}}: Network is unreachable',
  route: '{{route}}',
  rerouteDnat: 'rerouted after DNAT: {{route}}',
  loopback: 'loopback: {{dev}}',
  neighbourCached: 'neighbour {{addr}} is {{mac}} (cached)',
  arpNoAnswer: 'ARP who-has {{addr}} on {{dev}}: no answer',
  arpReply: 'ARP {{addr}} is-at {{mac}} ({{netns}} {{dev}})',
  ndpNoAnswer: 'neighbour solicitation for {{addr}} on {{dev}}: no answer',
  ndpAdvert: 'neighbour advertisement: {{addr}} is at {{mac}} ({{netns}} {{dev}})',
  transmit: 'out of {{dev}}',
  noCarrier: '{{dev}} has no carrier',
  noPeer: '{{dev}} has no peer',
  veth: '{{fromNetns}}:{{fromDev}} -> {{toNetns}}:{{toDev}}',
  notForHost: '{{dev}}: frame for {{mac}} is not for this host',
  bridgeSend: '{{bridge}} sends out of port {{port}}',
  bridgeDown: '{{bridge}} is down',
  bridgeToSelf: "{{bridge}}: frame for the bridge itself, up to {{netns}}'s IP stack",
  bridgeNoPort: '{{bridge}}: no port leads to {{mac}}',
  hairpinOff: '{{bridge}}: destination is behind the ingress port (hairpin off)',
  bridgeForward: '{{bridge}}: {{mac}} is on port {{port}}',
  dnatNoNeighbour: '{{bridge}}: no neighbour for the DNAT target',
  dnatNotBridged: '{{bridge}}: DNAT target not reachable by bridging',
  receive: '{{netns}} receives on {{dev}}',
  martianSource: 'martian source {{addr}} on {{dev}}',
  martianDestination: 'martian destination {{addr}} on {{dev}}',
  icmpRateLimited: '{{netns}} sends no ICMP error to {{dst}}: over its rate limit (net.ipv4.icmp_ratelimit)',
  forwardingDisabled: '{{netns}} is not a router (net.ipv4.ip_forward = 0): dropped',
  forwardingDisabled6: '{{netns}} is not an IPv6 router (net.ipv6.conf.all.forwarding = 0): dropped',
  forwardNoRoute: 'forward: no route to {{dst}}',
  ttlExceeded: 'forward: TTL {{ttl}} exceeded in transit: ICMP time exceeded back to {{src}}',
  hopLimitExceeded: 'forward: hop limit {{ttl}} exceeded in transit: ICMPv6 time exceeded back to {{src}}',
  forward: 'forward: {{route}}',
  hook: '{{hook}} {{verdict}}',
  hookRule: '{{hook}} {{verdict}}: {{rule}}',
  deliver: 'delivered to the local stack of {{netns}}',
  answerMismatch: 'the answer does not match the sending socket',
} satisfies Record<HopNoteKey, string>;

/** The note's sentence in English, its values filled in. */
export function hopSentence(note: HopNote): string {
  return HOP_SENTENCES[note.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => note.values[name] ?? '');
}
