/**
 * Builds the default templates in templates/ (run with `npm run templates`; the files are
 * committed). The .docx files are laid out as a council record: the protective marking in the
 * header and footer, page numbers, a details table, tables whose rows repeat per child, attendee
 * and action. The placeholders are those of shared/domain/documents.ts (a test keeps them in step).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

const OUT = path.resolve(import.meta.dirname, '..', 'templates');
const MARKING = 'OFFICIAL-SENSITIVE';
/** The reports' marking is a placeholder: OFFICIAL for the termly report, OFFICIAL-SENSITIVE for the escalation log. */
const MARKING_PLACEHOLDER = '{marking}';
const FONT = 'Arial';

const text = (value: string, bold = false) => new Paragraph({ children: [new TextRun({ text: value, bold, font: FONT, size: 22 })] });
const heading = (value: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: value, font: FONT, bold: true, size: 26 })] });
const cell = (value: string, header = false) =>
  new TableCell({ children: [text(value, header)], ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}) });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
const details = (rows: [string, string][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, true), cell(value)] })) });
/** A table row that repeats: the loop opens in the first cell and closes in the last. */
const loopRow = (loop: string, fields: string[]) => fields.map((f, i) => `${i === 0 ? `{#${loop}}` : ''}{${f}}${i === fields.length - 1 ? `{/${loop}}` : ''}`);

function record(title: string, body: (Paragraph | Table)[], options: { marking?: string; intro?: string; closing?: string } = {}): Document {
  const marking = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: options.marking ?? MARKING, bold: true, font: FONT, size: 22 })] });
  return new Document({
    creator: 'LinkDesk',
    title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [marking, new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '{teamName}', font: FONT, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [
              marking,
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: title, font: FONT, bold: true, size: 36 })] }),
          text(options.intro ?? '{teamName}, {localAuthority}'),
          ...body,
          new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: options.closing ?? 'Produced by LinkDesk on {producedOn}. Children are recorded by reference only.', font: FONT, size: 18, italics: true })] }),
        ],
      },
    ],
  });
}

const visitRecord = record('SPOC visit record', [
  details([
    ['School', '{schoolName} (URN {urn})'],
    ['Date of the visit', '{date}'],
    ['Term', '{term}'],
    ['Held by', '{heldBy}'],
    ['Attendees from the school', '{schoolAttendees}'],
    ['Attendees from the team', '{teamAttendees}'],
    ['Record written by', '{writtenBy}'],
    ['Record version', '{version}'],
    ['Next visit', '{nextVisit}'],
  ]),
  text('{heldWithoutProForma}'),
  heading('Children reviewed'),
  text('Suspension threshold used: {exclusionThresholdDays} school days.'),
  table(['Initials', 'Year', 'Case ID', 'Reviewed because', 'Statutory education intervention', 'Early Help referral'], [
    loopRow('children', ['initials', 'yearGroup', 'caseId', 'category', 'statutoryIntervention', 'earlyHelpReferral']),
  ]),
  heading('Actions'),
  table(['Who', 'What', 'By when'], [loopRow('actions', ['who', 'what', 'byWhen'])]),
  heading('Managed moves'),
  text('Internal: {managedMovesInternal}. External: {managedMovesExternal}.'),
  text('{managedMovesAgreed}'),
  heading('Alternative provision'),
  text('{alternativeProvision}'),
  heading('Suspensions and exclusions not notified'),
  text('{unnotifiedExclusions}'),
  heading('Other issues'),
  text('{otherIssues}'),
]);

const consultationRecord = record('Early Help Consultation record', [
  details([
    ['School', '{schoolName} (URN {urn})'],
    ['Date', '{date}'],
    ['Requested by', '{requestedBy}'],
    ['Notes shared with the attendees, head and DSL', '{notesSharedOn}'],
    ['Record written by', '{writtenBy}'],
  ]),
  heading('Attendees'),
  table(['Name', 'Role'], [loopRow('attendees', ['name', 'role'])]),
  heading('Discussion under the six key areas'),
  text('{#areas}'),
  new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: '{title}', bold: true, font: FONT, size: 22 })] }),
  text('{notes}'),
  text('{/areas}'),
  heading('Children discussed'),
  table(['Initials', 'Year'], [loopRow('children', ['initials', 'yearGroup'])]),
  heading('Actions'),
  table(['Who', 'What', 'By when'], [loopRow('actions', ['who', 'what', 'byWhen'])]),
]);

/**
 * The termly and annual report. Its sections and tables are laid out by LinkDesk
 * (electron/app/reports/word.ts) into {@report}, a paragraph of its own: their columns vary.
 */
const teamReport = record(
  '{title}',
  [
    details([
      ['Period', '{period}'],
      ['Compared with', '{previousPeriod}'],
      ['Filters', '{filters}'],
      ['Sharing', '{sharing}'],
    ]),
    new Paragraph({ children: [new TextRun({ text: '{@report}', font: FONT, size: 22 })] }),
  ],
  {
    marking: MARKING_PLACEHOLDER,
    closing: 'Produced by LinkDesk on {producedOn}. Counts only: no child, school contact, summary or note is in this report.',
  },
);

