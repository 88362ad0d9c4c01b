import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { allowedPaths, CreateRecordInput, RECORD_KINDS } from '../../../shared/domain/documents.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { PASSPHRASE, tempDir, refusalOf } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { docxText, inspectTemplate } from './docx-template.ts';
import { selectProducible } from './repo.ts';
import { templatesState, useTemplate } from './service.ts';
import { createMeetingRecord, loadTemplate } from './word-records.ts';
import { defaultTemplate } from './templates.ts';

/** The default visit template with its document text changed: how a council edits it in Word. */
function editedTemplate(change: (xml: string) => string, name = 'letterhead.docx'): string {
  const zip = new PizZip(defaultTemplate('visit_record').content);
  zip.file('word/document.xml', change(zip.file('word/document.xml')?.asText() ?? ''));
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

const refusal = refusalOf;

function demo() {
  const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  updateSettings(db.writeContext, { teamFolder: tempDir() });
  return db;
}

describe('templates', () => {
  it('the defaults use every placeholder LinkDesk fills, and no other', () => {
    for (const kind of RECORD_KINDS) {
      const check = inspectTemplate(defaultTemplate(kind).content, kind, `${kind}.docx`);
      expect(check.unknown, kind).toEqual([]);
      expect(check.missing, kind).toEqual([]);
      expect(new Set(check.placeholders)).toEqual(allowedPaths(kind));
    }
  });

  it('refuses a template with an unknown placeholder, a broken one, or a file that is not a .docx, and keeps the one in use', () => {
    const db = demo();
    const unknown = editedTemplate((xml) => xml.replace('{otherIssues}', '{otherIssues} {favouriteColour}'));
    const error = refusal(() => loadTemplate(db.writeContext, 'visit_record', unknown));
    expect(error.message).toContain('uses placeholders LinkDesk does not fill: {favouriteColour}');
    const raw = editedTemplate((xml) => xml.replace('{otherIssues}', '{@otherIssues}'));
    expect(refusal(() => loadTemplate(db.writeContext, 'visit_record', raw)).message).toContain('{@otherIssues}');
    const broken = editedTemplate((xml) => xml.replace('{otherIssues}', '{otherIssues'));
    expect(refusal(() => loadTemplate(db.writeContext, 'visit_record', broken)).message).toMatch(/has broken placeholders: .*otherIssues/);
    const finished = editedTemplate((xml) => xml.replace(/\{[^}]*\}/g, 'filled in'), 'finished record.docx');
    expect(refusal(() => loadTemplate(db.writeContext, 'visit_record', finished)).message).toContain('has no {schoolName} or {date} placeholder');
    const text = path.join(tempDir(), 'notes.docx');
    fs.writeFileSync(text, 'plain text, not a Word file');
    expect(refusal(() => loadTemplate(db.writeContext, 'visit_record', text)).message).toContain('is not a Word .docx file');
    const pdf = path.join(tempDir(), 'record.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7');
    expect(refusal(() => loadTemplate(db.writeContext, 'visit_record', pdf)).message).toContain('is not a Word .docx file');
    expect(templatesState(db.db).find((t) => t.kind === 'visit_record')).toEqual({ kind: 'visit_record', active: null, versions: [] });
  });

  it('uses a team’s own template, lists what it leaves out, and goes back to the previous one', () => {
    const db = demo();
    const own = editedTemplate((xml) => xml.replace('SPOC visit record', 'Northshire SPOC visit record').replace('{otherIssues}', ''), 'northshire.docx');
    const state = loadTemplate(db.writeContext, 'visit_record', own);
    const visitTemplates = state.find((t) => t.kind === 'visit_record');
    expect(visitTemplates?.active?.fileName).toBe('northshire.docx');
    expect(inspectTemplate(fs.readFileSync(own), 'visit_record', 'northshire.docx').missing).toEqual(['otherIssues']);

    const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
    if (!visit) throw new Error('the demo has a visit record');
    const made = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    expect(docxText(fs.readFileSync(made.path))).toContain('Northshire SPOC visit record');

    useTemplate(db.writeContext, 'visit_record', null);
    const again = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    expect(docxText(fs.readFileSync(again.path))).not.toContain('Northshire SPOC visit record');
    const versions = templatesState(db.db).find((t) => t.kind === 'visit_record');
    expect(versions?.active).toBeNull();
    expect(versions?.versions.map((v) => v.fileName)).toEqual(['northshire.docx']);
    useTemplate(db.writeContext, 'visit_record', versions?.versions[0]?.id ?? null);
    expect(templatesState(db.db).find((t) => t.kind === 'visit_record')?.active?.fileName).toBe('northshire.docx');
  });
});

describe('the templates guide', () => {
  it('names every placeholder LinkDesk fills', () => {
    const guide = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'templates.md'), 'utf8');
    for (const kind of RECORD_KINDS) {
      for (const placeholder of allowedPaths(kind)) {
        const name = placeholder.split('.').pop() ?? '';
        expect(guide.includes(`{${name}}`) || guide.includes(`{#${name}}`), placeholder).toBe(true);
      }
    }
  });
});
