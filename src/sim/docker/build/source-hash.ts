/**
 * The hash the classic builder gives a COPY/ADD source in its history line and
 * cache key (`COPY file:8b3a05... in /www/index.html `): moby's
 * remotecontext NewFileHash, a SHA-256 of the file's tar header fields in
 * tarsum v1 order (name, mode, uid, gid, size, typeflag, linkname, uname,
 * gname, devmajor, devminor; no mtime) followed by its contents. Files here
 * are root's with mode 0644, as `printf > file` leaves them on the host.
 */
import { sha256Hex } from '../sha256.ts';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** `file:<hash>` of a context file by its path relative to the context. */
export function fileSourceHash(relPath: string, content: string): string {
  const header = `name${relPath}mode420uid0gid0size${bytes(content)}typeflag0linknameunamegnamedevmajor0devminor0`;
  return `file:${sha256Hex(header + content)}`;
}

/** `dir:<hash>`: the digest of the hashes of what the directory holds, joined with commas (copier.calcCopyInfo). */
export function dirSourceHash(fileHashes: readonly string[]): string {
  return `dir:${sha256Hex(fileHashes.join(','))}`;
}

/** `multi:<hash>` for several sources (hashStringFromSources). */
export function multiSourceHash(hashes: readonly string[]): string {
  return hashes.length === 1 ? hashes[0]! : `multi:${sha256Hex(hashes.join(','))}`;
}
