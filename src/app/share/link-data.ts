/**
 * A whole scenario's link (`#s=1.DATA`) read: its own chunk, with the link codec and the
 * format's schema, loaded by the app's first load for such a link only
 * (link-open.ts), and by links.ts for the embed and the host page's API.
 */
import { decodeScenario } from '../../scenario/link/codec.ts';
import { linkErrorNotice, type LinkOpen } from './link-open.ts';

/** What a link's data (`1.DATA`) opens, or the notice saying why it cannot. */
export async function openScenarioData(data: string): Promise<LinkOpen> {
  const result = await decodeScenario(data);
  return result.ok ? { kind: 'open', doc: result.doc } : { kind: 'error', notice: linkErrorNotice(result.error) };
}
