/** The package managers that read the package catalogs (apt, apt-get, apk): one lazy part (./parts.ts). */
export { aptCommand } from '../pkg-apt.ts';
export { apkCommand } from '../pkg-apk.ts';
