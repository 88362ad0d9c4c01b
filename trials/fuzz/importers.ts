/**
 * Every importer the fuzzer feeds, each with a real valid file to mutate (built from the demo
 * team's workers and schools, so the valid file imports) and the API call that imports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { GIAS_2024 } from '../../electron/app/testing/gias-files.ts';
import { ROOT } from '../child.ts';

export type FileKind = 'csv' | 'xlsx' | 'ics' | 'json' | 'docx';

export interface Importer {
  name: string;
  kind: FileKind;
  /** The valid file every mutation starts from. */
  seed: () => Promise<Buffer>;
  method: string;
  input: (file: string) => Record<string, unknown>;
  /** Column names the random tables draw from, so generated files sometimes get past the header check. */
  columns: string[];
}

const PEOPLE = ['Name', 'Role', 'Email', 'Phone', 'Hub', 'Capacity', 'Active from'];
const PEOPLE_ROWS = [
  ['Nadia Fenwick', 'Family Support Worker', 'nadia.fenwick@northshire.example.gov.uk', '01632 960201', 'North', '', '01/09/2026'],
  ['Olu Brandt', 'Team Manager', 'olu.brandt@northshire.example.gov.uk', '01632 960202', 'Central', '3', '2026-09-01'],
  ['Amira Khan', 'Family Support Worker', 'amira.khan@northshire.example.gov.uk', '01632 960102', 'North', '12', ''],
];
const CONNECTIONS = ['Worker email', 'School URN', 'Connection', 'Details', 'From', 'To'];
const CONNECTION_ROWS = [
  ['ben.oduya@northshire.example.gov.uk', '990003', 'Family member works there', '', '01/09/2024', ''],
  ['dev.sharma@northshire.example.gov.uk', '990010', 'Governor', '', '2023-09-01', '2026-08-31'],
  ['kemi.adeyemi@northshire.example.gov.uk', '990020', 'Other', 'Volunteers at the breakfast club', '01/01/2025', ''],
];
const ALLOCATIONS = ['School URN', 'School name', 'Named link worker', 'Secondary link worker', 'From', 'County agreed on', 'County agreed by', 'Reason'];
const ALLOCATION_ROWS = [
  ['990030', '', 'Jas Kaur', 'harry.lowe@northshire.example.gov.uk', '01/09/2027', '', '', 'Rebalancing'],
  ['990031', '', 'Harry Lowe', 'Jas Kaur', '2027-09-01', '', '', 'Rebalancing'],
  ['990032', '', 'Ellie Watson', 'Kemi Adeyemi', '01/09/2027', '', '', 'Rebalancing'],
];

const HUBS = ['URN', 'Hub', 'DSL name', 'DSL email'];
const HUB_ROWS = [
  ['990001', 'Ashby cluster', '', ''],
  ['990002', 'Coastal', 'Sam Safe', 'sam.safe@brindle.northshire.example.sch.uk'],
  ['990003', 'North', '', ''],
];

function csv(header: string[], rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
}

export async function xlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const event = (summary: string, start: string, end: string) =>
  `BEGIN:VEVENT\r\nUID:${summary.replace(/\W/g, '')}-${start}@northshire\r\nDTSTART;VALUE=DATE:${start}\r\nDTEND;VALUE=DATE:${end}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

const TERM_DATES = [
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Northshire County Council//Term dates//EN\r\n',
  event('Autumn term 2027', '20270901', '20271218'),
  event('October half term', '20271025', '20271030'),
  event('Spring term 2028', '20280104', '20280401'),
  event('February half-term', '20280214', '20280219'),
  event('Summer Term 2028', '20280418', '20280722'),
  event('May half term', '20280529', '20280603'),
  'END:VCALENDAR\r\n',
].join('');

const rowsInput = (file: string) => ({ path: file, dryRun: false });

export const IMPORTERS: Importer[] = [
  { name: 'gias-csv', kind: 'csv', seed: async () => fs.readFileSync(GIAS_2024), method: 'gias.apply', input: (file) => ({ path: file }), columns: ['URN', 'EstablishmentName', 'LA (code)', 'EstablishmentStatus (name)', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)'] },
  { name: 'people-csv', kind: 'csv', seed: async () => csv(PEOPLE, PEOPLE_ROWS), method: 'people.importFile', input: rowsInput, columns: PEOPLE },
  { name: 'people-xlsx', kind: 'xlsx', seed: () => xlsx(PEOPLE, PEOPLE_ROWS), method: 'people.importFile', input: rowsInput, columns: PEOPLE },
  { name: 'connections-csv', kind: 'csv', seed: async () => csv(CONNECTIONS, CONNECTION_ROWS), method: 'connections.importFile', input: rowsInput, columns: CONNECTIONS },
  { name: 'connections-xlsx', kind: 'xlsx', seed: () => xlsx(CONNECTIONS, CONNECTION_ROWS), method: 'connections.importFile', input: rowsInput, columns: CONNECTIONS },
  { name: 'allocations-csv', kind: 'csv', seed: async () => csv(ALLOCATIONS, ALLOCATION_ROWS), method: 'allocations.importFile', input: rowsInput, columns: ALLOCATIONS },
  { name: 'allocations-xlsx', kind: 'xlsx', seed: () => xlsx(ALLOCATIONS, ALLOCATION_ROWS), method: 'allocations.importFile', input: rowsInput, columns: ALLOCATIONS },
  { name: 'hubs-csv', kind: 'csv', seed: async () => csv(HUBS, HUB_ROWS), method: 'schools.importHubs', input: (file) => ({ path: file, dryRun: false, applyGoodRows: true }), columns: HUBS },
  { name: 'hubs-xlsx', kind: 'xlsx', seed: () => xlsx(HUBS, HUB_ROWS), method: 'schools.importHubs', input: (file) => ({ path: file, dryRun: false, applyGoodRows: true }), columns: HUBS },
  { name: 'term-dates-ics', kind: 'ics', seed: async () => Buffer.from(TERM_DATES), method: 'calendar.importTermDates', input: (file) => ({ path: file, dryRun: false }), columns: ['BEGIN', 'END', 'DTSTART;VALUE=DATE', 'DTEND;VALUE=DATE', 'SUMMARY', 'UID'] },
  {
    name: 'bank-holidays-json', kind: 'json', method: 'calendar.importBankHolidays', input: (file) => ({ path: file }), columns: ['england-and-wales', 'events', 'date', 'title'],
    seed: async () => fs.readFileSync(path.join(ROOT, 'electron', 'app', 'calendar', 'bank-holidays.json')),
  },
  {
    name: 'docx-template', kind: 'docx', method: 'documents.loadTemplate', input: (file) => ({ kind: 'visit_record', path: file }), columns: ['schoolName', 'date', '#children', '/children'],
    seed: async () => fs.readFileSync(path.join(ROOT, 'templates', 'visit-record.docx')),
  },
];
