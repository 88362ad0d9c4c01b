import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyTriggers } from '../../audit/chain.ts';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

const ADD = "INSERT INTO document_template (id, kind, file_name, content, sha256, loaded_by, loaded_at, active) VALUES (?, ?, 'own.docx', x'504b', 'abc', 'Tess', ?, ?)";

describe('migration 0024: a team’s own report and escalation log templates', () => {
  it('keeps every template loaded before it, the one in use still in use, and takes the report’s and the log’s', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 23);
    db.prepare(ADD).run('t1', 'visit_record', '2026-09-01', 0);
    db.prepare(ADD).run('t2', 'visit_record', '2026-10-01', 1);
    db.prepare(ADD).run('t3', 'consultation_record', '2026-10-02', 1);
    expect(() => db.prepare(ADD).run('t4', 'team_report', '2026-10-03', 1)).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM document_template ORDER BY id').all();

    expect(migrate(db, 24)).toBe(24);
    expect(db.prepare('SELECT * FROM document_template ORDER BY id').all()).toEqual(before);
    db.prepare(ADD).run('t4', 'team_report', '2026-10-03', 1);
    db.prepare(ADD).run('t5', 'escalation_log', '2026-10-04', 1);
    // Still one in use of each kind, and only the kinds LinkDesk fills.
    expect(() => db.prepare(ADD).run('t6', 'team_report', '2026-10-05', 1)).toThrow(/UNIQUE/);
    expect(() => db.prepare(ADD).run('t7', 'spoc_list', '2026-10-05', 0)).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'document_template' ORDER BY name").pluck().all()).toEqual(['document_template', 'document_template_active', 'sqlite_autoindex_document_template_1']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyTriggers(db)).toEqual([]);
    db.close();
  });
});
