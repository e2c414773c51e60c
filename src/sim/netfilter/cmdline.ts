/**
 * The iptables command line as xshared.c's do_parse() reads it with getopt_long:
 * commands and options in any order, bundled short options (`-nvL`), `!` before
 * the option it inverts, match options merged in as `-m NAME` loads them, the
 * protocol match loaded on demand (`-p tcp --dport 80`), then the checks in the
 * order the real tool makes them, so the first error is the same one.
 */
import { type Net, parseNet } from './addr.ts';
import { paramError } from './errors.ts';
import { findMatch, protocolMatch } from './matches/index.ts';
import type { Match, MatchBuilder } from './matches/index.ts';
import { parseIface } from './matches/iface.ts';
import type { RuleSpec, RuleTarget } from './rule.ts';
import { protocolNumber } from './services.ts';
import { findTarget, isTargetName, type TargetBuilder } from './targets.ts';

export const CMD = {
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME_CHAIN: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;
const CMD_CHARS = ['I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'];

export const OPT = {
  NUMERIC: 1 << 0,
  SOURCE: 1 << 1,
  DESTINATION: 1 << 2,
  PROTOCOL: 1 << 3,
  JUMP: 1 << 4,
  VERBOSE: 1 << 5,
  EXPANDED: 1 << 6,
  VIANAMEIN: 1 << 7,
  VIANAMEOUT: 1 << 8,
  LINENUMBERS: 1 << 9,
  COUNTERS: 1 << 10,
  FRAGMENT: 1 << 11,
} as const;
const OPT_CHARS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
const INVERTIBLE = OPT.SOURCE | OPT.DESTINATION | OPT.PROTOCOL | OPT.VIANAMEIN | OPT.VIANAMEOUT | OPT.FRAGMENT;

/** commands_v_options of xshared.c for the 12 IP options: 'x' illegal. */
const LEGAL: Record<number, string> = {
  [CMD.INSERT]: 'x     x  x  ',
  [CMD.DELETE]: 'x     x  xx ',
  [CMD.DELETE_NUM]: 'xxxxx xxxxxx',
  [CMD.REPLACE]: 'x     x  x  ',
  [CMD.APPEND]: 'x     x  x  ',
  [CMD.LIST]: ' xxxx  xx xx',
  [CMD.FLUSH]: 'xxxxx xxxxxx',
  [CMD.ZERO]: 'xxxxx xxxxxx',
  [CMD.NEW_CHAIN]: 'xxxxx xxxxxx',
  [CMD.DELETE_CHAIN]: 'xxxxx xxxxxx',
  [CMD.SET_POLICY]: 'xxxxx xxxx x',
  [CMD.RENAME_CHAIN]: 'xxxxx xxxxxx',
  [CMD.LIST_RULES]: 'xxxxx xxxxxx',
  [CMD.ZERO_NUM]: 'xxxxx xxxxxx',
  [CMD.CHECK]: 'x     x  xx ',
};

type ArgKind = 0 | 1 | 2; // none, required, optional (attached only)

const SHORT: Record<string, ArgKind> = {
  A: 1, C: 1, D: 1, R: 1, I: 1, L: 2, S: 2, M: 1, F: 2, Z: 2, N: 1, X: 2, E: 1, P: 1, V: 0, h: 2,
  o: 1, p: 1, s: 1, d: 1, j: 1, i: 1, f: 0, b: 0, v: 0, w: 2, W: 2, n: 0, t: 1, m: 1, x: 0, c: 1, g: 1, '4': 0, '6': 0,
};

const LONG: readonly (readonly [string, ArgKind, string])[] = [
  ['append', 1, 'A'], ['delete', 1, 'D'], ['check', 1, 'C'], ['insert', 1, 'I'], ['replace', 1, 'R'],
  ['list', 2, 'L'], ['list-rules', 2, 'S'], ['flush', 2, 'F'], ['zero', 2, 'Z'], ['new-chain', 1, 'N'],
  ['delete-chain', 2, 'X'], ['rename-chain', 1, 'E'], ['policy', 1, 'P'], ['source', 1, 's'],
  ['destination', 1, 'd'], ['src', 1, 's'], ['dst', 1, 'd'], ['protocol', 1, 'p'], ['in-interface', 1, 'i'],
  ['jump', 1, 'j'], ['table', 1, 't'], ['match', 1, 'm'], ['numeric', 0, 'n'], ['out-interface', 1, 'o'],
  ['verbose', 0, 'v'], ['wait', 2, 'w'], ['wait-interval', 2, 'W'], ['exact', 0, 'x'], ['fragments', 0, 'f'],
  ['version', 0, 'V'], ['help', 2, 'h'], ['line-numbers', 0, '0'], ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'], ['goto', 1, 'g'], ['ipv4', 0, '4'], ['ipv6', 0, '6'],
];

export interface ParsedCommand {
  command: number;
  chain?: string;
  newName?: string;
  policy?: string;
  ruleNum: number;
  table: string;
  options: number;
  verbose: number;
  spec: RuleSpec;
  /** `-c P B` given with the rule. */
  counters?: { packets: number; bytes: number };
  /** -j/-g argument that is not an extension target: a chain (existence checked later). */
  jumpChain?: string;
  /** `-V` was given: print the version and stop. */
  version?: boolean;
  /** `-h`: the help text (not modelled). */
  help?: boolean;
  /** -4 with ip6tables-restore (or -6 with iptables-restore): the line is ignored. */
  ignored?: boolean;
}

interface LoadedMatch {
  name: string;
  builder: MatchBuilder;
}

/** One parsed option as getopt_long hands it over. */
interface Opt {
  /** Short option letter, '0' for --line-numbers, or `--name` for an extension's long option. */
  key: string;
  arg?: string;
  /** How the user spelled it (for error messages). */
  spelled: string;
}

function parseRuleNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 0x7fffffff)
    throw paramError(`Invalid rule number \`${text}'`);
  return Number(text);
}

