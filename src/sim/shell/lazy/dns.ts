/** The name lookup programs, one lazy part (./parts.ts): bind's dig and host, busybox nslookup, getent. */
export { digCommand, hostCommand } from '../dig-cmd.ts';
export { getentCommand, nslookupCommand } from '../dns-cmds.ts';
export { muslGetentCommand } from '../getent-musl.ts';
