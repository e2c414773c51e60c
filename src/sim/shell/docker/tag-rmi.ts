/**
 * `docker tag` and `docker rmi` (`docker image tag`, `docker image rm`): the
 * client library's reference checks (its "Error parsing reference" wrapping,
 * the refusal of a digest target) and the daemon's answers, as recorded in
 * golden images-references and images-tag-rmi.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import { parseAnyReference, parseNormalizedNamed } from '../../docker/reference.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { argCountError, cobraExactArgsError, daemonError } from './usage.ts';

/** `docker tag SOURCE TARGET` (client.ImageTag: both parsed before the daemon is asked). */
export function tagCommand(engine: Engine, argv: string[], command = 'tag'): CommandOutput {
  const f = parseCommandFlags(command, argv, []);
  if (!isParsed(f)) return f;
  if (f.args.length !== 2) return cobraExactArgsError(command, 2);
  const [source, target] = f.args as [string, string];
  const wrap = (ref: string, error: string) => fail(`Error parsing reference: ${JSON.stringify(ref)} is not a valid repository/tag: ${error}\n`, 1);
  const src = parseAnyReference(source);
  if (!src.ok) return wrap(source, src.error);
  const dst = parseNormalizedNamed(target);
  if (!dst.ok) return wrap(target, dst.error);
  if (dst.value.digest !== undefined) return fail('refusing to create a tag with a digest reference\n', 1);
  try {
    engine.imageService.tag(source, dst.value);
    return ok();
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return fail(daemonError(e.message), 1);
  }
}

/** `docker rmi [-f] IMAGE...`: each image's records, or its error; exit 1 if any failed. */
export function rmiCommand(engine: Engine, argv: string[], command = 'rmi'): CommandOutput {
  const f = parseCommandFlags(command, argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'no-prune', kind: 'bool' },
    { long: 'platform', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError(command, 'at least 1 argument');
  let stdout = '';
  let stderr = '';
  for (const ref of f.args) {
    try {
      stdout += engine.imageService.remove(ref, f.bools.has('force')).map((l) => `${l}\n`).join('');
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      stderr += daemonError(e.message);
    }
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}
