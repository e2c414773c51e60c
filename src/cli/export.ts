/**
 * `vethlab export --linux [--prefix P] [--step N] [--images rig|playground] [-o OUT] FILE|-`:
 * the world a script or scenario file builds, as a shell script that rebuilds it
 * with the real Linux kernel in network namespaces (src/scenario/export/linux.ts).
 * A scenario's setup lines build it, then its steps up to `--step N` when given.
 * The script goes to standard output, or to OUT (made executable).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { DEFAULT_SEED } from '../scenario/index.ts';
import { DEFAULT_PREFIX, linuxScript, validPrefix } from '../scenario/export/linux.ts';
import { parseArgs, positiveInteger } from './args.ts';
import { CliError, UsageError } from './errors.ts';
import { imageSet } from './run.ts';
import { readInput } from './scenario-file.ts';
import { runLines } from './transcript.ts';

export function exportCommand(args: readonly string[]): number {
  const parsed = parseArgs(args, { flags: ['--linux'], options: ['--prefix', '--step', '--images', '-o', '--output'] });
  if (!parsed.flags.has('--linux')) throw new UsageError('export needs the format: --linux (the only one so far)');
  if (parsed.positional.length !== 1) throw new UsageError('export takes one FILE');
  const prefix = parsed.options.get('--prefix') ?? DEFAULT_PREFIX;
  if (!validPrefix(prefix)) throw new UsageError(`--prefix must be 1 to 32 letters, digits, ".", "_" or "-", not "${prefix}"`);
  const images = imageSet(parsed.options.get('--images'));
  const stepOption = parsed.options.get('--step');
  const input = readInput(parsed.positional[0]!);
  const doc = input.doc;
  const steps = doc.steps ?? [];
  const upTo = stepOption === undefined ? 0 : positiveInteger('--step', stepOption);
  if (upTo > steps.length) throw new UsageError(`--step ${upTo}: the scenario has ${steps.length === 0 ? 'no steps' : `${steps.length} step${steps.length === 1 ? '' : 's'}`}`);
  const lines = [...doc.setup, ...steps.slice(0, upTo).map((s) => s.run)];
  const { simulator } = runLines(lines, doc.seed ?? DEFAULT_SEED, images);
  const script = linuxScript(simulator.engine.kernel, { prefix, ...(doc.title !== undefined ? { title: doc.title } : {}) });
  const output = parsed.options.get('-o') ?? parsed.options.get('--output');
  if (output === undefined) {
    process.stdout.write(script);
    return 0;
  }
  try {
    writeFileSync(output, script);
    chmodSync(output, 0o755);
  } catch (e) {
    throw new CliError(`${output}: ${(e as Error).message}`);
  }
  process.stderr.write(`vethlab: wrote ${output}; run it with: sudo sh ${output} (and sudo sh ${output} --cleanup to remove it)\n`);
  return 0;
}
