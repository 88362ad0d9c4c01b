import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button, Checkbox, Input, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { numericDate, readDate } from '../../../../shared/dates.ts';
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../../shared/domain/calendar.ts';
import { PlanManyInput, VISIT_STATUS_LABELS, type PlanManyResult, type PlanManyRowResult, type PlannerRow } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, todayLocal } from '../../format.ts';
import { filterPlanner, NO_FILTERS, PlannerFilters, type PlannerFilterValues } from './PlannerFilters.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Draft {
  /** As typed: 13/01/2027, 13 Jan 2027 or 2027-01-13; empty while the date is to be agreed. */
  date: string;
  agreed: boolean;
  movedReason: string;
}

const FIELD_NAMES: Record<PlanManyRowResult['problems'][number]['field'], string> = { urn: 'school', date: 'visit date', agreed: 'agreed', movedReason: 'why it moved' };

/** A typed date as ISO: '' for none, null when it is not a date yet (the date fields' own reading). */
function isoOf(text: string): string | null {
  const reading = readDate(text);
  return reading.kind === 'empty' ? '' : reading.kind === 'date' ? reading.iso : null;
}

/** Why a typed date is not one yet, in the date fields' words. */
function dateProblem(text: string): string | null {
  const reading = readDate(text);
  return reading.kind === 'invalid' ? reading.message : null;
}

const ukDate = (iso: string | null | undefined) => (iso ? numericDate(iso) : '');

/** What the row holds now: its date as the grid shows it, and whether it is agreed. */
function currentOf(row: PlannerRow, term: TermName): Draft {
  const visit = row.visits[term];
  return { date: ukDate(visit?.date), agreed: visit ? visit.status !== 'to_be_agreed' || !visit.date : true, movedReason: '' };
}

/** A visit past agreeing: held or written up, or cancelled. The grid leaves these to the visit's own page. */
const settled = (row: PlannerRow, term: TermName) => ['held', 'record_written', 'cancelled'].includes(row.visits[term]?.status ?? '');

/** The term to start on: the one today falls in or comes before, else the first. */
function termToStart(years: { label: string; terms: { name: TermName; endsOn: string }[] }[] | undefined, year: string | null): TermName {
  const today = todayLocal();
  return years?.find((y) => y.label === year)?.terms.find((t) => t.endsOn >= today)?.name ?? 'autumn';
}

