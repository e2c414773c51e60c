/**
 * `vethlab share FILE`: the link that opens FILE's scenario in the playground,
 * `BASE#s=1.DATA` (the whole document in the link, nothing stored anywhere), or
 * with `--short`, for a file that is one of the gallery's scenarios unchanged,
 * `BASE#g=ID` (`&step=N`).
 */
import { isDeepStrictEqual } from 'node:util';
import { describeReadError, galleryFragment, readScenario, scenarioFragment, type ScenarioDoc } from '../scenario/index.ts';
import { parseArgs, positiveInteger } from './args.ts';
import { CliError, UsageError } from './errors.ts';
import { galleryDoc } from './link.ts';
import { readInput } from './scenario-file.ts';

/** Where the site is hosted unless `--base` says otherwise. */
export const DEFAULT_BASE = 'https://vethlab.dev/';

export interface ShareOptions {
  /** The site's address; a fragment it has is replaced. */
  base?: string;
  /** The step the link opens at (view.step, from 1). */
  step?: number;
  /** Keep the node positions (default true). */
  layout?: boolean;
  /** A gallery scenario as `#g=ID` instead of its whole document. */
  short?: boolean;
}

/** The document as the link carries it: `--step` and `--no-layout` applied. */
export function sharedDoc(doc: ScenarioDoc, options: ShareOptions = {}): ScenarioDoc {
  const out: ScenarioDoc = { ...doc };
  if (options.layout === false) {
    // The layout is the diagram as the author drew it: positions and collapsed networks.
    delete out.layout;
    if (out.view?.collapsed !== undefined) {
      const { collapsed: _collapsed, ...view } = out.view;
      if (Object.keys(view).length > 0) out.view = view;
      else delete out.view;
    }
  }
  if (options.step !== undefined) {
    const steps = doc.steps?.length ?? 0;
    if (options.step > steps) throw new UsageError(`--step ${options.step}: the scenario has ${steps === 0 ? 'no steps' : `${steps} step${steps === 1 ? '' : 's'}`}`);
    out.view = { ...doc.view, step: options.step };
  }
  return out;
}

/** The document without view.step (a gallery link carries the step beside the id). */
function withoutStep(doc: ScenarioDoc): ScenarioDoc {
  if (doc.view?.step === undefined) return doc;
  const { step: _step, ...view } = doc.view;
  const out: ScenarioDoc = { ...doc, view };
  if (Object.keys(view).length === 0) delete out.view;
  return out;
}

/** `g=ID` (`&step=N`) when the document is the gallery's scenario of its id, unchanged. */
export function galleryShortFragment(doc: ScenarioDoc): string | undefined {
  const gallery = doc.id === undefined ? undefined : galleryDoc(doc.id);
  if (!gallery || !isDeepStrictEqual(withoutStep(doc), withoutStep(gallery))) return undefined;
  return galleryFragment(doc.id!, doc.view?.step);
}

function siteBase(base: string): string {
  const hash = base.indexOf('#');
  return hash === -1 ? base : base.slice(0, hash);
}

/** The link of a document, options applied. The document is read back first, so a link it makes always opens. */
export function shareLink(doc: ScenarioDoc, options: ShareOptions = {}): string {
  const shared = sharedDoc(doc, options);
  const valid = readScenario(shared);
  if (!valid.ok) throw new CliError(describeReadError(valid.error));
  const fragment = (options.short ? galleryShortFragment(shared) : undefined) ?? scenarioFragment(shared);
  return `${siteBase(options.base ?? DEFAULT_BASE)}#${fragment}`;
}

export function shareCommand(args: readonly string[]): number {
  const parsed = parseArgs(args, { flags: ['--no-layout', '--short'], options: ['--base', '--step'] });
  if (parsed.positional.length !== 1) throw new UsageError('share takes one FILE');
  const step = parsed.options.get('--step');
  const options: ShareOptions = {
    base: parsed.options.get('--base') ?? DEFAULT_BASE,
    layout: !parsed.flags.has('--no-layout'),
    short: parsed.flags.has('--short'),
    ...(step !== undefined ? { step: positiveInteger('--step', step) } : {}),
  };
  const input = readInput(parsed.positional[0]!);
  let link: string;
  try {
    link = shareLink(input.doc, options);
  } catch (e) {
    if (e instanceof CliError && !(e instanceof UsageError)) throw new CliError(`${input.path}: ${e.message}`);
    throw e;
  }
  if (options.short && !link.includes('#g=')) {
    process.stderr.write(`vethlab: note: ${input.path} is not one of the gallery's scenarios as this vethlab has it; the link holds the whole scenario\n`);
  }
  process.stdout.write(`${link}\n`);
  return 0;
}
