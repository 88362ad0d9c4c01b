import type { BuildOptions } from 'esbuild';

export declare const ELECTRON_BUNDLES: (BuildOptions & { outfile: string; entryPoints: string[] })[];

export declare const CLI_BUNDLE: BuildOptions & { entryPoints: string[] };