export function PlannerGridPage() {
  const { year: yearParam } = useParams();
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const [chosenYear, setChosenYear] = useState<string | null>(null);
  const year = chosenYear ?? yearParam ?? years.data?.at(-1)?.label ?? null;
  const [chosenTerm, setChosenTerm] = useState<TermName | null>(null);
  const term = chosenTerm ?? termToStart(years.data, year);
  const planner = useQuery({ queryKey: ['visits.planner', year], queryFn: () => invoke('visits.planner', { yearLabel: year ?? '' }), enabled: Boolean(year) });
  const [filters, setFilters] = useState<PlannerFilterValues>({ ...NO_FILTERS, status: 'to_agree' });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [outcome, setOutcome] = useState<PlanManyResult | null>(null);
  const form = useForm({});

  const all = planner.data ?? [];
  const shown = filterPlanner(all, { ...filters, term });
  const draftOf = (row: PlannerRow) => drafts[row.urn] ?? currentOf(row, term);
  const edit = (row: PlannerRow, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [row.urn]: { ...draftOf(row), ...patch } }));
  const isChanged = (row: PlannerRow) => {
    const draft = drafts[row.urn];
    if (!draft || settled(row, term)) return false;
    const now = currentOf(row, term);
    return isoOf(draft.date) !== isoOf(now.date) || (draft.date.trim() !== '' && draft.agreed !== now.agreed);
  };
  const changed = all.filter(isChanged);
  const rowsToSend = changed.map((r) => {
    const d = draftOf(r);
    return { urn: r.urn, date: isoOf(d.date) ?? d.date, agreed: d.agreed, ...(d.movedReason.trim() ? { movedReason: d.movedReason } : {}) };
  });
  // The single visit form's checks, for every changed row: a dry run of the same save, deferred while typing.
  const toCheck = useDeferredValue(JSON.stringify(rowsToSend.filter((r) => isoOf(r.date) !== null)));
  const check = useQuery({
    queryKey: ['visits.planMany', year, term, toCheck],
    queryFn: () => invoke('visits.planMany', { yearLabel: year ?? '', term, rows: JSON.parse(toCheck) as PlanManyInput['rows'], dryRun: true }),
    enabled: Boolean(year) && toCheck !== '[]',
  });
  const checked = new Map((check.data?.rows ?? []).map((r) => [r.urn, r]));
  const saved = new Map((outcome?.rows ?? []).map((r) => [r.urn, r]));

  const idFor = (urn: string, field: string) => form.idOf(`${urn}.${field === 'urn' ? 'date' : field}`);
  const save = async (saveGood: boolean) => {
    setOutcome(null);
    const input = { yearLabel: year ?? '', term, rows: rowsToSend, dryRun: false, saveGood };
    const parsed = PlanManyInput.safeParse(input);
    if (!parsed.success) {
      // Name the school and the cell: the schema counts rows, the person sees schools.
      form.addIssues(
        parsed.error.issues.map((i) => {
          const [, index, field] = i.path.map(String);
          const row = changed[Number(index)];
          return row ? { path: `${row.urn}.${field ?? 'date'}`, message: `${row.name}: ${i.message}` } : { path: '', message: i.message };
        }),
      );
      return;
    }
    try {
      const result = await invoke('visits.planMany', parsed.data);
      setOutcome(result);
      const refused = result.rows.filter((r) => r.outcome === 'refused');
      if (refused.length) {
        form.addIssues(refused.flatMap((r) => r.problems.map((p) => ({ path: `${r.urn}.${p.field === 'urn' ? 'date' : p.field}`, message: `${r.name || r.urn} (${FIELD_NAMES[p.field]}): ${p.message}` }))));
      } else form.clear();
      if (result.saved) {
        const done = new Set(result.rows.filter((r) => r.outcome !== 'refused').map((r) => r.urn));
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([urn]) => !done.has(urn))));
        await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('visits') || q.queryKey[0] === 'dashboard.get' });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  const refusedCount = outcome?.rows.filter((r) => r.outcome === 'refused').length ?? 0;
  const goodCount = outcome?.rows.filter((r) => r.outcome === 'saved').length ?? 0;
  return (
    <Page title="Enter a term’s visit dates" lead="One row per school: type each date as the school agrees it, or pencil one in while it is still to be agreed. Every row is checked as the single visit form checks it, and saved together.">
      <p>
        <Link to="/visits">Year planner</Link>
      </p>
      <div className="filters">
        <Select label="School year" value={year ?? ''} onChange={(y) => { setChosenYear(y); setDrafts({}); setOutcome(null); }} options={(years.data ?? []).map((y) => ({ id: y.label, label: y.label }))} />
        <Select<TermName> label="Term" value={term} onChange={(t) => { setChosenTerm(t); setDrafts({}); setOutcome(null); }} options={TERM_NAMES.map((t) => ({ id: t, label: TERM_LABELS[t] }))} />
      </div>
      <PlannerFilters rows={all} value={{ ...filters, term }} onChange={setFilters} fixedTerm={term} />
      {outcome ? (
        outcome.saved ? (
          <Notice kind={refusedCount ? 'warning' : 'success'} title={`${goodCount} ${goodCount === 1 ? 'visit' : 'visits'} saved${refusedCount ? `; ${refusedCount} refused, not saved` : ''}`} />
        ) : (
          <Notice kind="warning" title={`Nothing was saved: ${refusedCount} ${refusedCount === 1 ? 'row was' : 'rows were'} refused`}>
            <p>Correct the rows named above, or save the {goodCount} rows that can be saved and leave the others as they are.</p>
            {goodCount > 0 ? (
              <Button className="button button-secondary" onPress={() => void save(true)}>
                Save the {goodCount} good {goodCount === 1 ? 'row' : 'rows'} only
              </Button>
            ) : null}
          </Notice>
        )
      ) : null}
      <FormShell form={form} onSubmit={() => save(false)} className="grid-form" requiredNote={false}>
        <p className="result-count" role="status">
          {planner.isPending ? 'Loading…' : `${shown.length} ${shown.length === 1 ? 'school' : 'schools'} shown; ${changed.length} ${changed.length === 1 ? 'date' : 'dates'} to save`}
        </p>
        {shown.length > 0 ? (
          <TableScroll className="grid-scroller">
            <table className="table grid-table">
              <caption className="visually-hidden">{`${TERM_LABELS[term]} ${year ?? ''} visit dates by school`}</caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">SPOC</th>
                  <th scope="col">Now</th>
                  <th scope="col">Visit date (such as 13/01/2027)</th>
                  <th scope="col">Status</th>
                  <th scope="col">Checks</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <GridRow key={row.urn} row={row} year={year ?? ''} term={term} draft={draftOf(row)} changed={isChanged(row)} idFor={idFor} onEdit={(patch) => edit(row, patch)} check={saved.get(row.urn) ?? checked.get(row.urn)} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : planner.data ? (
          <p>No schools match. Try fewer words or other filters.</p>
        ) : null}
        <div className="page-actions">
          <Button type="submit" className="button" isDisabled={changed.length === 0}>
            Save {changed.length} {changed.length === 1 ? 'date' : 'dates'}
          </Button>
        </div>
      </FormShell>
    </Page>
  );
}

