/**
 * What the engine says about itself (`docker version`, `docker info`): the
 * real-docker rig's daemon and client, version strings included, since the
 * transcripts must match it (Debian's 28.5.2+dfsg4 build, storage driver vfs,
 * runc 1.1.5 registered as the runtime `r115`; golden 32). Values are Go
 * structs in field order for `--format` templates.
 */
import type { Engine } from './engine.ts';
import { goMap, goStruct } from './govalue.ts';
import { goTime } from './go-time.ts';
import { ENGINE_ID } from './world.ts';

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

/** The client's versionInfo: `.Client` (its clientVersion) and `.Server` (types.Version). */
export function versionInfo(): Record<string, unknown> {
  const component = (name: string, version: string, details: Record<string, string>) => ({ Name: name, Version: version, Details: goMap(details) });
  return {
    Client: goStruct(
      {
        Platform: { Name: '' },
        Version: CLIENT.version,
        APIVersion: CLIENT.apiVersion,
        DefaultAPIVersion: CLIENT.apiVersion,
        GitCommit: CLIENT.gitCommit,
        GoVersion: CLIENT.goVersion,
        Os: 'linux',
        Arch: 'amd64',
        BuildTime: CLIENT.built,
        Context: 'default',
      },
      'command.clientVersion',
    ),
    Server: goStruct(
      {
        Platform: { Name: '' },
        Components: [
          component('Engine', SERVER.version, {
            ApiVersion: SERVER.apiVersion,
            Arch: 'amd64',
            BuildTime: SERVER.buildTime,
            Experimental: 'false',
            GitCommit: SERVER.gitCommit,
            GoVersion: SERVER.goVersion,
            KernelVersion: SERVER.kernelVersion,
            MinAPIVersion: SERVER.minApiVersion,
            Os: 'linux',
          }),
          component('containerd', SERVER.containerd.version, { GitCommit: SERVER.containerd.gitCommit }),
          component(SERVER.runtime.name, SERVER.runtime.version, { GitCommit: SERVER.runtime.gitCommit }),
        ],
        Version: SERVER.version,
        APIVersion: SERVER.apiVersion,
        MinAPIVersion: SERVER.minApiVersion,
        GitCommit: SERVER.gitCommit,
        GoVersion: SERVER.goVersion,
        Os: 'linux',
        Arch: 'amd64',
        KernelVersion: SERVER.kernelVersion,
        BuildTime: SERVER.buildTime,
      },
      'types.Version',
      { Experimental: false },
    ),
  };
}

/** system.Info as `docker info --format` sees it (the fields that do not depend on the machine are the rig's). */
export function systemInfo(engine: Engine): Record<string, unknown> {
  const containers = [...engine.containers.values()];
  const count = (state: string) => containers.filter((c) => c.state === state).length;
  return goStruct(
    {
      ID: ENGINE_ID,
      Containers: containers.length,
      ContainersRunning: count('running'),
      ContainersPaused: count('paused'),
      ContainersStopped: containers.length - count('running') - count('paused'),
      Images: engine.images.length,
      Driver: SERVER.storageDriver,
      DriverStatus: [],
      Plugins: {
        Volume: ['local'],
        Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
        Authorization: null,
        Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
      },
      MemoryLimit: true,
      SwapLimit: true,
      CpuCfsPeriod: true,
      CpuCfsQuota: true,
      CPUShares: true,
      CPUSet: true,
      PidsLimit: true,
      IPv4Forwarding: true,
      Debug: false,
      NFd: 32,
      OomKillDisable: false,
      NGoroutines: 48,
      SystemTime: goTime(engine.kernel.now),
      LoggingDriver: 'json-file',
      CgroupDriver: 'cgroupfs',
      CgroupVersion: '1',
      NEventsListener: 0,
      KernelVersion: SERVER.kernelVersion,
      OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      OSVersion: '12',
      OSType: 'linux',
      Architecture: 'x86_64',
      IndexServerAddress: 'https://index.docker.io/v1/',
      NCPU: SERVER.ncpu,
      MemTotal: SERVER.memTotal,
      DockerRootDir: SERVER.dockerRootDir,
      HTTPProxy: '',
      HTTPSProxy: '',
      NoProxy: '',
      Name: SERVER.hostName,
      Labels: [],
      ExperimentalBuild: false,
      ServerVersion: SERVER.version,
      Runtimes: goMap({ [SERVER.runtime.name]: { path: 'runc' }, 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } }),
      DefaultRuntime: SERVER.runtime.name,
      Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
      LiveRestoreEnabled: false,
      Isolation: '',
      InitBinary: 'docker-init',
      ContainerdCommit: { ID: '' },
      RuncCommit: { ID: SERVER.runtime.gitCommit },
      InitCommit: { ID: '' },
      SecurityOptions: ['name=seccomp,profile=builtin'],
      CDISpecDirs: [],
      Warnings: null,
    },
    'system.Info',
  );
}
