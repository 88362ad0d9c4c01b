import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../app/db/migrations/index.ts';
import { createDemoDatabase } from '../app/demo/demo.ts';
import { PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch.
useRealKeyStretch();

const SLOW = 300_000;

function demoFile(): string {
  return demoWithCaseId().file;
}

/** The demo, and a case ID its visit records hold. */
function demoWithCaseId(): { file: string; caseId: string } {
  const file = path.join(tempDir(), 'demo.linkdesk');
  const db = createDemoDatabase(file, PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  const caseId = db.db.prepare("SELECT json_extract(c.value, '$.child.caseId') FROM visit_record r, json_each(r.data, '$.children') c WHERE json_extract(c.value, '$.child.caseId') IS NOT NULL LIMIT 1").pluck().get() as string;
  db.close();
  return { file, caseId };
}

function clockAt(instant: string): Record<string, string> {
  const file = path.join(tempDir(), 'clock');
  fs.writeFileSync(file, instant);
  return { LINKDESK_CLOCK_FILE: file };
}

describe('linkdesk retention', () => {
  it('reviews what is past its period, purges only when confirmed, and the check still verifies the escalation log and the audit chain', async () => {
    const file = demoFile();
    const later = clockAt('2033-12-01T10:00:00Z');
    const review = await linkdesk(['retention', '--db', file, '--review', '--json'], later);
    expect(review.status).toBe(0);
    const due = JSON.parse(review.stdout) as { kind: string; count: number; before: string; purgeable: boolean }[];
    expect(due.map((d) => d.kind)).toEqual(['visit_records', 'consultations', 'contacts', 'escalations', 'documents', 'audit']);
    expect(due.every((d) => d.count > 0 && d.before === '2027-12-01')).toBe(true);

    const unconfirmed = await linkdesk(['retention', '--db', file, '--purge'], later);
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toContain('add --confirm to say you mean it');

    const purge = await linkdesk(['retention', '--db', file, '--purge', '--confirm', '--json'], later);
    expect(purge.status).toBe(0);
    const purged = (JSON.parse(purge.stdout) as { purged: { kind: string; count: number }[] }).purged;
    expect(purged.map((p) => [p.kind, p.count])).toEqual(due.filter((d) => d.purgeable).map((d) => [d.kind, d.count]));

    const check = await linkdesk(['check', '--db', file]);
    expect(check.status).toBe(0);
    expect(check.stdout.startsWith(`OK: integrity, cipher and history checks passed (schema ${LATEST_SCHEMA_VERSION})`)).toBe(true);
    const after = JSON.parse((await linkdesk(['retention', '--db', file, '--review', '--json'], later)).stdout) as { count: number; purgeable: boolean }[];
    expect(after.filter((d) => d.purgeable).map((d) => d.count)).toEqual([0, 0, 0, 0]);
  }, SLOW);
});

describe('linkdesk subject-access', () => {
  it('prints the records of a case ID as [{kind, id, date, school}] and writes the bundle, never over a file unless asked', async () => {
    const { file, caseId } = demoWithCaseId();
    const out = path.join(tempDir(), 'bundle.docx');
    const run = await linkdesk(['subject-access', '--db', file, '--case-id', caseId, '--out', out, '--json']);
    expect(run.stderr).toBe('');
    const matches = JSON.parse(run.stdout) as Record<string, string>[];
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(Object.keys(m)).toEqual(['kind', 'id', 'date', 'school']);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    const again = await linkdesk(['subject-access', '--db', file, '--case-id', caseId, '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--replace');
    const neither = await linkdesk(['subject-access', '--db', file, '--initials', 'JB', '--out', out, '--replace']);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toContain('Give the year group with the initials');
  }, SLOW);
});