const hasArg = (argv: readonly string[], i: number): boolean =>
  i < argv.length && !argv[i].startsWith('-') && !argv[i].startsWith('!');

/**
 * Parses argv (without the program name). `restore` is set for lines of
 * iptables-restore (then -t is refused and the table comes from `*table`).
 */
export function parseCommand(argv: readonly string[], family: 4 | 6, defaultTable: string, restore: boolean): ParsedCommand {
  return new CommandLineParser(argv, family, defaultTable, restore).parse();
}

/** An extension's long option: its name, how many arguments it takes, and the match or target that takes it. */
interface ExtOption {
  name: string;
  n: number;
  owner: MatchBuilder | TargetBuilder;
}

/**
 * One command line's parse: getopt_long's position and the rule being built.
 * A class rather than closures inside parseCommand: Docker programs a dozen rules
 * for every container, and closures made afresh for each line showed in its profile.
 */
class CommandLineParser {
  private readonly p: ParsedCommand;
  private readonly spec: RuleSpec;
  private readonly loaded: LoadedMatch[] = [];
  /** Matches and the target in the order they were loaded. */
  private readonly loadOrder: (MatchBuilder | TargetBuilder)[] = [];
  private target: { name: string; builder: TargetBuilder } | undefined;
  private invert = false;
  private srcText: string | undefined;
  private dstText: string | undefined;
  private jumpTo: string | undefined;
  private isGoto = false;
  private protoText: string | undefined;
  private i = 0;
  /** Characters left of a bundle of short options (`-nvL`). */
  private bundle = '';
  private nonopt = '';

  constructor(
    private readonly argv: readonly string[],
    private readonly family: 4 | 6,
    defaultTable: string,
    private readonly restore: boolean,
  ) {
    this.spec = {
      family,
      srcInv: false,
      dstInv: false,
      inInv: false,
      outInv: false,
      proto: 0,
      protoInv: false,
      matches: [],
      target: { kind: 'none' },
    };
    this.p = { command: 0, ruleNum: 0, table: defaultTable, options: 0, verbose: 0, spec: this.spec };
  }

  private addCommand(cmd: number, others: number): void {
    if (this.invert) throw paramError("unexpected '!' flag");
    const clash = this.p.command & ~others;
    if (clash) throw paramError(`Cannot use -${cmdChar(cmd)} with -${cmdChar(clash)}`);
    this.p.command |= cmd;
  }

  private setOption(opt: number): void {
    if (this.p.options & opt) throw paramError(`multiple -${optChar(opt)} flags not allowed`);
    this.p.options |= opt;
    if (this.invert && !(INVERTIBLE & opt)) throw paramError(`cannot have ! before -${optChar(opt)}`);
  }

