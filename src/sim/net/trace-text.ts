/**
 * A Trace as text, for tests, the CLI and debugging. Netfilter steps read like
 * the kernel's `iptables -j TRACE` log lines (`TRACE: table:chain:rule:N IN=..
 * OUT=.. SRC=.. DST=.. PROTO=..`); the other hops are short lines naming the
 * namespace and what happened there. The outcome closes the text.
 */
import type { IpAddr, NetfilterStep, Packet } from '../netfilter/index.ts';
import { formatAddr } from '../netfilter/addr.ts';
import type { Hop, Outcome, Trace } from './trace.ts';

export function formatTrace(trace: Trace): string {
  const p = trace.probe;
  const what = p.kind === 'icmp-echo' ? 'ping' : p.kind === 'tcp-connect' ? `tcp connect :${p.port ?? 80}` : `udp send :${p.port ?? 53}`;
  const lines = [`probe: ${what} from ${p.from} to ${p.dst}`];
  for (const hop of trace.hops) lines.push(...formatHop(hop));
  lines.push(`outcome: ${formatOutcome(trace.outcome)}`);
  return lines.join('\n') + '\n';
}

function formatHop(hop: Hop): string[] {
  const arrow = hop.leg === 'request' ? '>' : '<';
  if (hop.kind !== 'netfilter') return [`${arrow} ${hop.netns}: ${hop.kind}: ${hop.detail}`];
  const lines = [`${arrow} ${hop.netns}: ${hop.hook}${hop.bridged ? ' (br_netfilter)' : ''}`];
  for (const step of hop.steps ?? []) {
    const line = traceLine(step, hop);
    if (line) lines.push(`    ${line}`);
  }
  if (hop.rewritten) lines.push(`    rewritten: ${packetText(hop.packet)} -> ${packetText(hop.rewritten)}`);
  return lines;
}

/** One step in the legacy TRACE target's log format: `TRACE: table:chain:type:num` and the packet fields. */
function traceLine(step: NetfilterStep, hop: Hop): string | undefined {
  let where: string;
  switch (step.action) {
    case 'enter':
      return undefined;
    case 'conntrack':
      return `CT: ${step.ctState ?? ''}${step.after && step.before ? ` ${packetText(step.before)} -> ${packetText(step.after)}` : ''}`;
    case 'policy':
      where = `${step.table}:${step.chain}:policy:${step.policy ?? ''}`;
      break;
    case 'return':
      where = step.rule ? `${step.table}:${step.chain}:rule:${step.rule.num}` : `${step.table}:${step.chain}:return`;
      break;
    default:
      where = `${step.table}:${step.chain}:rule:${step.rule?.num ?? 0}`;
  }
  const fields = logFields(step.before ?? hop.packet, hop);
  const rule = step.rule ? `  ${step.rule.text}` : '';
  return `TRACE: ${where} ${fields}${rule}`;
}

function logFields(p: Packet, hop: Hop): string {
  const place = hop.place ?? {};
  let s = `IN=${place.inIface ?? ''} OUT=${place.outIface ?? ''}`;
  if (place.physIn) s += ` PHYSIN=${place.physIn}`;
  if (place.physOut) s += ` PHYSOUT=${place.physOut}`;
  if (typeof p.src === 'bigint' || typeof p.dst === 'bigint') {
    // nf_log_ipv6: addresses in full (%pI6), the traffic class, hop limit and flow label, ICMPv6 by name.
    s += ` SRC=${logAddr6(p.src)} DST=${logAddr6(p.dst)} LEN=${p.length} TC=0 HOPLIMIT=${p.ttl ?? 64} FLOWLBL=0 PROTO=${p.proto === 'icmp' ? 'ICMPv6' : p.proto.toUpperCase()}`;
  } else s += ` SRC=${formatAddr(p.src)} DST=${formatAddr(p.dst)} LEN=${p.length} PROTO=${p.proto.toUpperCase()}`;
  if (p.proto === 'icmp') s += ` TYPE=${p.icmpType ?? 0} CODE=${p.icmpCode ?? 0}${p.icmpId !== undefined ? ` ID=${p.icmpId}` : ''}`;
  else s += ` SPT=${p.sport} DPT=${p.dport}${p.tcpFlags ? ` ${p.tcpFlags.join(' ')}` : ''}`;
  return s;
}

/** An IPv6 address as the kernel's %pI6 prints it: eight groups of four hex digits. */
function logAddr6(a: IpAddr): string {
  const v = BigInt(a);
  return Array.from({ length: 8 }, (_, i) => ((v >> BigInt((7 - i) * 16)) & 0xffffn).toString(16).padStart(4, '0')).join(':');
}

function packetText(p: Packet): string {
  if (p.proto === 'icmp') return `${formatAddr(p.src)} > ${formatAddr(p.dst)} ${typeof p.dst === 'bigint' ? 'icmp6' : 'icmp'}`;
  const at = (a: IpAddr, port: number): string => (typeof a === 'bigint' ? `[${formatAddr(a)}]:${port}` : `${formatAddr(a)}:${port}`);
  return `${at(p.src, p.sport)} > ${at(p.dst, p.dport)} ${p.proto}`;
}

export function formatOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'replied':
      return 'replied';
    case 'delivered':
      return `delivered to ${o.netns}${o.process ? ` (${o.process})` : ''}`;
    case 'dropped':
      return `dropped in ${o.netns} on the ${o.leg} by ${o.by.table} ${o.by.chain} ${o.by.num === 0 ? 'policy' : `rule ${o.by.num}`}: ${o.by.text}`;
    case 'rejected':
      return `rejected (${o.with}) in ${o.netns} on the ${o.leg} by ${o.by.table} ${o.by.chain} rule ${o.by.num}: ${o.by.text}`;
    case 'port-closed':
      return `port closed in ${o.netns}`;
    case 'no-route':
      return `no route in ${o.netns} on the ${o.leg}`;
    case 'no-neighbour':
      return `no ARP answer for ${o.addr} on ${o.netns} ${o.iface} (${o.leg})`;
    case 'ttl-exceeded':
      return `TTL exceeded in ${o.netns} on the ${o.leg}: ICMP time exceeded from ${o.from}`;
    case 'forwarding-disabled':
      return `${o.netns} does not forward (net.ipv4.ip_forward = 0) on the ${o.leg}`;
    case 'lost':
      return `lost in ${o.netns} on the ${o.leg}: ${o.reason}`;
  }
}
