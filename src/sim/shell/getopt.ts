/**
 * Command-line options as glibc's getopt_long reads them, which both GNU
 * tools and busybox (linked against it) use: clustered short options (`-in`),
 * values attached or separate (`-e PAT`, `-ePAT`, `-m1`), long options with
 * `=` or a separate value and unique prefixes (`--count`, `--regexp=x`), `--`
 * ending options, and operands anywhere unless the tool stops at the first
 * one (`+` in getopt's string: find, xargs, env, sudo). Errors come back as
 * data; getoptMessage words them as getopt does.
 */

export interface OptionSpec {
  /** Short options that take no value. */
  flags?: string;
  /** Short options that take a value. */
  valued?: string;
  /** Long option name -> the key it stands for, and whether it takes a value. */
  long?: Record<string, { key: string; value?: 'required' | 'optional' }>;
  /** Stop at the first operand (the rest are operands). */
  stopAtOperand?: boolean;
  /** Short options written like operands: `-5` for head -n 5 (digits as one option). */
  digits?: boolean;
}

export interface Parsed {
  /** Options in order: [key, value]. A short option's key is its letter. */
  options: [string, string | undefined][];
  operands: string[];
}

export type GetoptError =
  | { kind: 'invalid'; option: string }
  | { kind: 'unrecognized'; option: string }
  | { kind: 'missing'; option: string; long?: boolean }
  | { kind: 'ambiguous'; option: string; candidates: string[] }
  | { kind: 'no-value'; option: string };

export function getopt(argv: readonly string[], spec: OptionSpec): Parsed | GetoptError {
  const flags = spec.flags ?? '';
  const valued = spec.valued ?? '';
  const options: Parsed['options'] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const table = spec.long ?? {};
      let entry = table[name];
      let full = name;
      if (!entry) {
        const candidates = Object.keys(table).filter((k) => k.startsWith(name));
        const keys = new Set(candidates.map((k) => table[k]!.key));
        if (candidates.length === 0) return { kind: 'unrecognized', option: a };
        if (keys.size > 1) return { kind: 'ambiguous', option: a.slice(0, eq < 0 ? undefined : eq), candidates };
        full = candidates[0]!;
        entry = table[full]!;
      }
      if (eq >= 0) {
        if (!entry.value) return { kind: 'no-value', option: `--${full}` };
        options.push([entry.key, a.slice(eq + 1)]);
      } else if (entry.value === 'required') {
        const v = argv[++i];
        if (v === undefined) return { kind: 'missing', option: `--${full}`, long: true };
        options.push([entry.key, v]);
      } else options.push([entry.key, undefined]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.digits && /^-\d+$/.test(a)) {
        options.push(['digits', a.slice(1)]);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (valued.includes(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { kind: 'missing', option: f };
          options.push([f, v]);
          break;
        }
        if (!flags.includes(f)) return { kind: 'invalid', option: f };
        options.push([f, undefined]);
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...argv.slice(i));
      break;
    }
    operands.push(a);
  }
  return { options, operands };
}

export const isGetoptError = (r: Parsed | GetoptError): r is GetoptError => 'kind' in r;

/** getopt's own line for an error: `grep: invalid option -- 'z'`. */
export function getoptMessage(tool: string, e: GetoptError): string {
  switch (e.kind) {
    case 'invalid':
      return `${tool}: invalid option -- '${e.option}'\n`;
    case 'unrecognized':
      return `${tool}: unrecognized option '${e.option}'\n`;
    case 'missing':
      return e.long ? `${tool}: option '${e.option}' requires an argument\n` : `${tool}: option requires an argument -- '${e.option}'\n`;
    case 'ambiguous':
      return `${tool}: option '${e.option}' is ambiguous; possibilities:${e.candidates.map((c) => ` '--${c}'`).join('')}\n`;
    case 'no-value':
      return `${tool}: option '${e.option}' doesn't allow an argument\n`;
  }
}

/** GNU's two closing lines after a usage error. */
export function gnuTryHelp(tool: string): string {
  return `Try '${tool} --help' for more information.\n`;
}
