/** Tiny benchmark helpers: medians of repeated runs, printed as a table. Times never go in tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

export function timeIt(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeItAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function benchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-bench-'));
}

export interface Row {
  name: string;
  value: string;
  note?: string;
}

/** Each bench's figures for `--json`, merged into one object by run.ts: keys are snake_case with their unit. */
export type Results = Record<string, number>;

/** Tables go to stdout, or to stderr when stdout carries the JSON (`--json`). */
let print = (line: string): void => console.log(line);
export function printTo(stream: 'stdout' | 'stderr'): void {
  print = stream === 'stdout' ? (line) => console.log(line) : (line) => console.error(line);
}
export const say = (line: string): void => print(line);

export function printSection(title: string, rows: Row[]): void {
  print(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) print(`  ${r.name.padEnd(width)}  ${r.value.padStart(12)}${r.note ? `  ${r.note}` : ''}`);
}

export const ms = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}x`;
