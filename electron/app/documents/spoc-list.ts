/**
 * The SPOC contact list the team publishes so schools know whom to call. Only publishable
 * fields leave the database: school, category, hub, and the workers' names with their work
 * email and phone. Declared connections, notes, reasons and children are never read here.
 * The layout (A4 landscape, one page wide, titles repeated, 10pt) is the template's
 * (scripts/make-templates.ts); `import-allocations` reads the list back as written.
 */
import { TO_BE_ALLOCATED, type SpocListCheck, type SpocListRow } from '../../../shared/domain/documents.ts';
import { CATEGORY_LABELS } from '../../../shared/domain/schools.ts';
import { selectBoard } from '../allocations/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { selectEveryPerson } from '../people/repo.ts';
import { getTeam } from '../team/service.ts';
import { longDate } from './record-data.ts';
import { defaultTemplate } from './templates.ts';
import { wrappedLines } from './wrapped-lines.ts';

const HEADER_ROW = 3;
const COLUMNS = 11;
/** Points per printed line of 10pt text (its line spacing is 11.5), and the air above and below. */
const LINE_HEIGHT = 12.75;
const ROW_AIR = 3;
const rowHeight = (lines: number) => lines * LINE_HEIGHT + ROW_AIR;

export function spocListRows(db: Connection, validFrom: string): SpocListRow[] {
  const people = new Map(selectEveryPerson(db).map((p) => [p.id, p]));
  const managers = [...people.values()].filter((p) => p.role === 'team_manager' && p.activeFrom <= validFrom && (!p.activeTo || p.activeTo >= validFrom));
  // The school's hub's manager, else the named worker's hub's manager, else the team's first.
  const managerFor = (hub: string | null, spocHub: string | null) => managers.find((m) => hub && m.hub === hub) ?? managers.find((m) => spocHub && m.hub === spocHub) ?? managers[0];
  // Only the schools the team serves: a school out of scope has no SPOC to publish.
  return selectBoard(db, validFrom)
    .filter((school) => school.inScope)
    .map((school) => {
      const spoc = school.named ? people.get(school.named.id) : undefined;
      const secondary = school.secondary ? people.get(school.secondary.id) : undefined;
      const manager = managerFor(school.hub, spoc?.hub ?? null);
      return {
        schoolName: school.name,
        urn: school.urn,
        category: CATEGORY_LABELS[school.category],
        // A register just imported from GIAS has no hubs yet: the school is served from its link workers' hub.
        hub: school.hub || spoc?.hub || secondary?.hub || '',
        spocName: spoc?.name ?? TO_BE_ALLOCATED,
        spocEmail: spoc?.email ?? '',
        spocPhone: spoc?.phone ?? '',
        secondaryName: secondary?.name ?? TO_BE_ALLOCATED,
        secondaryEmail: secondary?.email ?? '',
        secondaryPhone: secondary?.phone ?? '',
        managerName: manager?.name ?? '',
        managerEmail: manager?.email ?? '',
        managerPhone: manager?.phone ?? '',
      };
    })
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB') || a.urn.localeCompare(b.urn));
}

export function checkSpocList(db: Connection, validFrom: string): SpocListCheck {
  const rows = spocListRows(db, validFrom);
  return { validFrom, schools: rows.length, gaps: rows.filter((r) => r.spocName === TO_BE_ALLOCATED).map((r) => ({ urn: r.urn, name: r.schoolName })) };
}

/** Each team manager on the list once, with the hubs of their schools and their contacts: "Tess Manager (North, Central): email, phone". */
export function managerLines(rows: SpocListRow[]): string[] {
  const managers = new Map<string, { hubs: Set<string>; contact: string }>();
  for (const r of rows) {
    if (!r.managerName) continue;
    const entry = managers.get(r.managerName) ?? { hubs: new Set<string>(), contact: [r.managerEmail, r.managerPhone].filter(Boolean).join(', ') };
    if (r.hub) entry.hubs.add(r.hub);
    managers.set(r.managerName, entry);
  }
  return [...managers].map(([name, { hubs, contact }]) => `${name}${hubs.size ? ` (${[...hubs].sort().join(', ')})` : ''}${contact ? `: ${contact}` : ''}`);
}

/** Fills the template workbook: the title, the line under it with the managers' contacts, a row per open school. */
export async function buildSpocList(db: Connection, validFrom: string): Promise<{ bytes: Buffer; rows: number }> {
  // exceljs is large: it loads with the first list made, not when LinkDesk starts.
  const { default: ExcelJS } = await import('exceljs');
  const rows = spocListRows(db, validFrom);
  const { settings } = getTeam(db);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(defaultTemplate('spoc_list').content as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('The SPOC list template has no worksheet');
  sheet.getCell('A1').value = `${settings.teamName}: SPOC contact list`;
  const managers = managerLines(rows);
  const subtitle = [
    `${settings.localAuthority}. Valid from ${longDate(validFrom)}. Contact your school’s named link worker (SPOC) first; the team manager if they are away.`,
    ...(managers.length ? [`Team ${managers.length === 1 ? 'manager' : 'managers'}: ${managers.join('; ')}.`] : []),
  ].join('\n');
  sheet.getCell('A2').value = subtitle;
  // Heights are set, not left to the program that opens the file (wrapped-lines.ts says why).
  const widths = sheet.columns.map((c) => c.width ?? 10);
  const sheetWidth = widths.reduce((sum, w) => sum + w, 0);
  sheet.getRow(2).height = rowHeight(wrappedLines(subtitle, sheetWidth));
  const header = sheet.getRow(HEADER_ROW);
  sheet.getRow(HEADER_ROW).height = rowHeight(Math.max(...widths.map((w, c) => wrappedLines(String(header.getCell(c + 1).value ?? ''), w, 10, true))));
  const style = sheet.getRow(HEADER_ROW + 1);
  const styles = Array.from({ length: COLUMNS }, (_, i) => ({ ...style.getCell(i + 1).style }));
  rows.forEach((r, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const values = [r.schoolName, r.urn, r.category, r.hub, r.spocName, r.spocEmail, r.spocPhone, r.secondaryName, r.secondaryEmail, r.secondaryPhone, r.managerName];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.style = styles[c] ?? {};
    });
    row.height = rowHeight(Math.max(...values.map((v, c) => wrappedLines(v, widths[c] ?? 10))));
  });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows.length, 1), column: COLUMNS } };
  book.created = new Date();
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}
