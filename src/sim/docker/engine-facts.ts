/**
 * The rig's client and daemon builds, as `docker version` and `docker info` print them
 * (Debian's 28.5.2+dfsg4 daemon, storage driver vfs, runc 1.1.5 registered as `r115`;
 * golden 32). Apart from system.ts, which prints them, so that the programs that only
 * need a figure (caddy's CPU count, `nproc`) do not load `docker inspect`'s chunk.
 */
export const CLIENT = {
  version: '28.2.2',
  apiVersion: '1.50',
  goVersion: 'go1.24.3',
  gitCommit: 'e6534b4',
  built: 'Fri May 30 12:07:14 2025',
  buildTime: '2025-05-30T12:07:14.000000000+00:00',
};

export const SERVER = {
  version: '28.5.2+dfsg4',
  apiVersion: '1.51',
  minApiVersion: '1.24',
  goVersion: 'go1.27.1',
  gitCommit: '3ef3c07c883be49a2e8097bcf6d2952fce1d70eb',
  built: 'Tue Sep 15 11:02:57 2026',
  buildTime: '2026-09-15T11:02:57.000000000+00:00',
  kernelVersion: '6.18.0',
  containerd: { version: '2.1.9+unknown', gitCommit: '' },
  runtime: { name: 'r115', version: '1.1.5+ds1', gitCommit: '1.1.5+ds1-1+deb12u1' },
  storageDriver: 'vfs',
  dockerRootDir: '/var/lib/docker',
  hostName: 'dockerhost',
  ncpu: 2,
  memTotal: 4_109_000_704,
};
