/** Types of scripts/architecture.js (the layer rule shared by lint and test/architecture.test.ts). */
export declare const LAYERS: Record<'netfilter' | 'net' | 'docker' | 'shell' | 'sim' | 'scenario', string[]>;
export declare const CORE_DIRS: string[];
export declare const FORBIDDEN_PACKAGES: string[];
export declare function layerOf(rel: string): string | { unknown: string } | undefined;
export declare function checkImport(fromFile: string, specifier: string): string | null;
