import type { Plugin } from 'vite';

export declare const RENDERER_STAMP: string;
export declare function rendererIsFresh(): boolean;
export declare function rendererStamp(): Plugin;
