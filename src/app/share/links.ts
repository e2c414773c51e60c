/**
 * What any URL fragment opens, a whole scenario's link (`#s=`) included: its own
 * chunk, with the link codec, fflate and the format's schema. The app's first
 * load reaches it only for a `#s=` link (link-open.ts); the embed and the
 * host page's API read every link through it.
 */
import { decodeScenario } from '../../scenario/link/codec.ts';
import { readFragment } from '../../scenario/link/target.ts';
import { linkErrorNotice, openTarget, type LinkOpen } from './link-open.ts';

export { linkErrorNotice, type LinkOpen };

export function resolveLink(hash: string): LinkOpen {
  const target = readFragment(hash);
  if (target.kind !== 'scenario-data') return openTarget(target);
  const result = decodeScenario(target.data);
  return result.ok ? { kind: 'open', doc: result.doc } : { kind: 'error', notice: linkErrorNotice(result.error) };
}
