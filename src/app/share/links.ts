/**
 * What any URL fragment opens: a whole scenario's link (`#s=`, link-data.ts) or a
 * gallery link, the gallery's scenarios being part of this chunk. The embed and
 * the host page's API read every link through it; the app's first load reads its
 * link through link-open.ts, which loads only what that link needs.
 */
import '../gallery/gallery-scenarios.ts';
import { readFragment } from '../../scenario/link/target.ts';
import { openScenarioData } from './link-data.ts';
import { linkErrorNotice, openTarget, type LinkOpen } from './link-open.ts';

export { linkErrorNotice, type LinkOpen };

/** Never rejects. */
export function resolveLink(hash: string): Promise<LinkOpen> {
  const target = readFragment(hash);
  return target.kind === 'scenario-data' ? openScenarioData(target.data) : Promise.resolve(openTarget(target));
}
