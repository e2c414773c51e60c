/**
 * Image references as Docker reads them: a port of github.com/distribution/reference
 * v0.6 (regexp.go, normalize.go, reference.go) and of go-digest's Validate, with
 * their exact error texts (golden images-references: `docker pull UPPER`,
 * `busybox:`, `a::b`, a short or unsupported digest, a 256-character name, a
 * 64-hex name). Pure functions: parse, normalize (`docker.io`, `library/`),
 * and print back in the canonical and familiar forms.
 */

/** distribution/reference regexp.go, unchanged (Go's RE2 and JavaScript agree on these). */
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;

const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const ANCHORED_TAG_RE = new RegExp(`^${TAG}$`);

/** reference.go: NameTotalLengthMax. */
const NAME_TOTAL_LENGTH_MAX = 255;
export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';

/** go-digest's registered algorithms in dockerd (crypto/sha256, crypto/sha512) and their hex lengths. */
const DIGEST_ALGORITHMS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** A parsed, normalized named reference: `docker.io` / `library/busybox` / `latest`. */
export interface NamedReference {
  /** Registry host (and port): `docker.io`, `registry.example.com`, `localhost:5000`. */
  domain: string;
  /** Repository path: `library/busybox`, `training/webapp`. */
  path: string;
  tag?: string;
  /** `sha256:<hex>`. */
  digest?: string;
}

/** What a reference string is: a name (maybe with tag and digest), or a bare image ID / digest. */
export type AnyReference = { kind: 'named'; ref: NamedReference } | { kind: 'digest'; digest: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** go-digest Digest.Validate (the errors of `docker pull busybox@sha256:abc...`). */
export function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'invalid checksum digest format';
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const size = DIGEST_ALGORITHMS[algorithm];
  if (size === undefined) {
    return new RegExp(`^${DIGEST}$`).test(s) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  if (encoded.length !== size) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
  return undefined;
}

/** reference.Parse: a reference as written, domain and all (no normalization). */
function parse(s: string): Parsed<NamedReference> {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === '') return err('repository name must have at least one component');
    if (REFERENCE_RE.test(s.toLowerCase())) return err('repository name must be lowercase');
    return err('invalid reference format');
  }
  const nameMatch = ANCHORED_NAME_RE.exec(m[1]!);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[1] !== undefined ? nameMatch[2]! : m[1]!;
  if (path.length > NAME_TOTAL_LENGTH_MAX) return err(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  const ref: NamedReference = { domain, path };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) {
    const problem = validateDigest(m[3]);
    if (problem) return err(problem);
    ref.digest = m[3];
  }
  return ok(ref);
}

/** normalize.go splitDockerDomain: `busybox` -> docker.io + library/busybox; a first component with `.`, `:`, an upper-case letter or `localhost` is a registry. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = i < 0 ? '' : name.slice(0, i);
  if (i < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** reference.ParseNormalizedNamed: what `docker pull`, `docker tag`'s target and the daemon's name lookups use. */
export function parseNormalizedNamed(s: string): Parsed<NamedReference> {
  if (IDENTIFIER_RE.test(s)) return err(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return err(`invalid reference format: repository name (${remote}) must be lowercase`);
  return parse(`${domain}/${remainder}`);
}

/** reference.ParseAnyReference: a 64-hex ID or `sha256:...` digest, else a normalized name (`docker run`, `docker rmi`, image lookups). */
export function parseAnyReference(s: string): Parsed<AnyReference> {
  if (IDENTIFIER_RE.test(s)) return ok({ kind: 'digest', digest: `sha256:${s}` });
  if (s.includes(':') && validateDigest(s) === undefined) return ok({ kind: 'digest', digest: s });
  const named = parseNormalizedNamed(s);
  return named.ok ? ok({ kind: 'named', ref: named.value }) : err(named.error);
}

/** reference.IsNameOnly. */
export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** reference.TagNameOnly: a bare name gets `:latest`. */
export function withDefaultTag(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** The repository's canonical name: `docker.io/library/busybox`. */
export function canonicalName(ref: Pick<NamedReference, 'domain' | 'path'>): string {
  return `${ref.domain}/${ref.path}`;
}

/** reference.FamiliarName: `busybox`, `training/webapp`, `registry.example.com/team/app`. */
export function familiarName(ref: Pick<NamedReference, 'domain' | 'path'>): string {
  if (ref.domain !== DEFAULT_DOMAIN) return canonicalName(ref);
  return ref.path.startsWith(OFFICIAL_REPO_PREFIX) && !ref.path.slice(OFFICIAL_REPO_PREFIX.length).includes('/') ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : ref.path;
}

function suffix(ref: NamedReference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** Reference.String(): `docker.io/library/busybox:latest`. */
export function canonicalString(ref: NamedReference): string {
  return canonicalName(ref) + suffix(ref);
}

/** reference.FamiliarString: `busybox:latest`, `nginx@sha256:...`. */
export function familiarString(ref: NamedReference): string {
  return familiarName(ref) + suffix(ref);
}

/** The repository path as a registry sees it (`library/alpine`): what "Pulling from" names. */
export function remotePath(ref: NamedReference): string {
  return ref.path;
}

/** Whether `tag` is a well-formed tag (`[\w][\w.-]{0,127}`). */
export function isValidTag(tag: string): boolean {
  return ANCHORED_TAG_RE.test(tag);
}

/** Go's path.Match for the `reference` filter: `*` and `?` stay within a path segment, `[...]` classes. */
function pathMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      const body = pattern.slice(i + 1, end).replace(/^\^/, '!');
      re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]!}`;
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`).test(name);
  } catch {
    return false;
  }
}

/** reference.FamiliarMatch: the pattern against `busybox:latest`, then against `busybox`. */
export function familiarMatch(pattern: string, ref: NamedReference): boolean {
  return pathMatch(pattern, familiarString(ref)) || pathMatch(pattern, familiarName(ref));
}
