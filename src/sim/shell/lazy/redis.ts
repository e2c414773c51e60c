/**
 * redis-cli and redis-server run as a command (`redis-server --port 7000`): one lazy part
 * (./parts.ts), named by the programs and by the image (./needs.ts). The image's own
 * redis-server started with its default command needs neither: the simulator's redis model
 * (servers.ts) answers for it.
 */
export { redisCliCommand } from '../redis-cli.ts';
export { redisServerCommand } from '../redis-server-cmd.ts';
