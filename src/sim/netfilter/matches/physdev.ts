/** `-m physdev`: the bridge ports of a bridged frame (br_netfilter). */
import { paramError } from '../errors.ts';
import { type IfaceSpec, ifaceMatches, parseIface } from './iface.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

interface Flag {
  inv: boolean;
}

interface PhysdevData {
  isIn?: Flag;
  in?: IfaceSpec & Flag;
  isOut?: Flag;
  out?: IfaceSpec & Flag;
  bridged?: Flag;
}

const bang = (f: Flag): string => (f.inv ? ' !' : '');

class PhysdevMatch implements Match {
  readonly name = 'physdev';
  constructor(private readonly d: PhysdevData) {}
  save(): string {
    const d = this.d;
    let s = '';
    if (d.isIn) s += `${bang(d.isIn)} --physdev-is-in`;
    if (d.in) s += `${bang(d.in)} --physdev-in ${d.in.text}`;
    if (d.isOut) s += `${bang(d.isOut)} --physdev-is-out`;
    if (d.out) s += `${bang(d.out)} --physdev-out ${d.out.text}`;
    if (d.bridged) s += `${bang(d.bridged)} --physdev-is-bridged`;
    return s;
  }
  print(): string {
    return ` PHYSDEV match${this.save()}`;
  }
  test({ place }: MatchInput): boolean {
    const d = this.d;
    // Like xt_physdev: a frame that is not bridged has no physdev information.
    if (!place.bridged && !place.physIn && !place.physOut) {
      if (d.bridged && !d.bridged.inv) return false;
      if (d.isIn && !d.isIn.inv) return false;
      if (d.isOut && !d.isOut.inv) return false;
      if (d.in && !d.in.inv) return false;
      if (d.out && !d.out.inv) return false;
      return true;
    }
    if (d.bridged && (place.physOut !== undefined) === d.bridged.inv) return false;
    if (d.isIn && (place.physIn !== undefined) === d.isIn.inv) return false;
    if (d.isOut && (place.physOut !== undefined) === d.isOut.inv) return false;
    if (d.in && ifaceMatches(d.in, place.physIn) === d.in.inv) return false;
    if (d.out && ifaceMatches(d.out, place.physOut) === d.out.inv) return false;
    return true;
  }
}

export const physdevMatch: MatchModule = {
  name: 'physdev',
  families: [4, 6],
  create() {
    const d: PhysdevData = {};
    return {
      options: { 'physdev-in': 1, 'physdev-out': 1, 'physdev-is-in': 0, 'physdev-is-out': 0, 'physdev-is-bridged': 0 },
      parse(option, args, inv) {
        switch (option) {
          case 'physdev-in':
            d.in = { ...parseIface(args[0] ?? ''), inv };
            break;
          case 'physdev-out':
            d.out = { ...parseIface(args[0] ?? ''), inv };
            break;
          case 'physdev-is-in':
            d.isIn = { inv };
            break;
          case 'physdev-is-out':
            d.isOut = { inv };
            break;
          default:
            d.bridged = { inv };
        }
      },
      finish() {
        if (!d.in && !d.out && !d.isIn && !d.isOut && !d.bridged) throw paramError('PHYSDEV: no physdev option specified');
        return new PhysdevMatch(d);
      },
    };
  },
};
