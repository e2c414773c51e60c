/**
 * What the engine says about itself (`docker version`, `docker info`): the
 * real-docker rig's daemon and client (their builds are in engine-facts.ts),
 * since the transcripts must match it. Values are Go structs in field order for
 * `--format` templates.
 */
import type { Engine } from './engine.ts';
import { goMap, goStruct } from './govalue.ts';
import { goTime } from './go-time.ts';
import { CLIENT, SERVER } from './engine-facts.ts';
import { ENGINE_ID } from './world.ts';

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