  private optionalArg(attached: string | undefined): string | undefined {
    if (attached !== undefined) return attached;
    if (hasArg(this.argv, this.i)) return this.argv[this.i++];
    return undefined;
  }

  /**
   * The loaded extensions' long option of that exact name, newest extension first:
   * xtables merges each new extension's options in front, so with two `-m comment`
   * each --comment goes to the latest one.
   */
  private extOption(name: string): ExtOption | undefined {
    for (let k = this.loadOrder.length - 1; k >= 0; k--) {
      const owner = this.loadOrder[k];
      const n = Object.hasOwn(owner.options, name) ? owner.options[name] : undefined;
      if (n !== undefined) return { name, n, owner };
    }
    return undefined;
  }

  /** getopt_long's abbreviation: the one extension option that starts with `prefix`. */
  private extOptionByPrefix(prefix: string): ExtOption | undefined {
    if (!prefix) return undefined;
    let hit: ExtOption | undefined;
    for (let k = this.loadOrder.length - 1; k >= 0; k--) {
      const owner = this.loadOrder[k];
      for (const [name, n] of Object.entries(owner.options)) {
        if (!name.startsWith(prefix)) continue;
        if (hit) return undefined;
        hit = { name, n, owner };
      }
    }
    return hit;
  }

  private nextOpt(): Opt | 'nonopt' | undefined {
    const argv = this.argv;
    if (this.bundle) {
      const c = this.bundle[0];
      this.bundle = this.bundle.slice(1);
      return this.shortOpt(c, `-${c}`);
    }
    if (this.i >= argv.length) return undefined;
    const word = argv[this.i++];
    if (word === '--') return undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : word.slice(eq + 1);
      const core = lookupLong(name);
      if (core) {
        const [, kind, key] = core;
        if (kind === 1) {
          const arg = inline ?? (this.i < argv.length ? argv[this.i++] : undefined);
          if (arg === undefined) throw paramError(`option "${word}" requires an argument`);
          return { key, arg, spelled: word };
        }
        return { key, arg: inline, spelled: word };
      }
      const hit = this.extOption(name) ?? this.extOptionByPrefix(name);
      if (hit) return { key: `--${hit.name}`, arg: inline, spelled: word };
      return { key: '?', spelled: word };
    }
    if (word.startsWith('-') && word.length > 1) {
      this.bundle = word.slice(1);
      const c = this.bundle[0];
      this.bundle = this.bundle.slice(1);
      return this.shortOpt(c, word);
    }
    this.nonopt = word;
    return 'nonopt';
  }

  private shortOpt(c: string, spelled: string): Opt {
    const kind = SHORT[c];
    if (kind === undefined) return { key: '?', spelled: `-${c}` };
    if (kind === 0) return { key: c, spelled };
    if (this.bundle) {
      const arg = this.bundle;
      this.bundle = '';
      return { key: c, arg, spelled };
    }
    if (kind === 2) return { key: c, spelled };
    if (this.i >= this.argv.length) throw paramError(`option "-${c}" requires an argument`);
    return { key: c, arg: this.argv[this.i++], spelled };
  }

  parse(): ParsedCommand {
    const { argv, family, restore, p, spec } = this;
    for (;;) {
      const o = this.nextOpt();
      if (o === undefined) break;
      if (o === 'nonopt') {
        if (this.nonopt === '!') {
          if (this.invert) throw paramError('multiple consecutive ! not allowed');
          this.invert = true;
          continue;
        }
        throw new BadArgument(this.nonopt);
      }
      const arg = o.arg;
      switch (o.key) {
        case 'A':
          this.addCommand(CMD.APPEND, 0);
          p.chain = arg;
          break;
        case 'C':
          this.addCommand(CMD.CHECK, 0);
          p.chain = arg;
          break;
        case 'D':
          this.addCommand(CMD.DELETE, 0);
          p.chain = arg;
          if (hasArg(argv, this.i)) {
            p.ruleNum = parseRuleNumber(argv[this.i++]);
            p.command = CMD.DELETE_NUM;
          }
          break;
        case 'R':
          this.addCommand(CMD.REPLACE, 0);
          p.chain = arg;
          if (hasArg(argv, this.i)) p.ruleNum = parseRuleNumber(argv[this.i++]);
          else throw paramError('-R requires a rule number');
          break;
        case 'I':
          this.addCommand(CMD.INSERT, 0);
          p.chain = arg;
          p.ruleNum = hasArg(argv, this.i) ? parseRuleNumber(argv[this.i++]) : 1;
          break;
        case 'L':
        case 'S': {
          this.addCommand(o.key === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM);
          const chain = this.optionalArg(arg);
          if (chain !== undefined) p.chain = chain;
          if (hasArg(argv, this.i)) p.ruleNum = parseRuleNumber(argv[this.i++]);
          break;
        }
        case 'F': {
          this.addCommand(CMD.FLUSH, 0);
          const chain = this.optionalArg(arg);
          if (chain !== undefined) p.chain = chain;
          break;
        }
        case 'Z': {
          this.addCommand(CMD.ZERO, CMD.LIST | CMD.LIST_RULES);
          const chain = this.optionalArg(arg);
          if (chain !== undefined) p.chain = chain;
          if (hasArg(argv, this.i)) {
            p.ruleNum = parseRuleNumber(argv[this.i++]);
            p.command = (p.command & ~CMD.ZERO) | CMD.ZERO_NUM;
          }
          break;
        }
        case 'N':
          assertValidChainName(arg ?? '');
          this.addCommand(CMD.NEW_CHAIN, 0);
          p.chain = arg;
          break;
        case 'X': {
          this.addCommand(CMD.DELETE_CHAIN, 0);
          const chain = this.optionalArg(arg);
          if (chain !== undefined) p.chain = chain;
          break;
        }
        case 'E':
          this.addCommand(CMD.RENAME_CHAIN, 0);
          p.chain = arg;
          if (hasArg(argv, this.i)) p.newName = argv[this.i++];
          else throw paramError('-E requires old-chain-name and new-chain-name');
          break;
        case 'P':
          this.addCommand(CMD.SET_POLICY, 0);
          p.chain = arg;
          if (hasArg(argv, this.i)) p.policy = argv[this.i++];
          else throw paramError('-P requires a chain and a policy');
          break;
        case 'h':
          p.help = true;
          return p;
        case 'V':
          p.version = true;
          return p;
        case 'p': {
          this.setOption(OPT.PROTOCOL);
          const text = (arg ?? '').toLowerCase();
          this.protoText = text;
          spec.proto = parseProtocol(text);
          spec.protoInv = this.invert;
          if (spec.proto === 0 && this.invert) throw paramError('rule would never match protocol');
          break;
        }
        case 's':
          this.setOption(OPT.SOURCE);
          spec.srcInv = this.invert;
          this.srcText = arg;
          break;
        case 'd':
          this.setOption(OPT.DESTINATION);
          spec.dstInv = this.invert;
          this.dstText = arg;
          break;
        case 'g':
          this.setOption(OPT.JUMP);
          this.isGoto = true;
          this.jumpTo = parseTargetName(arg ?? '');
          break;
        case 'j': {
          this.setOption(OPT.JUMP);
          this.jumpTo = parseTargetName(arg ?? '');
          const make = findTarget(this.jumpTo, family);
          if (make) {
            this.target = { name: this.jumpTo, builder: make() };
            this.loadOrder.push(this.target.builder);
          }
          break;
        }
        case 'i':
        case 'o': {
          if ((arg ?? '') === '') throw paramError('Empty interface is likely to be undesired');
          if ((arg ?? '').length > 15) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
          this.setOption(o.key === 'i' ? OPT.VIANAMEIN : OPT.VIANAMEOUT);
          if (o.key === 'i') {
            spec.inIface = parseIface(arg ?? '');
            spec.inInv = this.invert;
          } else {
            spec.outIface = parseIface(arg ?? '');
            spec.outInv = this.invert;
          }
          break;
        }
        case 'f':
          if (family === 6) throw paramError("`-f' is not supported in IPv6, use -m frag instead");
          this.setOption(OPT.FRAGMENT);
          break;
        case 'v':
          if (!p.verbose) this.setOption(OPT.VERBOSE);
          p.verbose++;
          break;
        case 'm': {
          if (this.invert) throw paramError('unexpected ! flag before --match');
          const mod = findMatch(arg ?? '', family);
          if (!mod) throw paramError(`Couldn't load match \`${arg ?? ''}':No such file or directory\n`);
          this.loadMatch(mod.name, mod.create(family));
          break;
        }
        case 'n':
          this.setOption(OPT.NUMERIC);
          break;
        case 't':
          if (this.invert) throw paramError('unexpected ! flag before --table');
          if (restore) throw paramError(`The -t option cannot be used in ${family === 4 ? 'iptables' : 'ip6tables'}-restore.\n`);
          p.table = arg ?? '';
          break;
        case 'x':
          this.setOption(OPT.EXPANDED);
          break;
        case 'w':
        case 'W':
          if (restore) throw paramError(`You cannot use \`-${o.key}' from ${family === 4 ? 'iptables' : 'ip6tables'}-restore`);
          this.optionalArg(arg);
          break;
        case '0':
          this.setOption(OPT.LINENUMBERS);
          break;
        case 'M':
          break;
        case 'c': {
          this.setOption(OPT.COUNTERS);
          const pc = arg ?? '';
          let bc: string | undefined;
          const comma = pc.indexOf(',', 1);
          const pcText = comma >= 0 ? pc.slice(0, comma) : pc;
          if (comma >= 0) bc = pc.slice(comma + 1);
          if (bc === undefined && hasArg(argv, this.i)) bc = argv[this.i++];
          if (bc === undefined) throw paramError('-c requires packet and byte counter');
          const pn = /^\d+/.exec(pcText);
          if (!pn) throw paramError('-c packet counter not numeric');
          const bn = /^\d+/.exec(bc);
          if (!bn) throw paramError('-c byte counter not numeric');
          p.counters = { packets: Number(pn[0]), bytes: Number(bn[0]) };
          break;
        }
        case '4':
        case '6':
          if ((o.key === '4') === (family === 4)) break;
          if (restore) {
            p.ignored = true;
            return p;
          }
          throw new BadArgument('');
        default: {
          // An extension's option, or one that loads the protocol match.
          if (o.key.startsWith('--')) {
            const name = o.key.slice(2);
            const hit = this.extOption(name);
            if (hit) {
              const args: string[] = [];
              if (hit.n >= 1) {
                const first = o.arg ?? (this.i < argv.length ? argv[this.i++] : undefined);
                if (first === undefined) throw paramError(`option "${o.spelled}" requires an argument`);
                args.push(first);
              }
              for (let k = 1; k < hit.n; k++) {
                if (!hasArg(argv, this.i)) throw paramError(`--${name} requires ${hit.n} args`);
                args.push(argv[this.i++]);
              }
              hit.owner.parse(name, args, this.invert);
              this.invert = false;
              continue;
            }
          }
          const proto = this.protoText !== undefined ? protocolMatch(spec.proto, family) : undefined;
          if (proto && o.spelled.startsWith('--') && !this.loaded.some((m) => m.name === proto.name)) {
            this.loadMatch(proto.name, proto.create(family));
            // Re-read this option now that the protocol's options are known.
            this.i--;
            this.bundle = '';
            continue;
          }
          throw paramError(`unknown option "${o.spelled}"`);
        }
      }
      this.invert = false;
    }
    return this.finish();
  }

  private loadMatch(name: string, builder: MatchBuilder): void {
    this.loaded.push({ name, builder });
    this.loadOrder.push(builder);
  }

  /** After the last option: the matches and target built, then the checks do_parse makes at the end. */
  private finish(): ParsedCommand {
    const { family, p, spec, jumpTo, isGoto } = this;
    if (p.table === 'nat' && (p.policy === 'DROP' || jumpTo === 'DROP'))
      throw paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');

    const ruleCtx = { family, proto: spec.proto, protoInv: spec.protoInv };
    const matches: Match[] = this.loaded.map((m) => m.builder.finish(ruleCtx));
    spec.matches = matches;
    let ruleTarget: RuleTarget = { kind: 'none' };
    if (this.target) ruleTarget = { kind: 'ext', ext: this.target.builder.finish(ruleCtx) };
    else if (jumpTo !== undefined) {
      if (jumpTo === 'ACCEPT' || jumpTo === 'DROP' || jumpTo === 'RETURN') {
        ruleTarget = isGoto ? { kind: 'goto', chain: jumpTo } : { kind: 'verdict', verdict: jumpTo };
      } else {
        ruleTarget = isGoto ? { kind: 'goto', chain: jumpTo } : { kind: 'jump', chain: jumpTo };
        p.jumpChain = jumpTo;
      }
    }
    spec.target = ruleTarget;

    if (!p.command) throw paramError('no command specified');
    if (this.invert) throw paramError('nothing appropriate following !');

    // post_parse: addresses.
    if (this.srcText !== undefined) spec.src = netOrThrow(this.srcText, family);
    if (this.dstText !== undefined) spec.dst = netOrThrow(this.dstText, family);

    genericOptCheck(p.command, p.options);
    if (p.chain !== undefined && p.chain.length >= 29)
      throw paramError(`chain name \`${p.chain}' too long (must be under 29 chars)`);
    const ruleCmd = CMD.APPEND | CMD.DELETE | CMD.DELETE_NUM | CMD.CHECK | CMD.INSERT | CMD.REPLACE;
    if (p.command & ruleCmd) {
      if ((p.chain === 'PREROUTING' || p.chain === 'INPUT') && p.options & OPT.VIANAMEOUT)
        throw paramError(`Can't use -o with ${p.chain}\n`);
      if ((p.chain === 'POSTROUTING' || p.chain === 'OUTPUT') && p.options & OPT.VIANAMEIN)
        throw paramError(`Can't use -i with ${p.chain}\n`);
    }
    return p;
  }
}

