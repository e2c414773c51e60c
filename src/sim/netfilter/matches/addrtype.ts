/** `-m addrtype --src-type/--dst-type`: the kernel's address type of src/dst in this netns. */
import { paramError } from '../errors.ts';
import type { AddrType } from '../packet.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

/** Bit order of XT_ADDRTYPE_*, which is also the print order. */
const TYPES: readonly AddrType[] = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];

interface Side {
  types: ReadonlySet<AddrType>;
  inv: boolean;
}

const list = (s: Side): string => TYPES.filter((t) => s.types.has(t)).join(',');

class AddrtypeMatch implements Match {
  readonly name = 'addrtype';
  constructor(
    private readonly src: Side | undefined,
    private readonly dst: Side | undefined,
    private readonly limitIn: boolean,
    private readonly limitOut: boolean,
  ) {}
  save(): string {
    let s = '';
    if (this.src) s += `${this.src.inv ? ' !' : ''} --src-type ${list(this.src)}`;
    if (this.dst) s += `${this.dst.inv ? ' !' : ''} --dst-type ${list(this.dst)}`;
    if (this.limitIn) s += ' --limit-iface-in';
    if (this.limitOut) s += ' --limit-iface-out';
    return s;
  }
  print(): string {
    let s = ' ADDRTYPE match';
    if (this.src) s += ` src-type ${this.src.inv ? '!' : ''}${list(this.src)}`;
    if (this.dst) s += ` dst-type ${this.dst.inv ? '!' : ''}${list(this.dst)}`;
    if (this.limitIn) s += ' limit-in';
    if (this.limitOut) s += ' limit-out';
    return s;
  }
  test(input: MatchInput): boolean {
    // --limit-iface-in/out would restrict the lookup to one device; the model's
    // address types are per namespace, which gives the same answer for local addresses.
    if (this.src && this.src.types.has(input.addrType(input.packet.src)) === this.src.inv) return false;
    if (this.dst && this.dst.types.has(input.addrType(input.packet.dst)) === this.dst.inv) return false;
    return true;
  }
}

export const addrtypeMatch: MatchModule = {
  name: 'addrtype',
  families: [4, 6],
  create() {
    let src: Side | undefined;
    let dst: Side | undefined;
    let limitIn = false;
    let limitOut = false;
    const parseTypes = (text: string): Set<AddrType> => {
      const set = new Set<AddrType>();
      for (const word of text.split(',')) {
        const t = TYPES.find((x) => x === word.toUpperCase());
        if (!t) throw paramError(`addrtype: bad type "${word}"`);
        set.add(t);
      }
      return set;
    };
    return {
      options: { 'src-type': 1, 'dst-type': 1, 'limit-iface-in': 0, 'limit-iface-out': 0 },
      parse(option, args, invert) {
        if (option === 'src-type') src = { types: parseTypes(args[0] ?? ''), inv: invert };
        else if (option === 'dst-type') dst = { types: parseTypes(args[0] ?? ''), inv: invert };
        else if (option === 'limit-iface-in') limitIn = true;
        else limitOut = true;
      },
      finish() {
        if (!src && !dst) throw paramError('addrtype: you must specify --src-type or --dst-type');
        return new AddrtypeMatch(src, dst, limitIn, limitOut);
      },
    };
  },
};
