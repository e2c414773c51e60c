/**
 * `docker inspect` and the output every inspect command shares (cli/command/inspect):
 * the objects as an indented JSON list, or a `-f` template per object (on the
 * typed value, then on the raw JSON), with each lookup's or template's error
 * collected and printed at the end.
 */
import type { Engine } from '../../docker/engine.ts';
import { containerObject, goJsonIndent, networkObject } from '../../docker/inspect.ts';
import { imageObject } from '../../docker/image-inspect.ts';
import { lazyPart } from '../lazy/parts.ts';
import { fail, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { argCountError, daemonError } from './usage.ts';

/** One reference looked up: the object, or the error the client prints for it (without the newline). */
export type InspectResult = { value: object } | { error: string };

const ALL_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

/** What `docker inspect` prints for the results, in order; exit 1 if any failed, 64 for a template that does not parse. */
export function renderInspect(results: InspectResult[], format: string | undefined): CommandOutput {
  if (format !== undefined && format !== '') {
    const parseError = lazyPart('gotpl').templateParseError(format);
    if (parseError) return fail(`${parseError}\n`, 64);
  }
  const errors: string[] = [];
  let stdout = '';
  const found: object[] = [];
  for (const r of results) {
    if ('error' in r) {
      errors.push(r.error);
      continue;
    }
    if (format === undefined || format === '') {
      found.push(r.value);
      continue;
    }
    const out = lazyPart('gotpl').renderInspectTemplate(format, r.value);
    if ('error' in out) errors.push(out.error);
    else stdout += `${out.output}\n`;
  }
  if (format === undefined || format === '') stdout = `${goJsonIndent(found)}\n`;
  else if (stdout === '') stdout = '\n';
  return { stdout, stderr: errors.map((e) => `${e}\n`).join(''), exitCode: errors.length > 0 ? 1 : 0 };
}

/** `docker inspect [--type T] [-f FORMAT] NAME|ID...`: containers, then images, then networks, as the client searches. */
export function inspectCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('inspect', argv, [
    { long: 'type', kind: 'string' },
    { long: 'size', short: 's', kind: 'bool' },
    { long: 'format', short: 'f', kind: 'string' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('inspect', 'at least 1 argument');
  const type = f.strings.get('type');
  const list = ALL_TYPES.join('", "');
  if (type === '') return fail(`type is empty: must be one of "${list}"\n`, 1);
  if (type !== undefined && !ALL_TYPES.includes(type)) return fail(`unknown type: "${type}": must be one of "${list}"\n`, 1);
  const results = f.args.map((ref) => lookup(engine, ref, type));
  return renderInspect(results, f.strings.get('format'));
}

function lookup(engine: Engine, ref: string, type: string | undefined): InspectResult {
  const wants = (t: string) => type === undefined || type === t;
  if (wants('container')) {
    const c = engine.findContainer(ref);
    if (c) return { value: containerObject(engine, c) };
    if (type) return { error: daemonError(`No such container: ${ref}`).trimEnd() };
  }
  if (wants('image')) {
    const found = engine.imageService.store.lookup(ref);
    if ('image' in found) return { value: imageObject(engine, found.image) };
    if (type) return { error: daemonError(found.error).trimEnd() };
  }
  if (wants('network')) {
    const n = engine.findNetwork(ref);
    if (n) return { value: networkObject(engine, n) };
    if (type) return { error: daemonError(`network ${ref} not found`).trimEnd() };
  }
  if (type === 'volume') return { error: daemonError(`get ${ref}: no such volume`).trimEnd() };
  if (type === 'plugin') return { error: daemonError(`plugin ${ref} not found`).trimEnd() };
  if (type !== undefined && type !== 'container' && type !== 'image' && type !== 'network') {
    return { error: daemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.').trimEnd() };
  }
  return { error: `Error: No such object: ${ref}` };
}
