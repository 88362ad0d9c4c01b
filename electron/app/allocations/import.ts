/**
 * Bulk allocation from a spreadsheet such as the team's current published SPOC list. Every row
 * is read and judged first, the batch together (loads count the whole reallocation, but only the
 * rows that will apply: settle.ts). Rows with a blocking finding are refused with their reasons;
 * rows with warnings apply only when they carry a Reason; the rest apply in one transaction.
 */
import type { AllocationImportResult, AllocationImportRow } from '../../../shared/domain/allocations.ts';
import { ALLOCATION_ROLES, AllocationProposal, hasBlocking } from '../../../shared/domain/allocations.ts';
import { TO_BE_ALLOCATED } from '../../../shared/domain/documents.ts';
import { foldForSearch } from '../../../shared/domain/search.ts';
import { afterBigImport, beforeBigImport } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { headerNaming } from '../imports/header-row.ts';
import { SPREADSHEET_LIMITS } from '../imports/limits.ts';
import { mapColumns, readTable } from '../imports/table-file.ts';
import { parseDate } from '../imports/text-file.ts';
import { applyJudged, dateProblem, type Judged, type ParsedProposal } from './service.ts';
import { messagesOf, settleBatch } from './settle.ts';
import { readState, type AllocationState } from './state.ts';
import { localDay } from '../../../shared/format.ts';

type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

const NOBODY = new Set(['', foldForSearch(TO_BE_ALLOCATED), 'none', 'nobody']);
const EMAIL = /[^\s,;<>()]+@[^\s,;<>()]+\.[^\s,;<>()]+/;

/** The email in a cell: its own column, or a contact cell holding "email, phone" (as older SPOC lists did). */
const emailIn = (text: string): string => EMAIL.exec(text)?.[0].toLowerCase() ?? '';

/**
 * A worker named in a row: by work email, or by name compared folded (O’Brien is O'Brien) with
 * the row's email, when the list gives one, telling apart two people of the same name.
 */
function resolveWorker(state: AllocationState, text: string, email: string, column: string): Resolved<string | null> {
  const typed = text.trim();
  if (NOBODY.has(foldForSearch(typed))) return { ok: true, value: null };
  const workers = [...state.workers.values()];
  const withEmail = (address: string) => workers.filter((w) => w.email?.toLowerCase() === address);
  if (typed.includes('@')) {
    const byEmail = withEmail(typed.toLowerCase());
    if (byEmail.length === 1 && byEmail[0]) return { ok: true, value: byEmail[0].id };
  }
  const name = foldForSearch(typed);
  const byName = workers.filter((w) => foldForSearch(w.name) === name);
  const emailed = email ? withEmail(email) : [];
  const both = byName.filter((w) => emailed.includes(w));
  if (both.length === 1 && both[0]) return { ok: true, value: both[0].id };
  if (byName.length === 1 && byName[0]) {
    const other = emailed.find((w) => w.id !== byName[0]?.id);
    if (other) return { ok: false, message: `${column} "${typed}" is given with the work email of ${other.name}: correct one of them.` };
    return { ok: true, value: byName[0].id };
  }
  if (byName.length > 1) return { ok: false, message: `${column} "${typed}" matches ${byName.length} people: give their work email instead.` };
  return { ok: false, message: `${column} "${typed}" is not a worker in this team database (give a name or work email as in People).` };
}

function resolveSchool(state: AllocationState, urn: string, name: string): Resolved<string> {
  if (urn.trim()) {
    return state.schools.has(urn.trim()) ? { ok: true, value: urn.trim() } : { ok: false, message: `No school has URN "${urn.trim()}" in this team database.` };
  }
  const wanted = foldForSearch(name);
  const matches = [...state.schools.values()].filter((s) => s.status !== 'closed' && foldForSearch(s.name) === wanted);
  if (matches.length === 1 && matches[0]) return { ok: true, value: matches[0].urn };
  if (matches.length > 1) return { ok: false, message: `School name "${name.trim()}" matches ${matches.length} open schools: give the URN instead.` };
  return { ok: false, message: name.trim() ? `No open school is called "${name.trim()}".` : 'The row names no school (School URN or School name).' };
}

/**
 * The columns, by the names people use and the names LinkDesk's own SPOC list gives them
 * (documents/spoc-list.ts), so the published list reads back exactly as it was written.
 */
const COLUMNS = {
  urn: { names: ['School URN', 'URN'], required: false },
  name: { names: ['School name', 'School'], required: false },
  named: { names: ['Named link worker (SPOC)', 'Named link worker', 'SPOC', 'Named worker'], required: true },
  namedEmail: { names: ['SPOC work email', 'Named link worker email', 'SPOC email'], required: false },
  namedContact: { names: ['SPOC contact', 'Named link worker contact'], required: false },
  secondary: { names: ['Secondary link worker', 'Secondary worker'], required: true },
  secondaryEmail: { names: ['Secondary work email', 'Secondary link worker email', 'Secondary email'], required: false },
  secondaryContact: { names: ['Secondary contact', 'Secondary link worker contact'], required: false },
  from: { names: ['From', 'Effective from'], required: false },
  countyOn: { names: ['County agreed on'], required: false },
  countyBy: { names: ['County agreed by'], required: false },
  reason: { names: ['Reason'], required: false },
};

