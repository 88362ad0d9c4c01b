import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CANCELLED_REASON_KINDS, LATE_REASON_KINDS } from '../../shared/domain/reason-kinds.ts';
import { FEWER_THAN_FIVE, type TeamReport } from '../../shared/domain/reports.ts';
import { docxText } from '../app/documents/docx-template.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';
import { headlineFigures } from './report.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

const NOW = '2026-11-24T10:00:00Z';

/** The demo, and the command line run on its day (the report counts what is missing up to today). */
async function demo() {
  const folder = tempDir();
  const clock = path.join(folder, 'clock.txt');
  fs.writeFileSync(clock, NOW);
  const env = { LINKDESK_CLOCK_FILE: clock };
  const db = path.join(folder, 'demo.linkdesk');
  expect((await linkdesk(['demo', '--db', db], env)).status).toBe(0);
  return { db, run: (args: string[]) => linkdesk(args, env) };
}

/** The report as the app builds it, for the same day: what the command line must agree with. */
async function theAppsReport(db: string, query: object): Promise<TeamReport> {
  const dispatch = createDispatcher(aSession(() => new Date(NOW)));
  const opened = await dispatch('db.unlock', { path: db, passphrase: PASSPHRASE, userName: 'Tess' });
  expect(opened.ok).toBe(true);
  const built = await dispatch('reports.build', query);
  await dispatch('db.lock', {});
  if (!built.ok) throw new Error(built.error.message);
  return built.value as TeamReport;
}

// Each run starts the command line and derives a key: slow on a busy machine, never timed.
describe('linkdesk report and export-escalation-log', { timeout: 300_000 }, () => {
  it('writes the Word report and prints the headline figures the app counts, as one object', async () => {
    const { db, run } = await demo();
    const out = path.join(tempDir(), 'autumn.docx');
    const result = await run(['report', '--db', db, '--year', '2026-27', '--term', 'autumn', '--out', out, '--json']);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    const app = await theAppsReport(db, { year: '2026-27', term: 'autumn' });
    expect(printed).toEqual({ period: app.period.label, previousPeriod: app.previous.label, filters: [], shared: false, ...app.headline, path: out });
    expect(Object.keys(printed.visits as object)).toEqual(['planned', 'held', 'cancelled', 'missing']);
    expect(Object.keys(printed.escalations as object)).toEqual(['raised', 'toldWithin24h', 'toldLate', 'open']);
    // Cancelled visits and managers told late by the reason chosen from the list: the demo's autumn visit cancelled for a flood.
    expect(Object.keys(printed.visitsCancelledByReason as object)).toEqual([...CANCELLED_REASON_KINDS, 'notCategorised']);
    expect(Object.keys(printed.toldLateByReason as object)).toEqual([...LATE_REASON_KINDS, 'notCategorised']);
    expect(printed.visitsCancelledByReason).toMatchObject({ school_closure: 1, notCategorised: 0 });
    expect(printed.consultations).toMatchObject({ held: app.headline.consultations.held, withNurse: app.headline.consultations.withNurse });
    expect(typeof printed.schoolsWithNoContact).toBe('number');
    expect((printed.visits as { planned: number }).planned).toBeGreaterThan(0);
    expect(docxText(fs.readFileSync(out))).toContain('Termly report: Autumn term 2026-27');

    const again = await run(['report', '--db', db, '--year', '2026-27', '--term', 'autumn', '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`linkdesk: There is already a file at ${out}. Choose another name, or add --replace.`);
  });

  it('--share: the workbook and the figures show counts of 1-4 as "fewer than 5", for a hub', async () => {
    const { db, run } = await demo();
    const out = path.join(tempDir(), 'year.xlsx');
    const result = await run(['report', '--db', db, '--year', '2026-27', '--hub', 'North', '--share', '--out', out, '--json']);
    expect(result.status).toBe(0);
    const app = await theAppsReport(db, { year: '2026-27', hub: 'North', share: true });
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({ shared: true, filters: app.filters, ...headlineFigures(app.headline, true) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const about = book.getWorksheet('About');
    expect(about?.getColumn(2).values).toContain('Shared outside the team: counts of 1-4 shown as fewer than 5.');
    // Every count of the Data sheet (the percentages aside) is 0, 5 or more, or the words.
    const data = (book.getWorksheet('Data')?.getSheetValues() ?? []).slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(5, 7));
    const counts = data.filter(([column]) => !String(column).startsWith('%')).map(([, value]) => value);
    expect(counts.filter((v) => typeof v === 'number' && v >= 1 && v <= 4)).toEqual([]);
    expect(counts).toContain(FEWER_THAN_FIVE);
  });

  it('says what is wrong with --out, --term and a missing --year', async () => {
    const { db, run } = await demo();
    const pdf = await run(['report', '--db', db, '--year', '2026-27', '--out', path.join(tempDir(), 'report.pdf')]);
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain('--out must name a .docx (the Word report) or an .xlsx (the workbook)');
    const winter = await run(['report', '--db', db, '--year', '2026-27', '--term', 'winter', '--json']);
    expect(winter.stderr).toContain('linkdesk: --term must be autumn, spring or summer, not winter.');
    const noYear = await run(['report', '--db', db, '--json']);
    expect(noYear.stderr).toContain('linkdesk: Give --year 2026-27.');
  });

  it('writes the escalation log of a period', async () => {
    const { db, run } = await demo();
    const out = path.join(tempDir(), 'log.docx');
    const result = await run(['export-escalation-log', '--db', db, '--from', '2026-09-01', '--to', '2026-11-24', '--out', out, '--json']);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { path: string; escalations: number };
    expect(printed.path).toBe(out);
    expect(printed.escalations).toBeGreaterThan(0);
    expect(docxText(fs.readFileSync(out))).toContain('OFFICIAL-SENSITIVE');
  });
});
