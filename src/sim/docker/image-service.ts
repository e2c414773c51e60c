/**
 * What the daemon does with images (daemon/images of dockerd 28, classic
 * store): pull from the registry when the world has one, tag, and delete with
 * the daemon's conflict rules and its Untagged/Deleted records
 * (image_delete.go). Errors are DockerErrors with the daemon's words; the
 * client (src/sim/shell/docker/images.ts) prints them.
 */
import { DockerError } from './errors.ts';
import { REGISTRY_ERROR, type Image } from './images.ts';
import { ImageStore } from './image-store.ts';
import { canonicalName, familiarString, parseNormalizedNamed, withDefaultTag, type NamedReference } from './reference.ts';
import { derivedHex, pullLines, pullMessages, resolveManifest, upToDateMessages, type PullMessage } from './registry.ts';

/** What the service needs to know about containers: which ones use an image, and whether they run. */
export interface ImageUsers {
  usersOf(image: Image): { id: string; running: boolean }[];
}

export interface PullResult {
  /** The progress lines (`latest: Pulling from library/alpine`, ..., `Status: ...`). */
  lines: string[];
  /** The daemon's JSON messages those lines show (what Compose reads). */
  messages: PullMessage[];
  image: Image;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export class ImageService {
  readonly store: ImageStore;
  /** Whether a registry answers pulls (the playground); the rig's host reaches none. */
  readonly online: boolean;
  private readonly users: ImageUsers;
  private readonly now: () => number;

  constructor(store: ImageStore, online: boolean, users: ImageUsers, now: () => number) {
    this.store = store;
    this.online = online;
    this.users = users;
    this.now = now;
  }

  /**
   * `docker pull` of a tagged or digested reference: asks the registry (the rig's
   * host fails to resolve it), then stores the image under that name and its digest.
   */
  pull(ref: NamedReference): PullResult {
    if (!this.online) throw new DockerError(offlineError(ref));
    const answer = resolveManifest(ref);
    if ('error' in answer) throw new DockerError(answer.error);
    const { manifest } = answer;
    const digestRef: NamedReference = { domain: ref.domain, path: ref.path, digest: manifest.digest };
    const local = this.store.byRef(ref.digest !== undefined ? digestRef : ref);
    if (local && (local.id === manifest.image.id || this.store.repoDigests(local.id).length === 0)) {
      // Already pulled (or the world's own image under that name): nothing to fetch.
      const messages = upToDateMessages(ref, manifest.digest);
      return { lines: pullLines(messages), messages, image: local };
    }
    const messages = pullMessages(manifest, (blob) => this.store.hasBlob(blob));
    const image = this.store.add(manifest.image, ref.tag !== undefined ? [ref, digestRef] : [digestRef]);
    return { lines: pullLines(messages), messages, image };
  }

  /** `docker tag SOURCE TARGET`: the daemon's lookup of SOURCE, then the target name points at it. */
  tag(source: string, target: NamedReference): void {
    const found = this.store.lookup(source);
    if ('error' in found) throw new DockerError(found.error);
    this.store.tag(found.image, withDefaultTag(target), this.now());
  }

  /** `docker rmi [-f] REF`: the records it prints (`Untagged: ...`, `Deleted: sha256:...`), or the daemon's error. */
  remove(refOrId: string, force: boolean): string[] {
    const found = this.store.lookup(refOrId);
    if ('error' in found) throw new DockerError(found.error);
    const image = found.image;
    const records: string[] = [];
    let refs = this.store.refsOf(image.id);
    const users = this.users.usersOf(image);
    let removedRepositoryRef = false;
    if (!isIdPrefix(image.id, refOrId)) {
      if (!force && isSingleReference(refs) && users.length > 0) {
        throw new DockerError(`conflict: unable to remove repository reference "${refOrId}" (must force) - container ${short(users[0]!.id)} is using its referenced image ${short(image.id)}`);
      }
      const parsed = parseNormalizedNamed(refOrId);
      if (!parsed.ok) throw new DockerError(parsed.error);
      const ref = withDefaultTag(parsed.value);
      this.store.untag(ref);
      records.push(`Untagged: ${familiarString(ref)}`);
      refs = this.store.refsOf(image.id);
      // A removed tag takes the repository's digest references with it when no other tag of that repository is left.
      if (ref.digest === undefined && !refs.some((r) => r.digest === undefined && canonicalName(r) === canonicalName(ref))) {
        for (const r of refs.filter((x) => x.digest !== undefined && canonicalName(x) === canonicalName(ref))) {
          this.store.untag(r);
          records.push(`Untagged: ${familiarString(r)}`);
        }
        refs = this.store.refsOf(image.id);
      }
      if (refs.length > 0) return records;
      removedRepositoryRef = true;
    } else if (isSingleReference(refs)) {
      const conflict = this.conflict(image, users, force ? 'hard' : 'all-but-references');
      if (conflict) throw new DockerError(conflict.message);
      for (const r of refs) {
        this.store.untag(r);
        records.push(`Untagged: ${familiarString(r)}`);
      }
    }
    const conflict = this.conflict(image, users, force ? 'hard' : 'all');
    if (conflict) {
      // After an untag by name, a used image just stays (dangling or not); otherwise the conflict is the answer.
      if (removedRepositoryRef && conflict.used) return records;
      throw new DockerError(conflict.message);
    }
    for (const r of this.store.refsOf(image.id)) {
      this.store.untag(r);
      records.push(`Untagged: ${familiarString(r)}`);
    }
    this.delete(image, records);
    return records;
  }

  /**
   * Deletes an image, then its parents (a build's steps) while each has no name, no
   * other child and no container (image_delete.go's imageDeleteHelper on the parent chain).
   */
  private delete(image: Image, records: string[]): void {
    let next: Image | undefined = image;
    while (next) {
      const layers = this.releasedLayers(next);
      this.store.remove(next.id);
      records.push(`Deleted: ${next.id}`, ...layers.map((l) => `Deleted: sha256:${l}`));
      const parent: Image | undefined = next.built ? this.store.get(next.built.parent) : undefined;
      const keep: boolean = !parent || this.store.refsOf(parent.id).length > 0 || this.users.usersOf(parent).length > 0 || this.store.list().some((i) => i.built?.parent === parent.id);
      next = keep ? undefined : parent;
    }
  }

  /** checkImageDeleteConflict: running containers (hard), other names, stopped containers (soft). */
  private conflict(image: Image, users: { id: string; running: boolean }[], mask: 'hard' | 'all' | 'all-but-references'): { message: string; used: boolean } | undefined {
    const say = (hard: boolean, message: string) => `conflict: unable to delete ${short(image.id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`;
    const running = users.find((u) => u.running);
    if (running) return { message: say(true, `image is being used by running container ${short(running.id)}`), used: true };
    if (mask === 'hard') return undefined;
    if (mask === 'all' && this.store.refsOf(image.id).length > 0) return { message: say(false, 'image is referenced in multiple repositories'), used: false };
    const stopped = users.find((u) => !u.running);
    if (stopped) return { message: say(false, `image is being used by stopped container ${short(stopped.id)}`), used: true };
    return undefined;
  }

  /** The layers no other image shares, top first (their chain IDs, as the layer store releases them). */
  private releasedLayers(image: Image): string[] {
    const chains = chainIds(image.layers ?? [image.layer]);
    const others = new Set(this.store.list().filter((i) => i !== image).flatMap((i) => chainIds(i.layers ?? [i.layer])));
    const out: string[] = [];
    for (let i = chains.length - 1; i >= 0 && !others.has(chains[i]!); i--) out.push(chains[i]!);
    return out;
  }
}

/**
 * What the rig's daemon answers when it tries a registry (golden
 * images-references): Docker Hub's and any named registry's host do not
 * resolve (the rig's DNS knows none of them); `localhost:PORT` is tried over
 * plain HTTP and nothing listens there.
 */
export function offlineError(ref: NamedReference): string {
  if (ref.domain === 'docker.io') return REGISTRY_ERROR;
  const local = /^localhost(?::(\d+))?$/.exec(ref.domain);
  if (local) return `Get "http://${ref.domain}/v2/": dial tcp 127.0.0.1:${local[1] ?? '80'}: connect: connection refused`;
  const host = ref.domain.replace(/:\d+$/, '');
  return `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host} on 192.168.1.1:53: no such host`;
}

/** The layer store's chain IDs: the first layer's is its diff ID, each next one derives from its parent's and its own. */
function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  diffIds.forEach((d, i) => out.push(i === 0 ? d : derivedHex(`${out[i - 1]!} ${d}`)));
  return out;
}

/** image_delete.go isImageIDPrefix. */
function isIdPrefix(id: string, s: string): boolean {
  return id.startsWith(s) || id.slice('sha256:'.length).startsWith(s);
}

/** image_delete.go isSingleReference: one tag (and digests of that same repository), or digests of one repository. */
function isSingleReference(refs: NamedReference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => r.digest === undefined);
  if (tags.length > 1) return false;
  const canonicalRepos = new Set(refs.filter((r) => r.digest !== undefined).map(canonicalName));
  const single = tags[0] ?? refs[0]!;
  return canonicalRepos.size === 1 && canonicalRepos.has(canonicalName(single));
}
