/**
 * Bulk allocation from a spreadsheet such as the team's current published SPOC list. Every row
 * is read and judged first, the batch together (loads count the whole reallocation). Rows with
 * a blocking finding are refused with their reasons; rows with warnings apply only when they
 * carry a Reason; the rest apply in one transaction.
 */
import type { AllocationImportResult, AllocationImportRow, Finding } from '../../../shared/domain/allocations.ts';
import { ALLOCATION_ROLES, AllocationProposal, hasBlocking, hasWarnings } from '../../../shared/domain/allocations.ts';
import { afterBigImport, beforeBigImport } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { mapColumns, readTable } from '../imports/table-file.ts';
import { parseDate } from '../imports/text-file.ts';
import { applyJudged, dateProblem, judgeProposals, type ParsedProposal } from './service.ts';
import { readState, type AllocationState } from './state.ts';
import { localDay } from '../../../shared/format.ts';

type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

function resolveWorker(state: AllocationState, text: string, column: string): Resolved<string | null> {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'to be allocated' || t === 'none') return { ok: true, value: null };
  const workers = [...state.workers.values()];
  const byEmail = workers.filter((w) => w.email?.toLowerCase() === t);
  if (byEmail.length === 1 && byEmail[0]) return { ok: true, value: byEmail[0].id };
  const byName = workers.filter((w) => w.name.toLowerCase() === t);
  if (byName.length === 1 && byName[0]) return { ok: true, value: byName[0].id };
  if (byName.length > 1) return { ok: false, message: `${column} "${text}" matches ${byName.length} people: give their work email instead.` };
  return { ok: false, message: `${column} "${text}" is not a worker in this team database (give a name or work email as in People).` };
}

function resolveSchool(state: AllocationState, urn: string, name: string): Resolved<string> {
  if (urn.trim()) {
    return state.schools.has(urn.trim()) ? { ok: true, value: urn.trim() } : { ok: false, message: `No school has URN "${urn.trim()}" in this team database.` };
  }
  const matches = [...state.schools.values()].filter((s) => s.status !== 'closed' && s.name.toLowerCase() === name.trim().toLowerCase());
  if (matches.length === 1 && matches[0]) return { ok: true, value: matches[0].urn };
  if (matches.length > 1) return { ok: false, message: `School name "${name.trim()}" matches ${matches.length} open schools: give the URN instead.` };
  return { ok: false, message: name.trim() ? `No open school is called "${name.trim()}".` : 'The row names no school (School URN or School name).' };
}

export async function importAllocations(ctx: WriteContext, path: string, options: { dryRun: boolean }): Promise<AllocationImportResult> {
  const table = await readTable(path);
  const col = mapColumns(table.header, {
    urn: { names: ['School URN', 'URN'], required: false },
    name: { names: ['School name', 'School'], required: false },
    named: { names: ['Named link worker', 'SPOC', 'Named worker'], required: true },
    secondary: { names: ['Secondary link worker', 'Secondary worker'], required: true },
    from: { names: ['From', 'Effective from'], required: false },
    countyOn: { names: ['County agreed on'], required: false },
    countyBy: { names: ['County agreed by'], required: false },
    reason: { names: ['Reason'], required: false },
  });
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
    const named = resolveWorker(state, get(col.named), 'Named link worker');
    const secondary = resolveWorker(state, get(col.secondary), 'Secondary link worker');
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

  const judged = judgeProposals(ctx.db, candidates.map((c) => c.proposal), state);
  const toApply: typeof judged = [];
  judged.forEach((j, i) => {
    const row = candidates[i]?.row ?? 0;
    const school = { urn: j.proposal.urn, name: j.schoolName };
    const messages = (severity: Finding['severity']) => j.findings.filter((f) => f.severity === severity).map((f) => f.message);
    const current = state.current.get(j.proposal.urn);
    const unchanged = (current?.named?.personId ?? null) === j.proposal.namedId && (current?.secondary?.personId ?? null) === j.proposal.secondaryId;
    if (unchanged) rows.push({ row, school, outcome: 'unchanged', reasons: [], warnings: [] });
    else if (hasBlocking(j.findings)) rows.push({ row, school, outcome: 'refused', reasons: messages('blocking'), warnings: messages('warning') });
    else if (hasWarnings(j.findings) && !j.proposal.overrideReason) {
      rows.push({ row, school, outcome: 'refused', reasons: ['It has warnings and no Reason to override them.', ...messages('warning')], warnings: messages('warning') });
    } else {
      rows.push({ row, school, outcome: 'apply', reasons: [], warnings: messages('warning') });
      toApply.push(j);
    }
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
