/**
 * spf13/pflag's parsing as cobra runs it for caddy's subcommands: `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, bool flags without a value, repeated string
 * slices (comma-separated too), `--` ending the flags; and pflag's error texts.
 */

export interface FlagSpec {
  name: string;
  short?: string;
  kind: 'string' | 'strings' | 'bool' | 'int';
  usage: string;
  default?: string;
}

export type ParsedFlags = { flags: Map<string, string | string[] | boolean>; args: string[]; help: boolean } | { error: string };

/** pflag's name for a flag in its errors: `-c, --config`. */
const shown = (s: FlagSpec) => (s.short ? `-${s.short}, --${s.name}` : `--${s.name}`);

export function parseCobra(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const flags = new Map<string, string | string[] | boolean>();
  for (const s of specs) if (s.default !== undefined) flags.set(s.name, s.default);
  const args: string[] = [];
  let help = false;
  const set = (s: FlagSpec, value: string | undefined): string | undefined => {
    if (s.kind === 'bool') {
      const v = value ?? 'true';
      if (!/^(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/.test(v)) return `invalid argument "${v}" for "${shown(s)}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
      flags.set(s.name, /^(1|t|T|true|TRUE|True)$/.test(v));
      return undefined;
    }
    const v = value!;
    if (s.kind === 'int' && !/^[+-]?\d+$/.test(v)) return `invalid argument "${v}" for "${shown(s)}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`;
    if (s.kind === 'strings') {
      const before = flags.get(s.name);
      flags.set(s.name, [...(Array.isArray(before) ? before : []), ...v.split(',')]);
    } else flags.set(s.name, v);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const body = word.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const s = specs.find((x) => x.name === name);
      if (!s) {
        if (name === 'help') {
          help = true;
          continue;
        }
        return { error: `unknown flag: --${name}` };
      }
      let value = eq < 0 ? undefined : body.slice(eq + 1);
      if (value === undefined && s.kind !== 'bool') {
        if (i + 1 >= argv.length) return { error: `flag needs an argument: --${name}` };
        value = argv[++i]!;
      }
      const err = set(s, value);
      if (err) return { error: err };
      continue;
    }
    if (word.startsWith('-') && word !== '-') {
      // A cluster of shorthands: -bv, -lvalue, -l value.
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]!;
        const s = specs.find((x) => x.short === letter);
        if (!s) {
          if (letter === 'h') {
            help = true;
            continue;
          }
          return { error: `unknown shorthand flag: '${letter}' in ${word}` };
        }
        if (s.kind === 'bool') {
          const rest = word.slice(j + 1);
          if (rest.startsWith('=')) {
            const err = set(s, rest.slice(1));
            if (err) return { error: err };
            break;
          }
          set(s, undefined);
          continue;
        }
        let value = word.slice(j + 1).replace(/^=/, '');
        if (value === '') {
          if (i + 1 >= argv.length) return { error: `flag needs an argument: '${letter}' in -${letter}` };
          value = argv[++i]!;
        }
        const err = set(s, value);
        if (err) return { error: err };
        break;
      }
      continue;
    }
    args.push(word);
  }
  return { flags, args, help };
}
