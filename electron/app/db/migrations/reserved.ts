import type { Migration } from './types.ts';

/**
 * Numbers 12 to 14 belong to migrations on other branches, not merged here yet. These stand-ins
 * (which change nothing) keep the numbering gap-free so 0015 can carry its own number; the real
 * migrations replace them when the branches meet. A database migrated with the stand-ins is a
 * development copy only: it would skip the real 12 to 14.
 */
const standIn = (version: number): Migration => ({ version, name: `reserved for another branch (${version})`, up: () => undefined });

export const reserved0012 = standIn(12);
export const reserved0013 = standIn(13);
export const reserved0014 = standIn(14);
