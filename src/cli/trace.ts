/**
 * `vethlab trace [--images rig|playground] [--short] 'LINE' [FILE|-]`: builds
 * the world FILE describes (a script's lines, or a scenario's setup and
 * steps), runs LINE on it and prints LINE's output, then each packet's path:
 * in full (every hop and netfilter step, formatTrace), or with `--short` one
 * line per hop, for pasting into a tutorial.
 *
 * Exit status: 0 when LINE ran and its trace is printed, whatever LINE's own
 * status (shown as `[exit N]`, as in a transcript) and whatever FILE's lines
 * answered (a failing setup line is part of the world it builds); 1 when FILE
 * cannot be read or is no scenario, or when the simulator met an internal
 * error in FILE's lines or in LINE (a bug: the trace could not be trusted);
 * 2 when the command is given wrongly.
 */
import { formatOutcome, formatTrace } from '../sim/net/index.ts';
import type { Trace } from '../sim/net/trace.ts';
import { runLine } from '../scenario/scenario.ts';
import type { ScenarioDoc } from '../scenario/index.ts';
import { parseArgs } from './args.ts';
import { CliError, UsageError } from './errors.ts';
import { imageSet, runDoc } from './run.ts';
import { readInput } from './scenario-file.ts';

const INTERNAL = 'vethlab: internal error';

/**
 * A trace in one line per hop: `N. > NETNS: KIND: what happened` (`>` the
 * request, `<` the reply; a netfilter hop says its hook, verdict and deciding
 * rule), between the probe and its outcome.
 */
export function formatShortTrace(trace: Trace): string {
  const p = trace.probe;
  const what = p.kind === 'icmp-echo' ? 'ping' : p.kind === 'tcp-connect' ? `tcp connect :${p.port ?? 80}` : `udp send :${p.port ?? 53}`;
  const width = String(trace.hops.length).length;
  const lines = [`${what} from ${p.from} to ${p.dst}`];
  trace.hops.forEach((hop, i) => {
    const arrow = hop.leg === 'request' ? '>' : '<';
    const where = hop.kind === 'netfilter' && hop.bridged ? `${hop.netns} (bridge)` : hop.netns;
    lines.push(`${String(i + 1).padStart(width)}. ${arrow} ${where}: ${hop.kind === 'netfilter' ? '' : `${hop.kind}: `}${hop.detail}`);
  });
  lines.push(`= ${formatOutcome(trace.outcome)}`);
  return `${lines.join('\n')}\n`;
}

export function traceCommand(args: readonly string[]): number {
  const parsed = parseArgs(args, { flags: ['--short'], options: ['--images'] });
  const [line, file, ...extra] = parsed.positional;
  if (line === undefined || extra.length > 0) throw new UsageError('trace takes a LINE and at most one FILE');
  const doc: ScenarioDoc = file === undefined ? { vethlab: 1, setup: [] } : readInput(file).doc;
  const { simulator, entries } = runDoc(doc, imageSet(parsed.options.get('--images')));
  const broken = entries.find((e) => e.output.stderr.includes(INTERNAL));
  if (broken) throw new CliError(`internal error while building the world, at \`${broken.line}\`: ${broken.output.stderr.trim()}`);
  const output = runLine(simulator, line);
  if (output.stderr.includes(INTERNAL)) throw new CliError(`internal error at \`${line}\`: ${output.stderr.trim()}`);
  const body = output.stderrFirst ? output.stderr + output.stdout : output.stdout + output.stderr;
  process.stdout.write(body + (body === '' || body.endsWith('\n') ? '' : '\n'));
  if (output.exitCode !== 0) process.stdout.write(`[exit ${output.exitCode}]\n`);
  const traces = output.traces ?? [];
  const format = parsed.flags.has('--short') ? formatShortTrace : formatTrace;
  for (const trace of traces) process.stdout.write(`\n${format(trace)}`);
  if (traces.length === 0) process.stdout.write('(no packets)\n');
  return 0;
}
