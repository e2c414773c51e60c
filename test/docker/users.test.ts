/**
 * `-u USER[:GROUP]` read against a container's /etc/passwd and /etc/group as the
 * daemon reads it (moby/sys/user GetExecUser; daemon/oci_linux.go getUser puts the
 * primary group first). The numeric and error cases are the rig's (golden
 * exec-user-workdir); the named-group cases follow GetExecUser's source.
 */
import { describe, expect, it } from 'vitest';
import { resolveUser } from '../../src/sim/docker/users.ts';

const files = {
  passwd: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\n',
  group: 'root:x:0:root\nwheel:x:10:root,app\nnobody:x:65534:\napp:x:1000:\n',
};

describe('resolveUser', () => {
  it('takes a name or a uid from /etc/passwd, with its home and the groups that list it', () => {
    expect(resolveUser('app', files)).toEqual({ uid: 1000, gid: 1000, groups: [1000, 10], home: '/home/app' });
    expect(resolveUser('1000', files)).toEqual({ uid: 1000, gid: 1000, groups: [1000, 10], home: '/home/app' });
    expect(resolveUser('', files)).toEqual({ uid: 0, gid: 0, groups: [0, 10], home: '/root' });
  });

  it('gives a uid /etc/passwd lacks gid 0 and HOME /, as the rig shows', () => {
    expect(resolveUser('1234', files)).toEqual({ uid: 1234, gid: 0, groups: [0], home: '/' });
    expect(resolveUser('1234:1234', files)).toEqual({ uid: 1234, gid: 1234, groups: [1234], home: '/' });
  });

  it('with an explicit group: that group alone, by name or number', () => {
    expect(resolveUser('app:wheel', files)).toEqual({ uid: 1000, gid: 10, groups: [10], home: '/home/app' });
    expect(resolveUser('0:65534', files)).toEqual({ uid: 0, gid: 65534, groups: [65534], home: '/root' });
  });

  it('refuses a name the files lack, the user first', () => {
    expect(resolveUser('ghost', files)).toEqual({ error: 'unable to find user ghost: no matching entries in passwd file' });
    expect(resolveUser('ghost:nogroup', files)).toEqual({ error: 'unable to find user ghost: no matching entries in passwd file' });
    expect(resolveUser('app:nogroup', files)).toEqual({ error: 'unable to find group nogroup: no matching entries in group file' });
  });
});