export async function importAllocations(ctx: WriteContext, path: string, options: { dryRun: boolean }): Promise<AllocationImportResult> {
  // The published list has its title and date above the header: skip them.
  const table = await readTable(path, SPREADSHEET_LIMITS, headerNaming(COLUMNS.named.names));
  const col = mapColumns(table.header, COLUMNS);
  const state = readState(ctx.db);
  const today = localDay(ctx.now());
  const rows: AllocationImportRow[] = [];
  const candidates: { row: number; proposal: ParsedProposal }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const refuse = (message: string, school: AllocationImportRow['school'] = null) => rows.push({ row, school, outcome: 'refused', reasons: [message], warnings: [] });
    const school = resolveSchool(state, get(col.urn), get(col.name));
    if (!school.ok) {
      refuse(school.message);
      continue;
    }
    const schoolRef = { urn: school.value, name: state.schools.get(school.value)?.name ?? '' };
    const first = firstRowOf.get(school.value);
    if (first !== undefined) {
      refuse(`${schoolRef.name} is on row ${first} already: one row per school.`, schoolRef);
      continue;
    }
    firstRowOf.set(school.value, row);
    const named = resolveWorker(state, get(col.named), emailIn(get(col.namedEmail)) || emailIn(get(col.namedContact)), 'Named link worker');
    const secondary = resolveWorker(state, get(col.secondary), emailIn(get(col.secondaryEmail)) || emailIn(get(col.secondaryContact)), 'Secondary link worker');
    const from = get(col.from) === '' ? today : parseDate(get(col.from));
    const countyOn = parseDate(get(col.countyOn));
    const problems = [
      ...(named.ok ? [] : [named.message]),
      ...(secondary.ok ? [] : [secondary.message]),
      ...(from ? [] : [`From "${get(col.from)}" is not a date (use 2026-09-01 or 01/09/2026).`]),
      ...(countyOn === undefined ? [`County agreed on "${get(col.countyOn)}" is not a date.`] : []),
      ...(from && countyOn && countyOn > from ? ['County agreed on is after the From date: the agreement must come first.'] : []),
    ];
    if (problems.length || !named.ok || !secondary.ok || !from) {
      rows.push({ row, school: schoolRef, outcome: 'refused', reasons: problems, warnings: [] });
      continue;
    }
    const reason = get(col.reason);
    const parsed = AllocationProposal.safeParse({
      urn: school.value, namedId: named.value, secondaryId: secondary.value, from, reason, overrideReason: reason,
      countyAgreedOn: countyOn ?? '', countyAgreedBy: get(col.countyBy),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rows.push({ row, school: schoolRef, outcome: 'refused', reasons: [`${issue?.path.join('.') === 'countyAgreedBy' ? 'County agreed by' : 'Reason'}: ${issue?.message ?? 'not valid'}.`], warnings: [] });
      continue;
    }
    const proposal = parsed.data;
    // Date problems are this row's, not the whole file's: refuse the row before anything is applied.
    const current = state.current.get(school.value);
    const dates = ALLOCATION_ROLES.map((role) => dateProblem(current?.[role], proposal, role)).filter((p): p is string => p !== null);
    if (dates.length) {
      rows.push({ row, school: schoolRef, outcome: 'refused', reasons: dates, warnings: [] });
      continue;
    }
    candidates.push({ row, proposal });
  }

  // A row that changes nothing applies nothing and moves no load: it is not judged.
  const changing = candidates.filter(({ row, proposal }) => {
    const current = state.current.get(proposal.urn);
    const unchanged = (current?.named?.personId ?? null) === proposal.namedId && (current?.secondary?.personId ?? null) === proposal.secondaryId;
    if (unchanged) rows.push({ row, school: { urn: proposal.urn, name: state.schools.get(proposal.urn)?.name ?? '' }, outcome: 'unchanged', reasons: [], warnings: [] });
    return !unchanged;
  });
  const settled = settleBatch(ctx.db, changing.map((c) => c.proposal), state);
  const toApply: Judged[] = [];
  settled.judged.forEach((j, i) => {
    const row = changing[i]?.row ?? 0;
    const school = { urn: j.proposal.urn, name: j.schoolName };
    const warnings = messagesOf(j.findings, 'warning');
    const harmed = settled.harms[i];
    if (settled.applies[i]) {
      rows.push({ row, school, outcome: 'apply', reasons: [], warnings });
      toApply.push(j);
    } else if (hasBlocking(j.findings)) rows.push({ row, school, outcome: 'refused', reasons: messagesOf(j.findings, 'blocking'), warnings });
    else if (harmed) {
      const reason = `With the rows that will apply, it would give ${harmed.schoolName} a warning that row has no Reason for: ${messagesOf(harmed.findings, 'warning').join(' ')}`;
      rows.push({ row, school, outcome: 'refused', reasons: [reason], warnings });
    } else rows.push({ row, school, outcome: 'refused', reasons: ['It has warnings and no Reason to override them.', ...warnings], warnings });
  });
  rows.sort((a, b) => a.row - b.row);

  const applied = options.dryRun ? 0 : toApply.length;
  if (!options.dryRun && toApply.length) {
    beforeBigImport(ctx.db);
    write(ctx, (audit) => applyJudged(ctx, toApply, audit));
    afterBigImport(ctx.db);
  }
  return {
    dryRun: options.dryRun,
    applied,
    rejected: rows.filter((r) => r.outcome === 'refused').map((r) => ({ row: r.row, school: r.school, reasons: r.reasons })),
    warnings: rows
      .filter((r) => r.outcome === 'apply' && r.warnings.length && r.school)
      .map((r) => ({ row: r.row, school: r.school ?? { urn: '', name: '' }, messages: r.warnings, overriddenWith: candidates.find((c) => c.row === r.row)?.proposal.overrideReason ?? '' })),
    rows,
  };
}
