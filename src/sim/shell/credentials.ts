/**
 * Who a container's processes run as: `docker run -u NAME|UID[:GROUP|GID]` and
 * `--group-add`, resolved against the container's own /etc/passwd and /etc/group
 * as the daemon does when it writes the OCI spec (libcontainer/user
 * GetExecUserPath, daemon/oci_linux.go getUser): a name must be in the file, a
 * number need not be (its group is then 0). The supplementary groups are the
 * primary group, the groups listing the user, then `--group-add`'s (golden
 * run-user-labels: `-u 1000 --group-add 10` gives `groups=0(root),10,20`).
 */
import type { FileSystem } from './fs.ts';

export interface Credentials {
  uid: number;
  gid: number;
  groups: number[];
}

function rows(fs: FileSystem, path: string): string[][] {
  const text = fs.read(path);
  if (['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text)) return [];
  return text.split('\n').filter((l) => l.includes(':')).map((l) => l.split(':'));
}

const numeric = (s: string) => /^\d+$/.test(s);

/** The credentials for a user spec, or the daemon's error when a name is not in the image's files. */
export function resolveUser(fs: FileSystem, spec: string, groupAdd: readonly string[]): Credentials | { error: string } {
  const colon = spec.indexOf(':');
  const userPart = colon < 0 ? spec : spec.slice(0, colon);
  const groupPart = colon < 0 ? '' : spec.slice(colon + 1);
  const passwd = rows(fs, '/etc/passwd');
  const groupFile = rows(fs, '/etc/group');
  let uid = 0;
  let gid = 0;
  let name: string | undefined = 'root';
  if (userPart !== '') {
    const byName = passwd.find((r) => r[0] === userPart);
    const entry = byName ?? (numeric(userPart) ? passwd.find((r) => Number(r[2]) === Number(userPart)) : undefined);
    if (!entry && !numeric(userPart)) return { error: `unable to find user ${userPart}: no matching entries in passwd file` };
    uid = entry ? Number(entry[2]) : Number(userPart);
    gid = entry ? Number(entry[3]) : 0;
    name = entry?.[0];
  }
  if (groupPart !== '') {
    const entry = groupFile.find((r) => r[0] === groupPart) ?? (numeric(groupPart) ? groupFile.find((r) => Number(r[2]) === Number(groupPart)) : undefined);
    if (!entry && !numeric(groupPart)) return { error: `unable to find group ${groupPart}: no matching entries in group file` };
    gid = entry ? Number(entry[2]) : Number(groupPart);
  }
  const member = name === undefined ? [] : groupFile.filter((r) => (r[3] ?? '').split(',').includes(name)).map((r) => Number(r[2]));
  const added: number[] = [];
  for (const g of groupAdd) {
    const entry = groupFile.find((r) => r[0] === g);
    if (!entry && !numeric(g)) return { error: `Unable to find group ${g}: no matching entries in group file` };
    added.push(entry ? Number(entry[2]) : Number(g));
  }
  return { uid, gid, groups: [...new Set([gid, ...member, ...added])] };
}
