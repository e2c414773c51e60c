/**
 * The daemon's images and its reference store (the classic image store of
 * dockerd 28: daemon/images, reference/store.go): which images the host has,
 * which names (`busybox:latest`, `nginx@sha256:...`) point at which image ID,
 * and the lookups `docker run`, `rmi`, `tag` and `inspect` go through
 * (ImageService.GetImage: a reference, else an ID or ID prefix). Names are kept
 * in the store's lexical order of their canonical form, which is the order of
 * RepoTags and of `docker images` rows (golden images-tag-rmi).
 */
import type { Image, InitialImage } from './images.ts';
import {
  canonicalName,
  canonicalString,
  familiarName,
  familiarString,
  parseAnyReference,
  withDefaultTag,
  type NamedReference,
} from './reference.ts';

export type Lookup = { image: Image } | { error: string };

interface StoredRef {
  ref: NamedReference;
  id: string;
}

export class ImageStore {
  private readonly images = new Map<string, Image>();
  /** canonical reference string -> image ID (reference/store.go's Repositories). */
  private readonly refs = new Map<string, StoredRef>();
  /** When each image was last tagged (Metadata.LastTagTime), epoch ms. */
  private readonly tagTimes = new Map<string, number>();

  constructor(initial: readonly InitialImage[]) {
    for (const { image, refs } of initial) {
      // Each world gets its own copies: tagging renames an image in place.
      this.add({ ...image }, refs);
      if (image.origin === 'import') this.tagTimes.set(image.id, image.created);
    }
  }

  /** Every image, in the order the host got them. */
  list(): Image[] {
    return [...this.images.values()];
  }

  get(id: string): Image | undefined {
    return this.images.get(id);
  }

  /** The names of an image, in the reference store's order. */
  refsOf(id: string): NamedReference[] {
    return [...this.refs.entries()]
      .filter(([, r]) => r.id === id)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r.ref);
  }

  /** RepoTags: `busybox:latest`, familiar. */
  repoTags(id: string): string[] {
    return this.refsOf(id).filter((r) => r.tag !== undefined).map(familiarString);
  }

  /** RepoDigests: `nginx@sha256:...`, familiar. */
  repoDigests(id: string): string[] {
    return this.refsOf(id).filter((r) => r.digest !== undefined).map((r) => `${familiarName(r)}@${r.digest}`);
  }

  lastTagTime(id: string): number | undefined {
    return this.tagTimes.get(id);
  }

  /** Whether any image on the host has this layer blob (a pull then says `Already exists`). */
  hasBlob(blob: string): boolean {
    for (const image of this.images.values()) if (image.blobs?.includes(blob)) return true;
    return false;
  }

  /** The image a stored reference names exactly (a bare name means `:latest`; tag and digest: the digest wins). */
  byRef(ref: NamedReference): Image | undefined {
    const key = ref.digest !== undefined ? canonicalString({ domain: ref.domain, path: ref.path, digest: ref.digest }) : canonicalString(withDefaultTag(ref));
    const stored = this.refs.get(key);
    return stored && this.images.get(stored.id);
  }

  /**
   * ImageService.GetImage: a malformed reference is the daemon's "invalid
   * reference format" error; a 64-hex ID or `sha256:` digest is an image ID; a
   * name is looked up in the reference store, then taken as an ID prefix.
   */
  lookup(s: string): Lookup {
    const parsed = parseAnyReference(s);
    if (!parsed.ok) return { error: parsed.error };
    if (parsed.value.kind === 'digest') {
      const image = this.images.get(parsed.value.digest);
      return image ? { image } : { error: `No such image: ${parsed.value.digest}` };
    }
    const ref = parsed.value.ref;
    const byRef = this.byRef(ref);
    if (byRef) return { image: byRef };
    const hex = s.replace(/^sha256:/, '');
    if (/^[0-9a-f]+$/.test(hex)) {
      const byId = [...this.images.values()].filter((i) => i.id.slice('sha256:'.length).startsWith(hex));
      if (byId.length === 1) return { image: byId[0]! };
    }
    return { error: `No such image: ${familiarString(withDefaultTag(ref))}` };
  }

  /** Adds an image (or finds it already there by ID) and points `refs` at it. */
  add(image: Image, refs: readonly NamedReference[]): Image {
    const stored = this.images.get(image.id) ?? image;
    this.images.set(stored.id, stored);
    for (const ref of refs) this.point(ref, stored);
    this.rename(stored);
    return stored;
  }

  /** `docker tag`: the name now points at this image (moved from any other), and the image's LastTagTime is `now`. */
  tag(image: Image, ref: NamedReference, now: number): void {
    const previous = this.byRef(ref);
    this.point(ref, image);
    if (previous && previous !== image) this.rename(previous);
    this.rename(image);
    this.tagTimes.set(image.id, now);
  }

  /** Removes a name; returns the image it pointed at. */
  untag(ref: NamedReference): Image | undefined {
    const key = canonicalString(ref);
    const stored = this.refs.get(key);
    if (!stored) return undefined;
    this.refs.delete(key);
    const image = this.images.get(stored.id);
    if (image) this.rename(image);
    return image;
  }

  /** Deletes an image and every name of it. */
  remove(id: string): void {
    for (const [key, r] of [...this.refs.entries()]) if (r.id === id) this.refs.delete(key);
    this.images.delete(id);
    this.tagTimes.delete(id);
  }

  private point(ref: NamedReference, image: Image): void {
    this.refs.set(canonicalString(ref), { ref, id: image.id });
  }

  /** Keeps `name`/`tag` on one of the image's names: the one it had while it still has it, else its first. */
  private rename(image: Image): void {
    const refs = this.refsOf(image.id);
    const keeps = refs.some((r) => r.tag !== undefined && familiarName(r) === image.name && r.tag === image.tag);
    if (keeps) return;
    const first = refs.find((r) => r.tag !== undefined) ?? refs[0];
    image.name = first ? familiarName(first) : '<none>';
    image.tag = first?.tag ?? '<none>';
  }

  /** The canonical repository names an image has (for `docker images` filters). */
  repositoriesOf(id: string): string[] {
    return [...new Set(this.refsOf(id).map(canonicalName))];
  }
}
