/**
 * Who a container's process runs as: `docker run -u` / `docker exec -u` (or the
 * image's USER) read against the container's /etc/passwd and /etc/group, as the
 * daemon does before it starts the process (moby/sys/user GetExecUser, then
 * daemon/oci_linux.go getUser). Pure.
 */

/** The identity a process starts with, and the HOME it gets when none is set. */
export interface ProcessUser {
  uid: number;
  gid: number;
  /** Supplementary groups: the primary group, then the groups that list the user by name. */
  groups: number[];
  home: string;
}

export const ROOT_USER: ProcessUser = { uid: 0, gid: 0, groups: [0], home: '/root' };

/** Lines of a colon-separated table (/etc/passwd, /etc/group); a missing file is empty. */
function rows(text: string | undefined): string[][] {
  return (text ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(':'));
}

const isId = (s: string) => /^\d+$/.test(s);

/**
 * `USER[:GROUP]` (names or numbers) against the files' text. A name must be
 * listed; a number that is not gets that uid with gid 0 and HOME `/` (the
 * library's defaults), a group number likewise. `''` is root.
 */
export function resolveUser(spec: string, files: { passwd?: string; group?: string }): ProcessUser | { error: string } {
  const colon = spec.indexOf(':');
  const userPart = colon < 0 ? spec : spec.slice(0, colon);
  const groupPart = colon < 0 ? undefined : spec.slice(colon + 1);
  const passwd = rows(files.passwd);
  const groups = rows(files.group);
  const ref = userPart === '' ? '0' : userPart;
  const entry = passwd.find((f) => f[0] === ref || (isId(ref) && Number(f[2]) === Number(ref)));
  if (!entry && !isId(ref)) return { error: `unable to find user ${ref}: no matching entries in passwd file` };
  const name = entry?.[0];
  const uid = Number(entry ? entry[2] : ref);
  let gid = entry ? Number(entry[3]) : 0;
  const home = entry ? (entry[5] ?? '/') : '/';
  if (groupPart !== undefined && groupPart !== '') {
    const group = groups.find((f) => f[0] === groupPart || (isId(groupPart) && Number(f[2]) === Number(groupPart)));
    if (group) gid = Number(group[2]);
    else if (isId(groupPart)) gid = Number(groupPart);
    else return { error: `unable to find group ${groupPart}: no matching entries in group file` };
  }
  // Supplementary groups come only with the implicit form (no GROUP given).
  const explicitGroup = groupPart !== undefined && groupPart !== '';
  const listed = name === undefined || explicitGroup ? [] : groups.filter((f) => (f[3] ?? '').split(',').includes(name)).map((f) => Number(f[2]));
  return { uid, gid, groups: [...new Set([gid, ...listed])], home };
}

/**
 * `--group-add`'s groups (names or numbers) against the group file, as the daemon
 * adds them to every process of the container (user.GetAdditionalGroupsPath): a
 * name must be listed, a number need not be.
 */
export function additionalGroups(groupAdd: readonly string[], groupText: string | undefined): number[] | { error: string } {
  const groups = rows(groupText);
  const gids: number[] = [];
  for (const ref of groupAdd) {
    const group = groups.find((f) => f[0] === ref || (isId(ref) && Number(f[2]) === Number(ref)));
    if (!group && !isId(ref)) return { error: `Unable to find group ${ref}: no matching entries in group file` };
    gids.push(Number(group ? group[2] : ref));
  }
  return gids;
}
