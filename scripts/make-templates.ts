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

function record(title: string, body: (Paragraph | Table)[]): Document {
  const marking = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: MARKING, bold: true, font: FONT, size: 22 })] });
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
          text('{teamName}, {localAuthority}'),
          ...body,
          new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: 'Produced by LinkDesk on {producedOn}. Children are recorded by reference only.', font: FONT, size: 18, italics: true })] }),
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
    ['Attendees from the school', '{schoolAttendees}'],
    ['Attendees from the team', '{teamAttendees}'],
    ['Record written by', '{writtenBy}'],
  ]),
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

async function spocList(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LinkDesk';
  const sheet = book.addWorksheet('SPOC list', { views: [{ state: 'frozen', ySplit: 3 }] });
  const columns: [string, number][] = [
    ['School', 38], ['URN', 10], ['Category', 16], ['Area / hub', 14], ['Named link worker (SPOC)', 24], ['SPOC work email', 36], ['SPOC work phone', 16],
    ['Secondary link worker', 24], ['Secondary contact', 40], ['Team manager', 22], ['Team manager contact', 40],
  ];
  sheet.columns = columns.map(([, width]) => ({ width }));
  sheet.getCell('A1').value = '{title}';
  sheet.getCell('A1').font = { name: 'Arial', bold: true, size: 14 };
  sheet.getCell('A2').value = '{subtitle}';
  sheet.getCell('A2').font = { name: 'Arial', size: 11 };
  const header = sheet.getRow(3);
  columns.forEach(([title], i) => {
    const c = header.getCell(i + 1);
    c.value = title;
    c.font = { name: 'Arial', bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D70B8' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  header.height = 32;
  const sample = sheet.getRow(4);
  columns.forEach((_, i) => {
    sample.getCell(i + 1).font = { name: 'Arial', size: 10 };
    sample.getCell(i + 1).border = { bottom: { style: 'thin', color: { argb: 'FFB1B4B6' } } };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  sheet.headerFooter = { oddFooter: '&LOFFICIAL&RPage &P of &N' };
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
  return book;
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'visit-record.docx'), await Packer.toBuffer(visitRecord));
fs.writeFileSync(path.join(OUT, 'consultation-record.docx'), await Packer.toBuffer(consultationRecord));
await (await spocList()).xlsx.writeFile(path.join(OUT, 'spoc-list.xlsx'));
console.error(`Wrote the templates to ${OUT}`);
