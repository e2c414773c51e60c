/** `-m mark --mark VALUE[/MASK]`: the packet's fwmark. */
import { paramError } from '../errors.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

const hex = (n: number): string => `0x${n.toString(16)}`;

class MarkMatch implements Match {
  readonly name = 'mark';
  constructor(
    private readonly mark: number,
    private readonly mask: number,
    private readonly inv: boolean,
  ) {}
  private value(): string {
    return this.mask === 0xffffffff ? hex(this.mark) : `${hex(this.mark)}/${hex(this.mask)}`;
  }
  save(): string {
    return `${this.inv ? ' !' : ''} --mark ${this.value()}`;
  }
  print(): string {
    return ` mark match${this.inv ? ' !' : ''} ${this.value()}`;
  }
  test(input: MatchInput): boolean {
    return (((input.mark & this.mask) >>> 0) === this.mark) !== this.inv;
  }
}

function parseU32(text: string): number | undefined {
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 0xffffffff ? n : undefined;
}

export const markMatch: MatchModule = {
  name: 'mark',
  families: [4, 6],
  create() {
    let parsed: MarkMatch | undefined;
    return {
      options: { mark: 1 },
      parse(_o, args, inv) {
        const [v, m] = (args[0] ?? '').split('/');
        const mark = parseU32(v ?? '');
        const mask = m === undefined ? 0xffffffff : parseU32(m);
        if (mark === undefined || mask === undefined) throw paramError(`mark: bad value for option "--mark", or out of range (0-4294967295).`);
        parsed = new MarkMatch(mark, mask, inv);
      },
      finish() {
        if (!parsed) throw paramError('mark: option "--mark" must be specified');
        return parsed;
      },
    };
  },
};
