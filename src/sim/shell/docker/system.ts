/**
 * `docker version` and `docker info`: the client's text layouts, or a
 * `--format` template on the typed values of ../../docker/system.ts.
 */
import type { Engine } from '../../docker/engine.ts';
import { CLIENT, SERVER } from '../../docker/engine-facts.ts';
import { systemInfo, versionInfo } from '../../docker/system.ts';
import { lazyPart } from '../lazy/parts.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { noArgsError } from './usage.ts';

/** A template on a typed value: parse errors exit 64; an execution error is printed as Go's text/template says it. */
function formatted(format: string, data: unknown, trailingNewline: boolean): CommandOutput {
  const template = format === 'json' ? '{{json .}}' : format;
  const parseError = lazyPart('gotpl').templateParseError(template);
  if (parseError) return fail(`${parseError}\n`, 64);
  const r = lazyPart('gotpl').renderTemplate(template, data);
  if ('error' in r) return fail(`${r.error.replace(/^template parsing error: /, '')}\n`, 1, trailingNewline ? '\n' : '');
  return ok(`${r.output}\n`);
}

/** The tabwriter layout of `docker version` (minimum cell width 20). */
function row(label: string, value: string | number | boolean): string {
  return `${label.padEnd(19)} ${value}\n`;
}

export function versionCommand(_engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('version', argv, [{ long: 'format', short: 'f', kind: 'string' }]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('version');
  const format = f.strings.get('format');
  if (format !== undefined && format !== '') return formatted(format, versionInfo(), false);
  let out = 'Client:\n';
  out += row(' Version:', CLIENT.version);
  out += row(' API version:', CLIENT.apiVersion);
  out += row(' Go version:', CLIENT.goVersion);
  out += row(' Git commit:', CLIENT.gitCommit);
  out += row(' Built:', CLIENT.built);
  out += row(' OS/Arch:', 'linux/amd64');
  out += row(' Context:', 'default');
  out += '\nServer:\n Engine:\n';
  out += row('  Version:', SERVER.version);
  out += row('  API version:', `${SERVER.apiVersion} (minimum version ${SERVER.minApiVersion})`);
  out += row('  Go version:', SERVER.goVersion);
  out += row('  Git commit:', SERVER.gitCommit);
  out += row('  Built:', SERVER.built);
  out += row('  OS/Arch:', 'linux/amd64');
  out += row('  Experimental:', false);
  out += ' containerd:\n';
  out += row('  Version:', SERVER.containerd.version);
  out += row('  GitCommit:', SERVER.containerd.gitCommit);
  out += ` ${SERVER.runtime.name}:\n`;
  out += row('  Version:', SERVER.runtime.version);
  out += row('  GitCommit:', SERVER.runtime.gitCommit);
  return ok(out);
}

/** go-units BytesSize: binary units with up to 4 significant digits (`3.827GiB`). */
function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${Number(value.toPrecision(4))}${units[i]}`;
}

export function infoCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('info', argv, [{ long: 'format', short: 'f', kind: 'string' }]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('info');
  const info = systemInfo(engine);
  const format = f.strings.get('format');
  if (format !== undefined && format !== '') return formatted(format, info, true);
  const plugins = info.Plugins as { Volume: string[]; Network: string[]; Log: string[] };
  const lines = [
    'Client:',
    ` Version:    ${CLIENT.version}`,
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${String(info.Containers)}`,
    `  Running: ${String(info.ContainersRunning)}`,
    `  Paused: ${String(info.ContainersPaused)}`,
    `  Stopped: ${String(info.ContainersStopped)}`,
    ` Images: ${String(info.Images)}`,
    ` Server Version: ${SERVER.version}`,
    ` Storage Driver: ${SERVER.storageDriver}`,
    ' Logging Driver: json-file',
    ' Cgroup Driver: cgroupfs',
    ' Cgroup Version: 1',
    ' Plugins:',
    `  Volume: ${plugins.Volume.join(' ')}`,
    `  Network: ${plugins.Network.join(' ')}`,
    `  Log: ${plugins.Log.join(' ')}`,
    ' Swarm: inactive',
    ` Runtimes: ${SERVER.runtime.name} io.containerd.runc.v2 runc`,
    ` Default Runtime: ${SERVER.runtime.name}`,
    ' Init Binary: docker-init',
    ' containerd version: ',
    ` runc version: ${SERVER.runtime.gitCommit}`,
    ' init version: ',
    ' Security Options:',
    '  seccomp',
    '   Profile: builtin',
    ` Kernel Version: ${SERVER.kernelVersion}`,
    ` Operating System: ${String(info.OperatingSystem)}`,
    ' OSType: linux',
    ' Architecture: x86_64',
    ` CPUs: ${SERVER.ncpu}`,
    ` Total Memory: ${bytesSize(SERVER.memTotal)}`,
    ` Name: ${SERVER.hostName}`,
    ` ID: ${String(info.ID)}`,
    ` Docker Root Dir: ${SERVER.dockerRootDir}`,
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
  ];
  return ok(`${lines.join('\n')}\n`);
}
