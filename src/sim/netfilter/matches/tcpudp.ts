/** The tcp and udp matches (`-p tcp --dport 80` loads them implicitly). */
import { paramError } from '../errors.ts';
import type { TcpFlag } from '../packet.ts';
import { type PortProto, parsePortRange, portText } from './ports.ts';
import type { Match, MatchBuilder, MatchInput, MatchModule, RuleContext } from './types.ts';

const FLAG_BITS: Record<TcpFlag, number> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32 };
const FLAG_ORDER: readonly TcpFlag[] = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG'];

function parseFlags(text: string): number {
  let bits = 0;
  for (const name of text.split(',')) {
    if (name === 'ALL') bits |= 0x3f;
    else if (name === 'NONE') continue;
    else if (name in FLAG_BITS) bits |= FLAG_BITS[name as TcpFlag];
    else throw paramError(`Unknown TCP flag \`${name}'`);
  }
  return bits;
}

function flagsText(bits: number): string {
  const names = FLAG_ORDER.filter((f) => bits & FLAG_BITS[f]);
  return names.length ? names.join(',') : 'NONE';
}

function packetFlags(flags: readonly TcpFlag[] | undefined): number {
  let bits = 0;
  if (flags) for (const f of flags) bits |= FLAG_BITS[f];
  return bits;
}

interface PortMatchData {
  sport: [number, number];
  sportInv: boolean;
  dport: [number, number];
  dportInv: boolean;
  flagMask: number;
  flagCmp: number;
  flagInv: boolean;
}

function rangeSave(opt: string, r: [number, number], inv: boolean): string {
  if (r[0] === 0 && r[1] === 65535) return '';
  return `${inv ? ' !' : ''} --${opt} ${r[0] === r[1] ? r[0] : `${r[0]}:${r[1]}`}`;
}

function rangePrint(name: string, r: [number, number], inv: boolean, proto: PortProto, numeric: boolean): string {
  if (r[0] === 0 && r[1] === 65535 && !inv) return '';
  const i = inv ? '!' : '';
  if (r[0] === r[1]) return ` ${name}:${i}${portText(r[0], proto, numeric)}`;
  return ` ${name}s:${i}${portText(r[0], proto, numeric)}:${portText(r[1], proto, numeric)}`;
}

class PortMatch implements Match {
  readonly name: PortProto;
  private readonly d: PortMatchData;
  constructor(name: PortProto, d: PortMatchData) {
    this.name = name;
    this.d = d;
  }
  save(): string {
    const d = this.d;
    let s = rangeSave('sport', d.sport, d.sportInv) + rangeSave('dport', d.dport, d.dportInv);
    if (d.flagMask || d.flagInv) s += `${d.flagInv ? ' !' : ''} --tcp-flags ${flagsText(d.flagMask)} ${flagsText(d.flagCmp)}`;
    return s;
  }
  print(numeric: boolean): string {
    const d = this.d;
    let s = ` ${this.name}`;
    s += rangePrint('spt', d.sport, d.sportInv, this.name, numeric);
    s += rangePrint('dpt', d.dport, d.dportInv, this.name, numeric);
    if (d.flagMask || d.flagInv) {
      const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
      s += ` flags:${d.flagInv ? '!' : ''}`;
      s += numeric ? `${hex(d.flagMask)}/${hex(d.flagCmp)}` : `${flagsText(d.flagMask)}/${flagsText(d.flagCmp)}`;
    }
    return s;
  }
  test({ packet }: MatchInput): boolean {
    const d = this.d;
    if (packet.proto !== this.name) return false;
    const sp = packet.sport >= d.sport[0] && packet.sport <= d.sport[1];
    if (sp === d.sportInv) return false;
    const dp = packet.dport >= d.dport[0] && packet.dport <= d.dport[1];
    if (dp === d.dportInv) return false;
    if (d.flagMask || d.flagInv) {
      const ok = (packetFlags(packet.tcpFlags) & d.flagMask) === d.flagCmp;
      if (ok === d.flagInv) return false;
    }
    return true;
  }
}

const UDP_OPTIONS: Readonly<Record<string, number>> = { sport: 1, 'source-port': 1, dport: 1, 'destination-port': 1 };
const TCP_OPTIONS: Readonly<Record<string, number>> = { ...UDP_OPTIONS, syn: 0, 'tcp-flags': 2 };

function builder(proto: PortProto): MatchBuilder {
  const d: PortMatchData = {
    sport: [0, 65535],
    sportInv: false,
    dport: [0, 65535],
    dportInv: false,
    flagMask: 0,
    flagCmp: 0,
    flagInv: false,
  };
  const options = proto === 'tcp' ? TCP_OPTIONS : UDP_OPTIONS;
  const seen = new Set<string>();
  return {
    options,
    parse(option, args, invert) {
      const arg = args[0];
      // libxt_tcp/udp refuse a second port option of the same kind.
      const kind = option === 'sport' || option === 'source-port' ? 'source-port' : option === 'dport' || option === 'destination-port' ? 'destination-port' : option;
      if (seen.has(kind) && (kind === 'source-port' || kind === 'destination-port')) throw paramError(`Only one \`--${kind}' allowed`);
      seen.add(kind);
      switch (option) {
        case 'sport':
        case 'source-port':
          d.sport = parsePortRange(arg ?? '', proto);
          d.sportInv = invert;
          break;
        case 'dport':
        case 'destination-port':
          d.dport = parsePortRange(arg ?? '', proto);
          d.dportInv = invert;
          break;
        case 'syn':
          d.flagMask = 0x17; // FIN,SYN,RST,ACK
          d.flagCmp = 0x02;
          d.flagInv = invert;
          break;
        case 'tcp-flags':
          d.flagMask = parseFlags(arg ?? '');
          d.flagCmp = parseFlags(args[1] ?? '');
          d.flagInv = invert;
          break;
      }
    },
    finish(rule: RuleContext) {
      const want = proto === 'tcp' ? 6 : 17;
      if (rule.proto !== want || rule.protoInv)
        throw paramError(`${proto.toUpperCase()} match requires '-p ${proto}'`);
      return new PortMatch(proto, d);
    },
  };
}

export const tcpMatch: MatchModule = { name: 'tcp', families: [4, 6], create: () => builder('tcp') };
export const udpMatch: MatchModule = { name: 'udp', families: [4, 6], create: () => builder('udp') };
