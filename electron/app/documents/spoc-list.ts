/**
 * The SPOC contact list the team publishes so schools know whom to call. Only publishable
 * fields leave the database: school, category, hub, and the workers' names with their work
 * email and phone. Declared connections, notes, reasons and children are never read here.
 */
import { TO_BE_ALLOCATED, type SpocListCheck, type SpocListRow } from '../../../shared/domain/documents.ts';
import type { Person } from '../../../shared/domain/people.ts';
import { CATEGORY_LABELS } from '../../../shared/domain/schools.ts';
import { selectBoard } from '../allocations/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { selectEveryPerson } from '../people/repo.ts';
import { getTeam } from '../team/service.ts';
import { longDate } from './record-data.ts';
import { defaultTemplate } from './templates.ts';

const HEADER_ROW = 3;
const COLUMNS = 11;

const contact = (p: Person | undefined) => [p?.email, p?.phone].filter(Boolean).join(', ');

export function spocListRows(db: Connection, validFrom: string): SpocListRow[] {
  const people = new Map(selectEveryPerson(db).map((p) => [p.id, p]));
  const managers = [...people.values()].filter((p) => p.role === 'team_manager' && p.activeFrom <= validFrom && (!p.activeTo || p.activeTo >= validFrom));
  // The school's hub's manager, else the named worker's hub's manager, else the team's first.
  const managerFor = (hub: string | null, spocHub: string | null) => managers.find((m) => hub && m.hub === hub) ?? managers.find((m) => spocHub && m.hub === spocHub) ?? managers[0];
  return selectBoard(db, validFrom)
    .map((school) => {
      const spoc = school.named ? people.get(school.named.id) : undefined;
      const secondary = school.secondary ? people.get(school.secondary.id) : undefined;
      const manager = managerFor(school.hub, spoc?.hub ?? null);
      return {
        schoolName: school.name,
        urn: school.urn,
        category: CATEGORY_LABELS[school.category],
        hub: school.hub ?? '',
        spocName: spoc?.name ?? TO_BE_ALLOCATED,
        spocEmail: spoc?.email ?? '',
        spocPhone: spoc?.phone ?? '',
        secondaryName: secondary?.name ?? TO_BE_ALLOCATED,
        secondaryContact: contact(secondary),
        managerName: manager?.name ?? '',
        managerContact: contact(manager),
      };
    })
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB') || a.urn.localeCompare(b.urn));
}

export function checkSpocList(db: Connection, validFrom: string): SpocListCheck {
  const rows = spocListRows(db, validFrom);
  return { validFrom, schools: rows.length, gaps: rows.filter((r) => r.spocName === TO_BE_ALLOCATED).map((r) => ({ urn: r.urn, name: r.schoolName })) };
}

/** Fills the template workbook: a title row, the header kept frozen with its filters, a row per open school. */
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
  sheet.getCell('A2').value = `${settings.localAuthority}. Valid from ${longDate(validFrom)}. Contact your school’s named link worker (SPOC) first; the team manager if they are away.`;
  const style = sheet.getRow(HEADER_ROW + 1);
  const styles = Array.from({ length: COLUMNS }, (_, i) => ({ ...style.getCell(i + 1).style }));
  rows.forEach((r, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const values = [r.schoolName, r.urn, r.category, r.hub, r.spocName, r.spocEmail, r.spocPhone, r.secondaryName, r.secondaryContact, r.managerName, r.managerContact];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.style = styles[c] ?? {};
    });
  });
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(rows.length, 1), column: COLUMNS } };
  book.created = new Date();
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}
