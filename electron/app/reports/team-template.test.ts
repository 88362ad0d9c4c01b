import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher.ts';
import { docxText } from '../documents/docx-template.ts';
import { defaultTemplate } from '../documents/templates.ts';
import { aSession, aTeamDatabase, tempDir } from '../testing/builders.ts';
import { buildReportTeam } from '../testing/report-team.ts';

const NOW = () => new Date('2027-01-20T10:00:00Z');

/** LinkDesk's own template of a kind with its body changed, as a council edits it in Word to put its letterhead on. */
function ownTemplate(kind: 'team_report' | 'escalation_log', change: (xml: string) => string, name: string): string {
  const zip = new PizZip(defaultTemplate(kind).content);
  zip.file('word/document.xml', change(zip.file('word/document.xml')?.asText() ?? ''));
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}
const letterhead = (words: string) => (xml: string) => xml.replace(/<w:body>/, `<w:body><w:p><w:r><w:t>${words}</w:t></w:r></w:p>`);

async function reportTeamThroughTheApi() {
  const db = aTeamDatabase({ now: NOW });
  buildReportTeam(db);
  const file = db.path;
  db.close();
  const dispatch = createDispatcher(aSession(NOW));
  expect(await dispatch('db.unlock', { path: file, passphrase: 'correct horse battery staple', userName: 'Tess Manager' })).toMatchObject({ ok: true });
  const value = async (method: string, input: unknown) => {
    const answer = await dispatch(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  };
  return { dispatch, value };
}

describe('a team’s own report and escalation log templates', { timeout: 120_000 }, () => {
  it('loads a team’s report template and makes the Word report with its own words, then goes back to LinkDesk’s', async () => {
    const { value } = await reportTeamThroughTheApi();
    const own = ownTemplate('team_report', letterhead('Northshire Council Early Help letterhead'), 'northshire report.docx');
    expect(await value('documents.checkTemplate', { kind: 'team_report', path: own })).toMatchObject({ kind: 'team_report', unknown: [], missing: [] });
    const state = (await value('documents.loadTemplate', { kind: 'team_report', path: own })) as { kind: string; active: { fileName: string } | null }[];
    expect(state.find((t) => t.kind === 'team_report')?.active?.fileName).toBe('northshire report.docx');

    const folder = tempDir();
    const word = path.join(folder, 'autumn.docx');
    await value('reports.exportWord', { year: '2026-27', term: 'autumn', path: word });
    const text = docxText(fs.readFileSync(word));
    expect(text).toContain('Northshire Council Early Help letterhead');
    // Its placeholders filled as in LinkDesk's own: the title, and the figures in {@report}.
    expect(text).toContain('Termly report: Autumn term 2026-27');
    expect(text).toContain('Cancelled visits, by reason');

    await value('documents.useTemplate', { kind: 'team_report', id: null });
    const again = path.join(folder, 'autumn again.docx');
    await value('reports.exportWord', { year: '2026-27', term: 'autumn', path: again });
    expect(docxText(fs.readFileSync(again))).not.toContain('Northshire Council');
  });

  it('refuses a report template with a placeholder it does not fill, or without {@report}, and keeps LinkDesk’s in use', async () => {
    const { dispatch } = await reportTeamThroughTheApi();
    const unknown = ownTemplate('team_report', (xml) => xml.replace(/<w:body>/, '<w:body><w:p><w:r><w:t>{childName}</w:t></w:r></w:p>'), 'unknown.docx');
    expect(await dispatch('documents.loadTemplate', { kind: 'team_report', path: unknown })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('{childName}') } });
    const noBody = ownTemplate('team_report', (xml) => xml.replace('{@report}', ''), 'no body.docx');
    expect(await dispatch('documents.loadTemplate', { kind: 'team_report', path: noBody })).toMatchObject({
      ok: false, error: { code: 'invalid_input', message: expect.stringContaining('has no {@report} placeholder, so the report would not say which period it counts, or its figures would have nowhere to go') },
    });
    expect(await dispatch('documents.templates', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ kind: 'team_report', active: null })]) });
  });

  it('loads a team’s escalation log template and prints the log with its own words', async () => {
    const { value } = await reportTeamThroughTheApi();
    const own = ownTemplate('escalation_log', letterhead('Northshire safeguarding log'), 'northshire log.docx');
    await value('documents.loadTemplate', { kind: 'escalation_log', path: own });
    const log = path.join(tempDir(), 'log.docx');
    expect(await value('reports.exportEscalationLog', { from: '2026-09-01', to: '2026-12-31', path: log })).toMatchObject({ escalations: 2 });
    const text = docxText(fs.readFileSync(log));
    expect(text).toContain('Northshire safeguarding log');
    expect(text).toContain('No manager was available: Manager on leave');
  });
});