/** The printable escalation log for audit: the 24-hour figures, then every escalation with each of its entries. */
const escalationLog = record(
  'Escalation log',
  [
    details([
      ['Raised between', '{period}'],
      ['Hub', '{hub}'],
    ]),
    heading('The 24-hour figures'),
    table(['Raised', 'Manager told within 24 hours', 'Told late', 'Not yet told', 'Still open'], [['{raised}', '{toldWithin24h}', '{toldLate}', '{notYetTold}', '{open}']]),
    heading('Told late, and why'),
    table(['Escalation', 'School', 'Told after', 'Reason'], [loopRow('late', ['reference', 'school', 'hours', 'reason'])]),
    heading('The escalations, with every correction'),
    text('{#escalations}'),
    new Paragraph({ heading: HeadingLevel.HEADING_3, spacing: { before: 240, after: 60 }, children: [new TextRun({ text: '{heading}', font: FONT, bold: true, size: 24 })] }),
    text('{clock}'),
    text('{#entries}'),
    new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [new TextRun({ text: '{entryHeading}', font: FONT, bold: true, size: 20 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [2800, 6200],
      rows: [new TableRow({ children: [cell('{#fields}{label}', true), cell('{value}{/fields}')] })],
    }),
    text('{/entries}'),
    text('{/escalations}'),
  ],
  {
    marking: MARKING_PLACEHOLDER,
    closing: 'Printed by LinkDesk on {producedOn} for audit inside the team. The log is append-only: a correction is a new entry, and every entry is shown.',
  },
);

/**
 * The published SPOC list, laid out to print: A4 landscape, one page wide (fitToWidth 1, any
 * number of pages down), the title and header rows repeated on every page, 10pt Arial, text
 * wrapped within its column. The columns add up to what A4 holds at 100% (143.5 of Excel's
 * character units, about 795 of the 806 points between the margins), so the fit does not shrink
 * the text; the widest word of a column ("Independent", a phone number) fits its width. Column
 * units are those of the workbook's default font, Calibri 11 (Carlito where LibreOffice runs). The SPOC's and the secondary worker's email and phone have their own columns;
 * the team managers' contacts are in the line under the title (one manager serves many schools).
 * The column names are read back by `import-allocations` (electron/app/allocations/import.ts).
 */
async function spocList(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LinkDesk';
  const sheet = book.addWorksheet('SPOC list', { views: [{ state: 'frozen', ySplit: 3 }] });
  const columns: [string, number][] = [
    ['School', 21], ['URN', 7], ['Category', 11.5], ['Area / hub', 8], ['Named link worker (SPOC)', 11.5], ['SPOC work email', 18.5], ['SPOC work phone', 12.5],
    ['Secondary link worker', 11.5], ['Secondary work email', 18.5], ['Secondary work phone', 12.5], ['Team manager', 11.5],
  ];
  sheet.columns = columns.map(([, width]) => ({ width }));
  const last = columns.length;
  sheet.mergeCells(1, 1, 1, last);
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell('A1').value = '{title}';
  sheet.getCell('A1').font = { name: 'Arial', bold: true, size: 14 };
  sheet.getCell('A1').alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 24;
  sheet.getCell('A2').value = '{subtitle}';
  sheet.getCell('A2').font = { name: 'Arial', size: 10 };
  sheet.getCell('A2').alignment = { vertical: 'top', wrapText: true };
  const header = sheet.getRow(3);
  columns.forEach(([title], i) => {
    const c = header.getCell(i + 1);
    c.value = title;
    c.font = { name: 'Arial', size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D70B8' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  header.height = 28;
  const sample = sheet.getRow(4);
  columns.forEach((_, i) => {
    sample.getCell(i + 1).font = { name: 'Arial', size: 10 };
    sample.getCell(i + 1).alignment = { vertical: 'top', wrapText: true };
    sample.getCell(i + 1).border = { bottom: { style: 'thin', color: { argb: 'FFB1B4B6' } } };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };
  sheet.headerFooter = { oddFooter: '&L&"Arial"&10OFFICIAL&R&"Arial"&10Page &P of &N' };
  sheet.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3',
    margins: { left: 0.25, right: 0.25, top: 0.4, bottom: 0.5, header: 0.2, footer: 0.25 },
  };
  return book;
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'visit-record.docx'), await Packer.toBuffer(visitRecord));
fs.writeFileSync(path.join(OUT, 'consultation-record.docx'), await Packer.toBuffer(consultationRecord));
fs.writeFileSync(path.join(OUT, 'team-report.docx'), await Packer.toBuffer(teamReport));
fs.writeFileSync(path.join(OUT, 'escalation-log.docx'), await Packer.toBuffer(escalationLog));
await (await spocList()).xlsx.writeFile(path.join(OUT, 'spoc-list.xlsx'));
console.error(`Wrote the templates to ${OUT}`);
