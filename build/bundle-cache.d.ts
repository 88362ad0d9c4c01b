import type { BuildOptions } from 'esbuild';

export interface BundleSettings {
  /** The folder of the builds and their stamp.json. */
  outDir: string;
  /** The folder the entry points and stamped files are relative to. */
  root: string;
  options: BuildOptions;
  extraInputs?: string[];
}

export declare function currentBundle(outDir: string, root: string): string | null;
export declare function buildBundle(settings: BundleSettings): Promise<string>;
export declare function freshBundle(settings: BundleSettings): Promise<string>;
export declare function markRunning(entry: string): void;
