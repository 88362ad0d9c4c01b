import type { BundleSettings } from './bundle-cache.js';

export declare const ROOT: string;
export declare const CLI_SETTINGS: BundleSettings;
export declare function compiledCli(): Promise<string>;
