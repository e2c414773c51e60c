/** `-m conntrack --ctstate` and its older alias `-m state --state`. */
import type { CtState } from '../hook.ts';
import { paramError } from '../errors.ts';
import type { Match, MatchInput, MatchModule } from './types.ts';

type StateName = CtState | 'SNAT' | 'DNAT';
/** libxt_conntrack's print order. */
const ORDER: readonly StateName[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

class StateMatch implements Match {
  readonly name: 'conntrack' | 'state';
  private readonly states: ReadonlySet<StateName>;
  private readonly inv: boolean;
  private readonly text: string;
  constructor(name: 'conntrack' | 'state', states: ReadonlySet<StateName>, inv: boolean) {
    this.name = name;
    this.states = states;
    this.inv = inv;
    this.text = ORDER.filter((s) => states.has(s)).join(',');
  }
  save(): string {
    return `${this.inv ? ' !' : ''} --${this.name === 'state' ? 'state' : 'ctstate'} ${this.text}`;
  }
  print(): string {
    return ` ${this.inv ? '! ' : ''}${this.name === 'state' ? 'state' : 'ctstate'} ${this.text}`;
  }
  test(input: MatchInput): boolean {
    let hit = this.states.has(input.ctState);
    if (!hit && this.states.has('SNAT') && input.ctNat.snat) hit = true;
    if (!hit && this.states.has('DNAT') && input.ctNat.dnat) hit = true;
    return hit !== this.inv;
  }
}

function module(name: 'conntrack' | 'state'): MatchModule {
  const option = name === 'state' ? 'state' : 'ctstate';
  const allowed: readonly StateName[] = name === 'state' ? ORDER.slice(0, 5) : ORDER;
  return {
    name,
    families: [4, 6],
    create() {
      let states: Set<StateName> | undefined;
      let inv = false;
      return {
        options: { [option]: 1 },
        parse(_option, args, invert) {
          states = new Set();
          for (const word of (args[0] ?? '').split(',')) {
            if (!(allowed as readonly string[]).includes(word))
              throw paramError(name === 'state' ? `Bad state "${word}"` : `Bad ctstate "${word}"`);
            states.add(word as StateName);
          }
          inv = invert;
        },
        finish() {
          if (!states) throw paramError(name === 'state' ? 'state match: You must specify "--state"' : 'conntrack: At least one option is required');
          return new StateMatch(name, states, inv);
        },
      };
    },
  };
}

export const conntrackMatch = module('conntrack');
export const stateMatch = module('state');
