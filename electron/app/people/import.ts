/**
 * The set-up and annual-declaration imports: people, and declared connections. Every row is
 * checked first; a file with any refused row applies nothing unless the caller asked for the
 * good rows; the rest apply in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { ConnectionFields, connectionKindFromText, PersonFields, roleFromText, type ConnectionKind, type Person } from '../../../shared/domain/people.ts';
import type { RowError, RowsImportResult } from '../../../shared/domain/imports.ts';
import { write, type WriteContext } from '../db/write.ts';
import { mapColumns, readTable } from '../imports/table-file.ts';
import { parseDate } from '../imports/text-file.ts';
import { selectSchool } from '../schools/repo.ts';
import { insertConnection, insertPerson, selectDuplicateConnection, selectPersonByEmail, updatePerson } from './repo.ts';
import { localDay } from '../../../shared/format.ts';

export interface ImportOptions {
  dryRun: boolean;
  applyGoodRows?: boolean;
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'row'}: ${issue.message}` : 'invalid';
}

function finish<T>(ctx: WriteContext, good: T[], rejected: RowError[], options: ImportOptions, apply: (item: T, audit: Parameters<Parameters<typeof write>[1]>[0]) => void): RowsImportResult {
  const blocked = rejected.length > 0 && !options.applyGoodRows;
  if (options.dryRun || blocked) return { applied: 0, dryRun: options.dryRun, rejected };
  write(ctx, (audit) => {
    for (const item of good) apply(item, audit);
  });
  return { applied: good.length, dryRun: false, rejected };
}

export async function importPeople(ctx: WriteContext, path: string, options: ImportOptions): Promise<RowsImportResult> {
  const table = await readTable(path);
  const col = mapColumns(table.header, {
    name: { names: ['Name'], required: true },
    role: { names: ['Role'], required: true },
    email: { names: ['Email', 'Work email'], required: true },
    phone: { names: ['Phone', 'Work phone'], required: false },
    hub: { names: ['Hub'], required: false },
    capacity: { names: ['Capacity'], required: false },
    activeFrom: { names: ['Active from'], required: true },
    activeTo: { names: ['Active to'], required: false },
  });
  const rejected: RowError[] = [];
  const good: { person: Person; existing: boolean }[] = [];
  const seen = new Map<string, number>();
  const today = localDay(ctx.now());
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const role = roleFromText(get(col.role));
    if (!role) {
      rejected.push({ row, message: `Row ${row}: Role "${get(col.role)}" is not Family Support Worker, Team Manager or Other.` });
      continue;
    }
    const from = get(col.activeFrom) === '' ? today : parseDate(get(col.activeFrom));
    const to = parseDate(get(col.activeTo));
    if (from === undefined || from === null || to === undefined) {
      rejected.push({ row, message: `Row ${row}: "${from === undefined ? get(col.activeFrom) : get(col.activeTo)}" is not a date (use 2026-09-01 or 01/09/2026).` });
      continue;
    }
    const capacityText = get(col.capacity);
    if (capacityText !== '' && !/^\d+$/.test(capacityText)) {
      rejected.push({ row, message: `Row ${row}: Capacity "${capacityText}" is not a whole number.` });
      continue;
    }
    const parsed = PersonFields.safeParse({
      name: get(col.name), role, email: get(col.email), phone: get(col.phone), hub: get(col.hub), activeFrom: from, activeTo: to ?? '',
      capacity: capacityText === '' ? null : Number(capacityText), level3Plans: 0,
    });
    if (!parsed.success) {
      rejected.push({ row, message: `Row ${row}: ${firstIssue(parsed.error)}.` });
      continue;
    }
    const email = parsed.data.email?.toLowerCase() ?? '';
    if (!email) {
      rejected.push({ row, message: `Row ${row}: Email is empty; people are matched by their work email.` });
      continue;
    }
    const firstRow = seen.get(email);
    if (firstRow !== undefined) {
      rejected.push({ row, message: `Row ${row}: ${email} appears more than once (first on row ${firstRow}).` });
      continue;
    }
    seen.set(email, row);
    const existing = selectPersonByEmail(ctx.db, email);
    if (!existing) {
      good.push({ person: { ...parsed.data, id: randomUUID() }, existing: false });
      continue;
    }
    // For someone LinkDesk already has, a missing column or a blank cell keeps what it holds:
    // a shorter spreadsheet must not wipe phone numbers or bring a leaver back.
    const given = (i: number) => get(i) !== '';
    const p = parsed.data;
    good.push({
      person: {
        ...existing,
        name: p.name,
        role: p.role,
        email: p.email,
        phone: given(col.phone) ? p.phone : existing.phone,
        hub: given(col.hub) ? p.hub : existing.hub,
        capacity: given(col.capacity) ? p.capacity : existing.capacity,
        activeFrom: given(col.activeFrom) ? p.activeFrom : existing.activeFrom,
        activeTo: given(col.activeTo) ? p.activeTo : existing.activeTo,
      },
      existing: true,
    });
  }
  const at = ctx.now().toISOString();
  return finish(ctx, good, rejected, options, ({ person, existing }, audit) => {
    if (existing) updatePerson(ctx.db, person, at);
    else insertPerson(ctx.db, person, at);
    audit('person', person.id, existing ? 'import-update' : 'import-add');
  });
}

export async function importConnections(ctx: WriteContext, path: string, options: ImportOptions): Promise<RowsImportResult> {
  const table = await readTable(path);
  const col = mapColumns(table.header, {
    email: { names: ['Worker email', 'Email'], required: true },
    urn: { names: ['School URN', 'URN'], required: true },
    kind: { names: ['Connection'], required: true },
    otherText: { names: ['Details', 'Other'], required: false },
    from: { names: ['From'], required: true },
    to: { names: ['To'], required: false },
  });
  const rejected: RowError[] = [];
  const good: { personId: string; urn: string; kind: ConnectionKind; otherText: string | null; from: string; to: string | null }[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const person = selectPersonByEmail(ctx.db, get(col.email));
    if (!person) {
      rejected.push({ row, message: `Row ${row}: no worker has the email "${get(col.email)}". Import the people first.` });
      continue;
    }
    if (!selectSchool(ctx.db, get(col.urn))) {
      rejected.push({ row, message: `Row ${row}: no school has URN "${get(col.urn)}" in this team database.` });
      continue;
    }
    const kind = connectionKindFromText(get(col.kind));
    if (!kind) {
      rejected.push({ row, message: `Row ${row}: Connection "${get(col.kind)}" is not one of: own child attends, family member works there, governor or trustee, other.` });
      continue;
    }
    const from = parseDate(get(col.from));
    const to = parseDate(get(col.to));
    if (!from || to === undefined) {
      rejected.push({ row, message: `Row ${row}: "${!from ? get(col.from) : get(col.to)}" is not a date (use 2026-09-01 or 01/09/2026).` });
      continue;
    }
    const parsed = ConnectionFields.safeParse({ personId: person.id, urn: get(col.urn), kind, otherText: get(col.otherText) || (kind === 'other' ? '' : undefined), from, to: to ?? '' });
    if (!parsed.success) {
      rejected.push({ row, message: `Row ${row}: ${firstIssue(parsed.error)}.` });
      continue;
    }
    const key = `${person.id}|${parsed.data.urn}|${kind}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined || selectDuplicateConnection(ctx.db, person.id, parsed.data.urn, kind, parsed.data.from)) {
      rejected.push({ row, message: `Row ${row}: ${person.name} already has this connection to URN ${parsed.data.urn}${firstRow ? ` (row ${firstRow})` : ''}.` });
      continue;
    }
    seen.set(key, row);
    good.push({ personId: person.id, urn: parsed.data.urn, kind, otherText: parsed.data.otherText ?? null, from: parsed.data.from, to: parsed.data.to });
  }
  const at = ctx.now().toISOString();
  return finish(ctx, good, rejected, options, (c, audit) => {
    const id = randomUUID();
    insertConnection(ctx.db, { id, personId: c.personId, urn: c.urn, kind: c.kind, otherText: c.otherText, from: c.from, to: c.to, recordedBy: ctx.actor, recordedAt: at });
    audit('connection', id, 'import-declare');
  });
}
