/**
 * caddy, the official image's web server (a lazy part: src/sim/shell/lazy/parts.ts): its
 * program (./command.ts) and the files its image ships (./image-files.ts).
 */
export { caddyCommand, CADDY_VERSION_TEXT, type CaddyDeps } from './command.ts';
export { CADDY_DEFAULT_CADDYFILE, CADDY_WELCOME_HTML } from './image-files.ts';
