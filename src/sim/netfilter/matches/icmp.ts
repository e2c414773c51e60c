/** The icmp (IPv4) and icmp6 (IPv6) matches: `--icmp-type` / `--icmpv6-type`. */
import { paramError } from '../errors.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

/** [name, type, codeMin, codeMax] in libxt_icmp.h order (the first hit names a type in -L). */
type Code = readonly [string, number, number, number];

const ICMP: readonly Code[] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];

const ICMP6: readonly Code[] = [
  ['destination-unreachable', 1, 0, 0xff],
  ['no-route', 1, 0, 0],
  ['communication-prohibited', 1, 1, 1],
  ['beyond-scope', 1, 2, 2],
  ['address-unreachable', 1, 3, 3],
  ['port-unreachable', 1, 4, 4],
  ['failed-policy', 1, 5, 5],
  ['reject-route', 1, 6, 6],
  ['packet-too-big', 2, 0, 0xff],
  ['time-exceeded', 3, 0, 0xff],
  ['ttl-exceeded', 3, 0, 0xff],
  ['ttl-zero-during-transit', 3, 0, 0],
  ['ttl-zero-during-reassembly', 3, 1, 1],
  ['parameter-problem', 4, 0, 0xff],
  ['bad-header', 4, 0, 0],
  ['unknown-header-type', 4, 1, 1],
  ['unknown-option', 4, 2, 2],
  ['echo-request', 128, 0, 0xff],
  ['ping', 128, 0, 0xff],
  ['echo-reply', 129, 0, 0xff],
  ['pong', 129, 0, 0xff],
  ['router-solicitation', 133, 0, 0xff],
  ['router-advertisement', 134, 0, 0xff],
  ['neighbour-solicitation', 135, 0, 0xff],
  ['neighbor-solicitation', 135, 0, 0xff],
  ['neighbour-advertisement', 136, 0, 0xff],
  ['neighbor-advertisement', 136, 0, 0xff],
  ['redirect', 137, 0, 0xff],
];

interface IcmpData {
  type: number;
  codeMin: number;
  codeMax: number;
  inv: boolean;
}

class IcmpMatch implements Match {
  constructor(
    readonly name: 'icmp' | 'icmp6',
    private readonly d: IcmpData,
  ) {}
  save(): string {
    const d = this.d;
    const opt = this.name === 'icmp' ? '--icmp-type' : '--icmpv6-type';
    const inv = d.inv ? ' !' : '';
    if (this.name === 'icmp' && d.type === 0xff) return `${inv} ${opt} any`;
    const code = d.codeMin !== 0 || d.codeMax !== 0xff ? `/${d.codeMin}` : '';
    return `${inv} ${opt} ${d.type}${code}`;
  }
  print(numeric: boolean): string {
    const d = this.d;
    let s = this.name === 'icmp' ? ' icmp' : ' ipv6-icmp';
    if (!numeric) {
      const hit = (this.name === 'icmp' ? ICMP : ICMP6).find(([, t, lo, hi]) => t === d.type && lo === d.codeMin && hi === d.codeMax);
      if (hit) return `${s} ${d.inv ? '!' : ''}${hit[0]}`;
    }
    if (d.inv) s += ' !';
    s += `type ${d.type}`;
    if (d.codeMin === d.codeMax) s += ` code ${d.codeMin}`;
    else if (d.codeMin !== 0 || d.codeMax !== 0xff) s += ` codes ${d.codeMin}-${d.codeMax}`;
    return s;
  }
  test({ packet }: MatchInput): boolean {
    const d = this.d;
    if (packet.proto !== 'icmp' || packet.icmpType === undefined) return false;
    const code = packet.icmpCode ?? 0;
    const hit = d.type === 0xff || (packet.icmpType === d.type && code >= d.codeMin && code <= d.codeMax);
    return hit !== d.inv;
  }
}

function module(name: 'icmp' | 'icmp6'): MatchModule {
  const table = name === 'icmp' ? ICMP : ICMP6;
  const option = name === 'icmp' ? 'icmp-type' : 'icmpv6-type';
  return {
    name,
    families: name === 'icmp' ? [4] : [6],
    create() {
      // Without --icmp-type the match is `any` (type 0xFF).
      let d: IcmpData = { type: 0xff, codeMin: 0, codeMax: 0xff, inv: false };
      return {
        options: { [option]: 1 },
        parse(_o, args, inv) {
          const text = args[0] ?? '';
          const named = table.find(([n]) => n === text);
          if (named) {
            d = { type: named[1], codeMin: named[2], codeMax: named[3], inv };
            return;
          }
          const m = /^(\d+)(?:\/(\d+))?$/.exec(text);
          if (!m || Number(m[1]) > 255 || (m[2] !== undefined && Number(m[2]) > 255))
            throw paramError(name === 'icmp' ? `Unknown ICMP type \`${text}'` : `Unknown ICMPv6 type \`${text}'`);
          const code = m[2] === undefined ? undefined : Number(m[2]);
          d = { type: Number(m[1]), codeMin: code ?? 0, codeMax: code ?? 0xff, inv };
        },
        finish() {
          return new IcmpMatch(name, d);
        },
      };
    },
  };
}

export const icmpMatch = module('icmp');
export const icmp6Match = module('icmp6');
