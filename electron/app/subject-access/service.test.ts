import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubjectAccessExportInput, SubjectAccessQuery } from '../../../shared/domain/subject-access.ts';
import type { Connection } from '../db/cipher.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { docxText } from '../documents/docx-template.ts';
import { PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { exportSubjectAccess, subjectAccessSearch } from './service.ts';

function demo() {
  return createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
}

interface Ref { initials: string; yearGroup: string; caseId: string | null }

/** Every child reference the demo holds, with where it is: read straight from the tables, not through the search. */
function everyReference(db: Connection): (Ref & { kind: string; id: string })[] {
  const rows = [
    ...db.prepare("SELECT 'visit_record' AS kind, visit_id AS id, c.value AS ref FROM visit_record_version r, json_each(r.data, '$.children') c").all(),
    ...db.prepare("SELECT 'consultation' AS kind, k.id, c.value AS ref FROM consultation k, json_each(k.data, '$.children') c").all(),
    ...db.prepare("SELECT 'escalation' AS kind, e.escalation_id AS id, c.value AS ref FROM escalation_entry e, json_each(e.children) c").all(),
  ] as { kind: string; id: string; ref: string }[];
  return rows.map((r) => {
    const parsed = JSON.parse(r.ref) as { child?: Ref } & Ref;
    const ref = parsed.child ?? parsed;
    return { kind: r.kind, id: r.id, initials: ref.initials, yearGroup: ref.yearGroup, caseId: ref.caseId ?? null };
  });
}

describe('subject access', () => {
  it('finds every record of a case ID in the demo, audits the search without the reference, and bundles them with no other child’s reference', () => {
    const db = demo();
    const refs = everyReference(db.db);
    const caseIds = [...new Set(refs.map((r) => r.caseId).filter((c): c is string => Boolean(c)))];
    expect(caseIds.length).toBeGreaterThan(0);
    // The case ID that appears in the most records.
    const caseId = caseIds.sort((a, b) => refs.filter((r) => r.caseId === b).length - refs.filter((r) => r.caseId === a).length)[0] ?? '';
    const expected = [...new Set(refs.filter((r) => r.caseId === caseId).map((r) => `${r.kind}:${r.id}`))].sort();

    const matches = subjectAccessSearch(db.writeContext, SubjectAccessQuery.parse({ caseId: ` ${caseId.toLowerCase()} ` }));
    expect(matches.filter((m) => m.kind !== 'contact').map((m) => `${m.kind}:${m.id}`).sort()).toEqual(expected);
    expect(matches.every((m) => /^\d{4}-\d\d-\d\d$/.test(m.date) && m.school.length > 0)).toBe(true);
    // Each record links to its own screen where it has one (as the school's timeline does), and only then.
    const links = { visit_record: /^\/visits\/\d+\/\d{4}-\d{2}\/(autumn|spring|summer)\/record$/, escalation: /^\/escalations\/.+$/ } as const;
    for (const m of matches) {
      if (m.kind === 'visit_record' || m.kind === 'escalation') expect(m.link).toMatch(links[m.kind]);
      else expect(m.link).toBeNull();
    }
    expect(matches.some((m) => m.link !== null)).toBe(true);
    const audit = db.db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'subject-access' ORDER BY id").all() as { action: string; summary: string }[];
    expect(audit).toEqual([{ action: 'search', summary: `by case ID: ${matches.length} ${matches.length === 1 ? 'record' : 'records'} found` }]);
    expect(JSON.stringify(db.db.prepare('SELECT * FROM audit_log').all())).not.toContain(caseId);

    const out = path.join(tempDir(), 'subject access.docx');
    const bundle = exportSubjectAccess(db.writeContext, SubjectAccessQuery.parse({ caseId }), { path: out });
    expect(bundle).toEqual({ path: out, records: matches.length });
    const text = docxText(fs.readFileSync(out));
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(caseId);
    const subject = refs.find((r) => r.caseId === caseId);
    // No other child's reference of the records in the bundle: their case IDs, or their initials with their year group.
    const others = refs.filter((r) => expected.includes(`${r.kind}:${r.id}`) && r.caseId !== caseId && !(r.initials === subject?.initials && r.yearGroup === subject.yearGroup));
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      if (other.caseId) expect(text).not.toContain(other.caseId);
      expect(text).not.toMatch(new RegExp(`\\b${other.initials}\\s?Y${other.yearGroup}\\b`));
      expect(text.split(/\s+/)).not.toContain(other.initials);
    }

    // Never over a file already there, unless asked; never the database.
    expect(refusalOf(() => exportSubjectAccess(db.writeContext, SubjectAccessQuery.parse({ caseId }), { path: out })).code).toBe('file_exists');
    expect(refusalOf(() => exportSubjectAccess(db.writeContext, SubjectAccessQuery.parse({ caseId }), { path: db.path, replace: true, database: db.path })).message).toMatch(/must be saved with a name ending in \.docx/);
  });

  it('finds a child by initials and year group, narrowed by school, and refuses a search that says neither', () => {
    const db = demo();
    const ref = everyReference(db.db).find((r) => r.kind === 'visit_record');
    if (!ref) throw new Error('the demo has a visit record with a child');
    const found = subjectAccessSearch(db.writeContext, SubjectAccessQuery.parse({ initials: ref.initials.toLowerCase(), yearGroup: ref.yearGroup }));
    expect(found.some((m) => m.kind === 'visit_record' && m.id === ref.id)).toBe(true);
    const school = found.find((m) => m.id === ref.id)?.urn ?? '';
    const narrowed = subjectAccessSearch(db.writeContext, SubjectAccessQuery.parse({ initials: ref.initials, yearGroup: ref.yearGroup, urn: school }));
    expect(narrowed.every((m) => m.urn === school)).toBe(true);
    expect(SubjectAccessQuery.safeParse({ initials: 'JB' }).success).toBe(false);
    expect(SubjectAccessQuery.safeParse({}).success).toBe(false);
  });

  it('saves the bundle at a .docx path or as a download, one or the other', () => {
    const query = { caseId: 'EH-31207' };
    const messages = (input: unknown) => SubjectAccessExportInput.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(SubjectAccessExportInput.parse({ query, download: true })).toMatchObject({ download: true, replace: false });
    expect(SubjectAccessExportInput.parse({ query, path: 'SAR.docx', replace: true })).toMatchObject({ path: 'SAR.docx', download: false, replace: true });
    expect(messages({ query })).toEqual(['Enter where to save the bundle (.docx)']);
    expect(messages({ query, path: 'SAR.docx', download: true })).toEqual(['Save at a path or download the file, not both']);
    expect(messages({ query, path: 'SAR.pdf' })).toEqual(['The file name must end in .docx']);
  });
});