/** "Bad argument `x'" is printed without the program prefix. */
export class BadArgument extends Error {
  readonly arg: string;
  constructor(arg: string) {
    super(`Bad argument \`${arg}'`);
    this.arg = arg;
  }
}

function netOrThrow(text: string, family: 4 | 6): Net {
  const r = parseNet(text, family);
  if (typeof r === 'string') throw paramError(r);
  return r;
}

const LONG_BY_NAME: ReadonlyMap<string, (typeof LONG)[number]> = new Map(LONG.map((o) => [o[0], o]));

function lookupLong(name: string): (typeof LONG)[number] | undefined {
  const exact = LONG_BY_NAME.get(name);
  if (exact) return exact;
  if (!name) return undefined;
  // getopt_long takes an abbreviation when all candidates mean the same option.
  let first: (typeof LONG)[number] | undefined;
  for (const option of LONG) {
    if (!option[0].startsWith(name)) continue;
    if (first && option[2] !== first[2]) return undefined;
    first ??= option;
  }
  return first;
}

function cmdChar(cmd: number): string {
  let idx = 0;
  while (cmd > 1) {
    cmd >>= 1;
    idx++;
  }
  return CMD_CHARS[idx] ?? '?';
}

function optChar(opt: number): string {
  let idx = 0;
  while (opt > 1) {
    opt >>= 1;
    idx++;
  }
  return OPT_CHARS[idx] ?? '?';
}

