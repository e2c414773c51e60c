/**
 * What the docker CLI prints about objects rather than changes: `docker inspect` (and
 * `container`, `network`, `image` inspect), `docker images` and `docker image`,
 * `docker volume`, `docker version` and `docker info`, with the engine's JSON of each
 * object: one lazy part (./parts.ts). Creating networks and running containers needs none of it.
 */
export { inspectCommand, renderInspect } from '../docker/inspect-cmd.ts';
export { networkObject } from '../../docker/inspect.ts';
export { imageCommand, imagesCommand } from '../docker/images.ts';
export { volumeCommand } from '../docker/volume-cmds.ts';
export { infoCommand, versionCommand } from '../docker/system.ts';
export { cpCommand } from '../docker/copy.ts';
// `docker update` (a word the housekeeping commands' list names).
export { updateCommand } from '../docker/update-cmd.ts';
export { historyCommand } from '../docker/history-cmd.ts';
export { containerPrune, diffCommand, imagePrune, notModelled, searchCommand, statsCommand, systemCommand, waitCommand } from '../docker/housekeeping.ts';
