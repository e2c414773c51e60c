/**
 * Opening a share link on the command line: `https://HOST/#s=1.DATA` (the whole
 * scenario) or `#g=ID&step=N` (a gallery scenario by its id), given as a full
 * URL or just its fragment. What goes wrong is said in plain words.
 */
import { describeReadError, findGalleryScenario, LINK_VERSION, parseFragment, type LinkError, type ScenarioDoc } from '../scenario/index.ts';
import { MAX_INFLATED_BYTES, MAX_LINK_CHARS } from '../scenario/link/codec.ts';
import { CliError } from './errors.ts';

/** The fragment of a link given as a URL (`https://...#s=...`), a fragment (`#s=...`, `s=...`) or bare data (`1.DATA`). */
export function fragmentOf(link: string): string {
  const text = link.trim();
  const hash = text.indexOf('#');
  if (hash !== -1) return text.slice(hash + 1);
  if (/^\d+\./.test(text)) return `s=${text}`;
  return /^[sg]=/.test(text) ? text : '';
}

/** The link version of `s=N.DATA`, when the fragment has one. */
function linkVersion(fragment: string): number | undefined {
  const data = /(?:^|&)s=(\d{1,6})\./.exec(fragment);
  return data ? Number(data[1]) : undefined;
}

/** One sentence (no final period) for what is wrong with a link. */
export function describeLinkError(error: LinkError): string {
  switch (error.kind) {
    case 'corrupt':
      return 'the link is damaged: it is not a vethlab link, or it was changed when copied';
    case 'truncated':
      return 'the link is incomplete: its end was cut off when it was copied';
    case 'too-large':
      return `the link is too large: its data may be at most ${MAX_LINK_CHARS / 1024} KiB, and what it holds at most ${MAX_INFLATED_BYTES / 1024} KiB`;
    case 'unknown-scenario':
      return `the link names a gallery scenario this vethlab does not have: "${error.id}"`;
    case 'newer':
      return `the link's scenario was ${describeReadError(error)}`;
    case 'too-many-lines':
    case 'invalid':
      return `the link's scenario cannot be read: ${describeReadError(error)}`;
  }
}

/** The gallery's document of that id. */
export function galleryDoc(id: string): ScenarioDoc | undefined {
  return findGalleryScenario(id)?.doc;
}

/** The scenario a link holds (a gallery link: the gallery's document); a CliError (status 1) says why not. */
export async function docFromLink(link: string): Promise<ScenarioDoc> {
  const fragment = fragmentOf(link);
  const version = linkVersion(fragment);
  if (version !== undefined && version > LINK_VERSION) {
    throw new CliError(`the link was made by a newer vethlab (link version ${version}; this one reads up to ${LINK_VERSION})`);
  }
  const target = await parseFragment(fragment);
  switch (target.kind) {
    case 'none':
      throw new CliError('the link holds no scenario: it has neither #s= nor #g=');
    case 'error':
      throw new CliError(describeLinkError(target.error));
    case 'scenario':
      return target.doc;
    case 'gallery': {
      const doc = galleryDoc(target.id);
      if (!doc) throw new CliError(describeLinkError({ kind: 'unknown-scenario', id: target.id }));
      return doc;
    }
  }
}
