/** `-m multiport --dports/--sports/--ports` (revision 1: lists with ranges, one `!` for all). */
import { paramError } from '../errors.ts';
import { type PortProto, parsePortRange, portText } from './ports.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

type Which = 'sports' | 'dports' | 'ports';

class MultiportMatch implements Match {
  readonly name = 'multiport';
  constructor(
    private readonly which: Which,
    private readonly ranges: readonly (readonly [number, number])[],
    private readonly inv: boolean,
    private readonly proto: PortProto,
  ) {}
  private list(numeric: boolean): string {
    return this.ranges
      .map(([lo, hi]) =>
        lo === hi ? portText(lo, this.proto, numeric) : `${portText(lo, this.proto, numeric)}:${portText(hi, this.proto, numeric)}`,
      )
      .join(',');
  }
  save(): string {
    return `${this.inv ? ' !' : ''} --${this.which} ${this.list(true)}`;
  }
  print(numeric: boolean): string {
    return ` multiport ${this.which} ${this.inv ? ' !' : ''}${this.list(numeric)}`;
  }
  test({ packet }: MatchInput): boolean {
    if (packet.proto !== 'tcp' && packet.proto !== 'udp') return false;
    const inRange = (p: number): boolean => this.ranges.some(([lo, hi]) => p >= lo && p <= hi);
    let hit: boolean;
    if (this.which === 'sports') hit = inRange(packet.sport);
    else if (this.which === 'dports') hit = inRange(packet.dport);
    else hit = inRange(packet.sport) || inRange(packet.dport);
    return hit !== this.inv;
  }
}

/** Protocols multiport accepts, by number. */
const PORT_PROTOS: Record<number, PortProto> = { 6: 'tcp', 17: 'udp', 136: 'udp', 132: 'tcp', 33: 'tcp' };

export const multiportMatch: MatchModule = {
  name: 'multiport',
  families: [4, 6],
  create() {
    let which: Which | undefined;
    let text = '';
    let inv = false;
    return {
      options: { 'source-ports': 1, sports: 1, 'destination-ports': 1, dports: 1, ports: 1 },
      parse(option, args, invert) {
        which = option.startsWith('s') ? 'sports' : option.startsWith('d') ? 'dports' : 'ports';
        text = args[0] ?? '';
        inv = invert;
      },
      finish(rule) {
        const proto = PORT_PROTOS[rule.proto];
        if (!proto || rule.protoInv)
          throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
        if (!which) throw paramError('multiport expection an option');
        const ranges = text.split(',').map((part) => parsePortRange(part, proto));
        if (ranges.length > 15) throw paramError('too many ports specified');
        return new MultiportMatch(which, ranges, inv, proto);
      },
    };
  },
};
