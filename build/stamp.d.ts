export interface Stamp {
  version: 1;
  files: [string, number, number][];
  [key: string]: unknown;
}

export declare function stampedFiles(root: string, inputs: string[]): string[];
export declare function makeStamp(root: string, files: string[], builtFrom: number, extra?: Record<string, unknown>): Stamp;
export declare function stampIsFresh(root: string, stamp: Stamp | null): boolean;
export declare function readStamp(file: string): Stamp | null;
export declare function writeFileAtomic(file: string, text: string): void;
