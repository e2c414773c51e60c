/**
 * The network tools that read and change a namespace's links, addresses, routes and
 * sockets (iproute2's ip and ss, busybox's ip, ifconfig, route, netstat and arp,
 * ethtool): one lazy part (./parts.ts). Docker's own commands and ping need none of them.
 */
export { ethtoolCommand } from '../net-tools/ethtool.ts';
export { ifconfigCommand } from '../net-tools/ifconfig.ts';
export { ipCommand } from '../net-tools/ip.ts';
export { busyboxIpCommand, netAdminIp } from '../net-tools/ip-busybox.ts';
export { busyboxArpCommand } from '../net-tools/arp.ts';
export { alpineNetstatCommand, netstatCommand } from '../net-tools/netstat.ts';
export { busyboxRouteCommand } from '../net-tools/route.ts';
export { ssCommand } from '../net-tools/ss.ts';