function genericOptCheck(command: number, options: number): void {
  for (let o = 0; o < OPT_CHARS.length; o++) {
    if (!(options & (1 << o))) continue;
    let legal = 0;
    for (let c = 0; c < CMD_CHARS.length; c++) {
      if (!(command & (1 << c))) continue;
      const row = LEGAL[1 << c];
      if (row[o] !== 'x') legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw paramError(`Illegal option \`-${OPT_CHARS[o]}' with this command`);
  }
}

function parseTargetName(name: string): string {
  if (name.length < 1) throw paramError('Invalid target name (too short)');
  if (name.length >= 29) throw paramError(`Invalid target name \`${name}' (28 chars max)`);
  if (/\s/.test(name)) throw paramError(`Invalid target name \`${name}'`);
  return name;
}

/** xtables_chain_protos, the names xtables knows before /etc/protocols. */
const BUILTIN_PROTOCOLS: ReadonlyMap<string, number> = new Map([
  ['tcp', 6], ['sctp', 132], ['udp', 17], ['udplite', 136], ['icmp', 1], ['ipv6-icmp', 58], ['icmpv6', 58], ['esp', 50], ['ah', 51],
  ['mobility-header', 135], ['ipv6-mh', 135], ['mh', 135], ['all', 0],
]);

/** xtables_parse_protocol: a number 0-255, a known name, or /etc/protocols. */
export function parseProtocol(text: string): number {
  if (/^\d+$/.test(text) && Number(text) <= 255) return Number(text);
  const builtin = BUILTIN_PROTOCOLS.get(text);
  if (builtin !== undefined) return builtin;
  const n = protocolNumber(text);
  if (n !== undefined) return n;
  throw paramError(`unknown protocol "${text}" specified`);
}

export function assertValidChainName(name: string): void {
  if (name.length >= 29) throw paramError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-') || name.startsWith('!')) throw paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (isTargetName(name)) throw paramError('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramError(`Invalid chain name \`${name}'`);
}
