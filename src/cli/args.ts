/**
 * The commands' arguments: flags (`--json`), options with a value (`--base URL`
 * or `--base=URL`) and the rest in order. `-` alone is an argument (standard
 * input); anything else starting with `-` must be a known flag or option.
 */
import { UsageError } from './errors.ts';

export interface ArgSpec {
  flags?: readonly string[];
  options?: readonly string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positional: string[];
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (spec.flags?.includes(name) && eq === -1) {
      flags.add(name);
    } else if (spec.options?.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return { flags, options, positional };
}

/** A whole number from 1 (a step), or a usage error naming the option. */
export function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number from 1, not "${value}"`);
  return n;
}