interface GridRowProps {
  row: PlannerRow;
  year: string;
  term: TermName;
  draft: Draft;
  changed: boolean;
  idFor: (urn: string, field: string) => string;
  onEdit: (patch: Partial<Draft>) => void;
  check: PlanManyRowResult | undefined;
}

function GridRow({ row, year, term, draft, changed, idFor, onEdit, check }: GridRowProps) {
  const visit = row.visits[term];
  const visitPath = `/visits/${row.urn}/${year}/${term}`;
  const typed = isoOf(draft.date);
  const moving = Boolean(visit?.date && visit.status !== 'to_be_agreed' && typed !== null && typed !== visit.date);
  const problems = changed ? (check?.problems ?? []) : [];
  return (
    <tr className={changed ? 'grid-row-changed' : undefined}>
      <th scope="row">
        <Link to={visitPath}>{row.name}</Link>
        <span className="grid-urn"> {row.urn}</span>
      </th>
      <td>{row.spoc?.name ?? '–'}</td>
      <td>
        {visit ? `${visit.date ? formatDate(visit.date) : 'No date'}, ${VISIT_STATUS_LABELS[visit.status].toLowerCase()}` : 'Not planned'}
      </td>
      {settled(row, term) ? (
        <td colSpan={2}>Change it on the visit’s own page.</td>
      ) : (
        <>
          <td>
            <TextField className="grid-field" validationBehavior="aria" value={draft.date} onChange={(date) => onEdit({ date })} isInvalid={typed === null || problems.some((p) => p.field === 'date' || p.field === 'urn')} aria-label={`${TERM_LABELS[term]} visit date for ${row.name}`}>
              <Input id={idFor(row.urn, 'date')} className="grid-input" autoComplete="off" />
            </TextField>
            {typed === null ? <p className="error-message">{dateProblem(draft.date)}</p> : null}
            {moving ? (
              <TextField className="grid-field" validationBehavior="aria" value={draft.movedReason} onChange={(movedReason) => onEdit({ movedReason })} isInvalid={problems.some((p) => p.field === 'movedReason')} aria-label={`Why the visit to ${row.name} moved`}>
                <Input id={idFor(row.urn, 'movedReason')} className="grid-input" placeholder="Why it moved" autoComplete="off" />
              </TextField>
            ) : null}
          </td>
          <td>
            <Checkbox id={idFor(row.urn, 'agreed')} className="checkbox" isSelected={draft.agreed} onChange={(agreed) => onEdit({ agreed })} aria-label={`Agreed with ${row.name}`}>
              <span className="checkbox-box" aria-hidden="true" />
              <span aria-hidden="true">Agreed</span>
            </Checkbox>
          </td>
        </>
      )}
      <td aria-live="polite">
        {problems.map((p) => (
          <p key={p.message} className="error-message">{p.message}</p>
        ))}
        {changed && check && check.outcome !== 'refused' ? (
          check.warnings.length ? (
            <ul className="grid-warnings">{check.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          ) : (
            <span className="tag tag-info">{check.outcome === 'unchanged' ? 'No change' : 'No warnings'}</span>
          )
        ) : null}
      </td>
    </tr>
  );
}
