/**
 * Flag parsing as the docker CLI does it (cobra + pflag): `--name x`, `--name=x`,
 * bundled shorthands `-itd`, `-p8080:80`, repeated list flags, `--` to stop, and,
 * for commands like `docker run`, flag parsing that stops at the first argument
 * (the image) so the container's own flags pass through untouched.
 */
import type { CommandOutput } from '../types.ts';
import { flagError } from './usage.ts';

export type FlagKind = 'bool' | 'string' | 'list';

export interface FlagSpec {
  long: string;
  short?: string;
  kind: FlagKind;
  /**
   * The value's own check, as pflag's Value.Set runs it while parsing (so the
   * first bad flag in argv order is the one reported): the error text, or undefined.
   */
  check?: (value: string) => string | undefined;
}

export interface ParsedFlags {
  bools: Set<string>;
  /** Bools given as `--flag=false` (for flags whose default is true, such as `--ipv4`). */
  falses: Set<string>;
  strings: Map<string, string>;
  lists: Map<string, string[]>;
  args: string[];
}

/** A usage error; the CLI prints `message`, then the command's usage block. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

/** Each flag table's lookups by long and short name, built once (docker run's has about a hundred flags). */
const lookups = new WeakMap<readonly FlagSpec[], { byLong: Map<string, FlagSpec>; byShort: Map<string, FlagSpec> }>();

function lookupsOf(specs: readonly FlagSpec[]): { byLong: Map<string, FlagSpec>; byShort: Map<string, FlagSpec> } {
  let found = lookups.get(specs);
  if (!found) {
    found = { byLong: new Map(specs.map((s) => [s.long, s])), byShort: new Map(specs.filter((s) => s.short).map((s) => [s.short!, s])) };
    lookups.set(specs, found);
  }
  return found;
}

export function parseFlags(argv: string[], specs: readonly FlagSpec[], opts: { interspersed: boolean }): ParsedFlags {
  const { byLong, byShort } = lookupsOf(specs);
  const out: ParsedFlags = { bools: new Set(), falses: new Set(), strings: new Map(), lists: new Map(), args: [] };
  const set = (spec: FlagSpec, value: string | undefined, shown: string) => {
    if (spec.kind === 'bool') {
      if (value === undefined || value === 'true') {
        out.bools.add(spec.long);
        out.falses.delete(spec.long);
      } else if (value === 'false') {
        out.bools.delete(spec.long);
        out.falses.add(spec.long);
      }
      else throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      return;
    }
    if (value === undefined) throw new FlagError(`flag needs an argument: ${shown}`);
    const bad = spec.check?.(value);
    // pflag names the flag by its definition (`-m, --memory`), whichever form was typed.
    if (bad !== undefined) throw new FlagError(`invalid argument "${value}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.long}" flag: ${bad}`);
    if (spec.kind === 'string') out.strings.set(spec.long, value);
    else out.lists.set(spec.long, [...(out.lists.get(spec.long) ?? []), value]);
  };
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    i++;
    if (arg === '--') {
      out.args.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      let value = eq < 0 ? undefined : arg.slice(eq + 1);
      if (value === undefined && spec.kind !== 'bool') {
        if (i >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        value = argv[i++];
      }
      set(spec, value, `--${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // Bundled shorthands: every letter a bool until one takes a value (the rest, or the next word).
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = byShort.get(letter);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (spec.kind === 'bool') {
          if (arg[j + 1] === '=') {
            set(spec, arg.slice(j + 2), `-${letter}, --${spec.long}`);
            break;
          }
          set(spec, undefined, `-${letter}`);
          continue;
        }
        let value: string | undefined = arg.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i >= argv.length) throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
          value = argv[i++];
        }
        set(spec, value, `-${letter}`);
        break;
      }
      continue;
    }
    if (!opts.interspersed) {
      out.args.push(arg, ...argv.slice(i));
      break;
    }
    out.args.push(arg);
  }
  return out;
}

/** Parses a subcommand's flags, or answers with its usage error (`unknown flag: --frob`, exit 125). */
export function parseCommandFlags(command: string, argv: string[], specs: readonly FlagSpec[], interspersed = true): ParsedFlags | CommandOutput {
  try {
    return parseFlags(argv, specs, { interspersed });
  } catch (e) {
    if (e instanceof FlagError) return flagError(command, e.message);
    throw e;
  }
}

export function isParsed(f: ParsedFlags | CommandOutput): f is ParsedFlags {
  return 'args' in f;
}
