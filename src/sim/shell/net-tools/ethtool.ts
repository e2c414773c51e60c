/**
 * ethtool 6.1 on the Debian machines: `-i` (driver information), `-S` (a veth's
 * statistics, whose peer_ifindex names the other end) and the plain settings
 * report, for veth, bridge and lo.
 */
import type { LinkInfo } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';

const NO_DEVICE_NETLINK = 'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n'.repeat(5) + 'No data available\n';

export const ethtoolCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  const bad = fail('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n', 1);
  if (!view || argv.length === 0) return bad;
  const [first, second] = argv;
  const mode = first!.startsWith('-') ? first : undefined;
  const name = mode ? second : first;
  if (name === undefined || argv.length > 2) return bad;
  const link = view.link(name);
  switch (mode) {
    case undefined:
      return link ? ok(settings(link)) : fail(NO_DEVICE_NETLINK, 75);
    case '-i':
    case '--driver':
      if (!link) return fail('Cannot get driver information: No such device\n', 71);
      return driverInfo(link);
    case '-S':
    case '--statistics':
      if (!link) return fail('Cannot get stats strings information: No such device\n', 96);
      if (link.kind !== 'veth') return fail('no stats available\n', 94);
      return ok(vethStats(link));
    default:
      return bad;
  }
};

function driverInfo(link: LinkInfo) {
  if (link.kind === 'loopback') return fail('Cannot get driver information: Operation not supported\n', 71);
  const veth = link.kind === 'veth';
  return ok(
    [
      `driver: ${veth ? 'veth' : 'bridge'}`,
      `version: ${veth ? '1.0' : '2.3'}`,
      `firmware-version: ${veth ? '' : 'N/A'}`,
      'expansion-rom-version: ',
      `bus-info: ${veth ? '' : 'N/A'}`,
      `supports-statistics: ${veth ? 'yes' : 'no'}`,
      'supports-test: no',
      'supports-eeprom-access: no',
      'supports-register-dump: no',
      'supports-priv-flags: no',
    ].map((l) => `${l}\n`).join(''),
  );
}

function vethStats(link: LinkInfo): string {
  const counters = ['rx_queue_0_xdp_packets', 'rx_queue_0_xdp_bytes', 'rx_queue_0_drops', 'rx_queue_0_xdp_redirect', 'rx_queue_0_xdp_drops', 'rx_queue_0_xdp_tx', 'rx_queue_0_xdp_tx_errors', 'tx_queue_0_xdp_xmit', 'tx_queue_0_xdp_xmit_errors'];
  return `NIC statistics:\n     peer_ifindex: ${link.peer?.ifindex ?? 0}\n${counters.map((c) => `     ${c}: 0\n`).join('')}`;
}

function settings(link: LinkInfo): string {
  const detected = `\tLink detected: ${link.up && link.carrier ? 'yes' : 'no'}\n`;
  if (link.kind === 'loopback') return `Settings for ${link.name}:\n${detected}`;
  const veth = link.kind === 'veth';
  return [
    `Settings for ${link.name}:`,
    '\tSupported ports: [  ]',
    '\tSupported link modes:   Not reported',
    '\tSupported pause frame use: No',
    '\tSupports auto-negotiation: No',
    '\tSupported FEC modes: Not reported',
    '\tAdvertised link modes:  Not reported',
    '\tAdvertised pause frame use: No',
    '\tAdvertised auto-negotiation: No',
    '\tAdvertised FEC modes: Not reported',
    `\tSpeed: ${veth ? '10000Mb/s' : 'Unknown!'}`,
    `\tDuplex: ${veth ? 'Full' : 'Unknown! (255)'}`,
    '\tAuto-negotiation: off',
    `\tPort: ${veth ? 'Twisted Pair' : 'Other'}`,
    '\tPHYAD: 0',
    '\tTransceiver: internal',
    ...(veth ? ['\tMDI-X: Unknown'] : []),
  ].map((l) => `${l}\n`).join('') + detected;
}
