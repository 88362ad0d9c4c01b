import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { allowedPaths } from '../../../shared/domain/documents.ts';
import { FEWER_THAN_FIVE } from '../../../shared/domain/reports.ts';
import { docxTables, docxText, inspectTemplate } from '../documents/docx-template.ts';
import { defaultTemplate } from '../documents/templates.ts';
import { refusalOf } from '../testing/builders.ts';
import { aReport } from '../testing/reports.ts';
import { buildWordReport } from './word.ts';

const TEAM = { teamName: 'Northshire DST', localAuthority: 'Northshire County Council' };
const template = () => defaultTemplate('team_report');
const headerText = (bytes: Buffer) => {
  const zip = new PizZip(bytes);
  return Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).map((n) => zip.file(n)?.asText() ?? '').join('\n');
};

describe('the Word report', () => {
  it('the default template uses every placeholder the report fills, {@report} among them, and no other', () => {
    const check = inspectTemplate(template().content, 'team_report', 'team-report.docx');
    expect(check.unknown).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(new Set(check.placeholders)).toEqual(new Set([...allowedPaths('team_report'), '@report']));
  });

  it('has the title, period, filters, a heading per section and table, and OFFICIAL in the header and footer', () => {
    const bytes = buildWordReport(aReport(), template(), TEAM);
    const text = docxText(bytes);
    expect(text).toContain('Termly report: Autumn term 2026-27');
    expect(text).toContain('Autumn term 2026-27 (1 Sep 2026 to 4 Jan 2027)');
    expect(text).toContain('Summer term 2025-26 (13 Apr 2026 to 31 Aug 2026)');
    expect(text).toContain('Hub: North');
    expect(text).toContain('Northshire DST, Northshire County Council');
    expect(text).toContain('The team’s own copy');
    expect(text).not.toContain(FEWER_THAN_FIVE);
    const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '1 Summary', '1 Visits', '2 Visits by hub', '2 Visits cancelled, by reason', '1 Escalations', '2 The manager told within 24 hours', '2 Outcomes',
      '1 Engagement', '2 Schools with no visit, consultation or contact', '2 The schools with no contact in the period',
    ]);
    const marking = headerText(bytes);
    expect(marking.match(/>OFFICIAL</g)?.length).toBe(2);
    expect(marking).not.toContain('{marking}');
  });

  it('puts each table in a Word table, this period beside the previous one, with a text bar for a chart', () => {
    const bytes = buildWordReport(aReport(), template(), TEAM);
    const tables = docxTables(bytes);
    const [details, summary, byHub, byReason, told, noContact, schools] = tables;
    expect(details?.[0]).toEqual(['Period', 'Autumn term 2026-27 (1 Sep 2026 to 4 Jan 2027)']);
    expect(summary?.[0]).toEqual(['Figure', 'Autumn term 2026-27', 'Summer term 2025-26']);
    expect(summary).toContainEqual(['Visits planned', '40', '80']);
    expect(summary).toContainEqual(['Manager told late', '2', '4']);
    // "Planned, Autumn term 2026-27" and "Planned, Summer term 2025-26": the figure over the two periods.
    expect(byHub?.slice(0, 2)).toEqual([
      ['', 'Planned', 'Held', 'Cancelled', ''],
      ['', 'This term', 'Last term', 'This term', 'Last term', 'This term', 'Last term', 'Chart: Planned, this term'],
    ]);
    // The largest value draws the longest bar; the others in proportion.
    expect(byHub?.[2]).toEqual(['North', '22', '20', '18', '15', '1', '3', '█'.repeat(14)]);
    expect(byHub?.[3]).toEqual(['South &amp; Coast', '18', '16', '13', '11', '2', '0', '█'.repeat(11)]);
    expect(byReason?.[0]).toEqual(['', 'Autumn term 2026-27', 'Summer term 2025-26', 'Chart: count, this term']);
    expect(byReason?.[1]).toEqual(['School closed &lt;snow&gt;', '2', '0', '█'.repeat(14)]);
    // "Count, Autumn term…", "%, Autumn term…", then the previous term's: the period over its figures.
    expect(told?.slice(0, 3)).toEqual([
      ['', 'Autumn term 2026-27', 'Summer term 2025-26', ''],
      ['', 'Count', '%', 'Count', '%', 'Chart: Count, this term'],
      ['Manager told within 24 hours', '10', '83%', '9', '90%', '█'.repeat(14)],
    ]);
    expect(noContact?.[1]).toEqual(['Schools with no visit, consultation or contact', '4', '–', '█'.repeat(14)]);
    expect(schools).toEqual([['Hillside Primary (North)']]);
    expect(tables).toHaveLength(7);
    expect(docxText(bytes)).toContain('Nothing to count in this period.');
  });

  it('shared outside the team: says so, and shows counts of 1-4 as fewer than 5 with no bar to give them away', () => {
    const bytes = buildWordReport(aReport({ share: true }), template(), TEAM);
    expect(docxText(bytes)).toContain('Shared outside the team: counts of 1-4 shown as fewer than 5.');
    const [, summary, byHub, byReason] = docxTables(bytes);
    expect(summary).toContainEqual(['Manager told late', FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    expect(summary).toContainEqual(['Visits planned', '40', '80']);
    expect(byHub?.[2]).toEqual(['North', '22', '20', '18', '15', FEWER_THAN_FIVE, FEWER_THAN_FIVE, '█'.repeat(14)]);
    expect(byReason?.[1]).toEqual(['School closed &lt;snow&gt;', FEWER_THAN_FIVE, '0', '']);
  });

  it('a previous period the calendar does not hold shows its figures as a dash, and says why', () => {
    const report = aReport();
    report.previous = { ...report.previous, label: 'Summer term 2025-26 (not in the calendar)', from: '', to: '', inCalendar: false };
    const bytes = buildWordReport(report, template(), TEAM);
    const [, summary, byHub] = docxTables(bytes);
    expect(summary).toContainEqual(['Visits planned', '40', '–']);
    expect(byHub?.[2]).toEqual(['North', '22', '–', '18', '–', '1', '–', '█'.repeat(14)]);
    expect(docxText(bytes)).toContain('Summer term 2025-26 is not in the team’s calendar, so there is nothing to compare with');
  });

  it('a school year is an annual report', () => {
    expect(docxText(buildWordReport(aReport({ term: null }), template(), TEAM))).toContain('Annual report: School year 2026-27');
  });

  it('refuses a team template with an unknown placeholder or without {@report}, naming the file', () => {
    const edited = (change: (xml: string) => string) => {
      const zip = new PizZip(template().content);
      zip.file('word/document.xml', change(zip.file('word/document.xml')?.asText() ?? ''));
      return { fileName: 'northshire report.docx', content: zip.generate({ type: 'nodebuffer' }) };
    };
    expect(refusalOf(() => buildWordReport(aReport(), edited((x) => x.replace('{filters}', '{filters}{childName}')), TEAM)).message).toBe(
      'northshire report.docx uses placeholders LinkDesk does not fill: {childName}. Nothing was saved.',
    );
    expect(refusalOf(() => buildWordReport(aReport(), edited((x) => x.replace('{@report}', '')), TEAM)).message).toContain('has no {@report} placeholder');
    expect(refusalOf(() => buildWordReport(aReport(), edited((x) => x.replace('{filters}', '{@filters}')), TEAM)).message).toContain('{@filters}');
  });

  it('the templates guide names every placeholder of the report', () => {
    const guide = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'templates.md'), 'utf8');
    for (const placeholder of [...allowedPaths('team_report'), '@report']) expect(guide, placeholder).toContain(`{${placeholder}}`);
  });
});
