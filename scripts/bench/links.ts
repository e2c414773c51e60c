/**
 * Share links: each gallery scenario's whole document (all its text) as a
 * link's data, ours (`1.DATA`: deflate with a preset dictionary, base64url)
 * beside lz-string's compressToEncodedURIComponent of the same JSON. Ours must
 * be shorter for every one.
 */
import LZString from 'lz-string';
import { encodeScenario, GALLERY } from '../../src/scenario/index.ts';

export interface LinkSize {
  id: string;
  ours: number;
  lz: number;
}

/** Characters of each gallery scenario's link data, ours and lz-string's. */
export function linkSizes(): LinkSize[] {
  return GALLERY.map(({ id, doc }) => ({
    id,
    ours: encodeScenario(doc).length,
    lz: LZString.compressToEncodedURIComponent(JSON.stringify(doc)).length,
  }));
}
