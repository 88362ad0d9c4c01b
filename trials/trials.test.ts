/**
 * A few crash trials and fuzz cases in `npm test` (the full sets are `npm run trials` and
 * `npm run fuzz`). Slow on purpose: real processes killed, real encrypted databases checked.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz/fuzz.ts';
import { IMPORTERS } from './fuzz/importers.ts';
import { runTrials } from './run-trials.ts';
import { TEST_SIZES } from './workspace.ts';
import { useRealKeyStretch } from '../electron/app/testing/short-key-stretch.ts';

// The databases are made and opened by child `linkdesk` processes, which always use the real stretch.
useRealKeyStretch();

const MINUTES = 60_000;

describe('crash trials', () => {
  // One killed run of every write path here (the harness measures each un-killed first);
  // `npm run trials` runs 100 of each.
  it('a killed import, bulk allocation, hub import, visit save, backup, passphrase change, restore, or person added or removed leaves a database that opens, passes check and holds all or nothing', async () => {
    const operations = ['gias-import', 'people-import', 'bulk-allocation', 'hub-import', 'visit-save', 'access-add', 'access-remove', 'access-remove-reencrypt', 'backup', 'rekey', 'restore'];
    const results = await runTrials({ operations, runs: 1, seed: 20261202, sizes: TEST_SIZES });
    expect(results.map((r) => r.operation)).toEqual(operations);
    for (const r of results) {
      expect(r.notRun, r.operation).toBeNull();
      expect(r.failures, r.operation).toEqual([]);
      expect([r.runs, r.opened, r.checkPassed, r.allOrNothing], r.operation).toEqual([1, 1, 1, 1]);
    }
  }, 30 * MINUTES);
});

describe('fuzzing the importers', () => {
  it('every importer imports or refuses malformed files with a clear message, and a refusal changes nothing', async () => {
    const results = await runFuzz({
      importers: IMPORTERS.map((i) => i.name), cases: 3, seed: 1, timeoutMs: 5 * MINUTES, heapMb: 1536,
      findingsDir: path.join(os.tmpdir(), 'linkdesk-fuzz-findings-test'),
    });
    for (const r of results) {
      expect(r.findings, r.importer).toEqual([]);
      expect([r.cases, r.crashes, r.changedOnFailure], r.importer).toEqual([3, 0, 0]);
      expect(r.accepted + r.refused, r.importer).toBe(3);
    }
  }, 30 * MINUTES);
});
