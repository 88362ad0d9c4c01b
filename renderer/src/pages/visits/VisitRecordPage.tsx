import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { TERM_LABELS, type TermName } from '../../../../shared/domain/calendar.ts';
import {
  CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DECISION_LABELS, DECISIONS, VisitRecordInput, YEAR_GROUPS, childReferenceWarnings, type VisitRecord,
} from '../../../../shared/domain/records.ts';
import { PERSISTENT_ABSENCE_PERCENT, SEVERE_ABSENCE_PERCENT } from '../../../../shared/domain/attendance.ts';
import { invoke } from '../../api.ts';
import { DocumentsTable } from '../documents/DocumentsTable.tsx';
import { MeetingRecordButton } from '../documents/MeetingRecordButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useForm } from '../../components/useForm.ts';

type Decision = (typeof DECISIONS)[number];
interface ChildRow {
  initials: string;
  yearGroup: (typeof YEAR_GROUPS)[number];
  caseId: string;
  category: (typeof CHILD_CATEGORIES)[number];
  statutoryIntervention: Decision;
  earlyHelpReferral: Decision;
  action: string;
  who: string;
  byWhen: string;
  attendancePercent: string;
}
const newChild = (): ChildRow => ({ initials: '', yearGroup: '7', caseId: '', category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'no', action: '', who: '', byWhen: '', attendancePercent: '' });
/** Empty is "not given"; anything else goes to the schema as a number, which names what is wrong with it. */
const attendanceOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(/%$/, '')));
const decisionOptions = DECISIONS.map((d) => ({ id: d, label: DECISION_LABELS[d] }));

export function VisitRecordPage() {
  const { urn = '', year = '', term = 'autumn' } = useParams();
  const visits = useQuery({ queryKey: ['visits.forSchool', urn], queryFn: () => invoke('visits.forSchool', { urn }) });
  const visit = visits.data?.find((v) => v.yearLabel === year && v.term === term);
  const record = useQuery({ queryKey: ['records.visitGet', visit?.id], queryFn: () => invoke('records.visitGet', { visitId: visit?.id ?? '' }), enabled: Boolean(visit) });
  if (visits.data && !visit) return <Page title="Visit record" lead="This visit is not planned." />;
  if (!visit || record.isPending) return <Page title="Visit record" lead="Loading…" />;
  return <VisitRecordForm urn={urn} year={year} term={term} visitId={visit.id} initial={record.data ?? null} />;
}

function VisitRecordForm({ urn, year, term, visitId, initial }: { urn: string; year: string; term: string; visitId: string; initial: VisitRecord | null }) {
  const queryClient = useQueryClient();
  const visit = { id: visitId };
  const school = useQuery({ queryKey: ['schools.get', urn], queryFn: () => invoke('schools.get', { urn }) });
  const category = school.data?.school.category;
  const form = useForm({
    schoolAttendees: initial?.schoolAttendees ?? '', teamAttendees: initial?.teamAttendees ?? '', exclusionThresholdDays: initial ? String(initial.exclusionThresholdDays) : '',
    managedMovesInternal: String(initial?.managedMovesInternal ?? 0), managedMovesExternal: String(initial?.managedMovesExternal ?? 0),
    managedMovesAgreed: initial?.managedMovesAgreed ?? '', alternativeProvision: initial?.alternativeProvision ?? '', unnotifiedExclusions: initial?.unnotifiedExclusions ?? '', otherIssues: initial?.otherIssues ?? '',
  });
  const [children, setChildren] = useState<ChildRow[]>(
    (initial?.children ?? []).map((c) => ({
      initials: c.child.initials, yearGroup: c.child.yearGroup, caseId: c.child.caseId ?? '', category: c.category, statutoryIntervention: c.statutoryIntervention,
      earlyHelpReferral: c.earlyHelpReferral, action: c.action ?? '', who: c.who ?? '', byWhen: c.byWhen ?? '',
      attendancePercent: c.attendancePercent === null || c.attendancePercent === undefined ? '' : String(c.attendancePercent),
    })),
  );
  const [saved, setSaved] = useState<string[] | null>(null);
  const threshold = form.valueOr('exclusionThresholdDays', initial ? String(initial.exclusionThresholdDays) : category === 'secondary' ? '10' : category === 'primary' ? '5' : '');
  const setChild = (i: number, patch: Partial<ChildRow>) => setChildren((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async () => {
    setSaved(null);
    const input = {
      visitId: visit.id,
      ...form.values,
      exclusionThresholdDays: /^\d+$/.test(threshold) ? Number(threshold) : Number.NaN,
      managedMovesInternal: Number(form.values.managedMovesInternal),
      managedMovesExternal: Number(form.values.managedMovesExternal),
      children: children.map((c) => ({ child: { initials: c.initials, yearGroup: c.yearGroup, caseId: c.caseId }, category: c.category, attendancePercent: attendanceOf(c.attendancePercent), statutoryIntervention: c.statutoryIntervention, earlyHelpReferral: c.earlyHelpReferral, action: c.action, who: c.who, byWhen: c.byWhen })),
    };
    if (!/^\d+$/.test(threshold)) return form.addIssues([{ path: 'exclusionThresholdDays', message: 'Give the suspension threshold in school days (5 for primary, 10 for secondary)' }]);
    if (!form.validate(VisitRecordInput, input)) return;
    try {
      const result = await invoke('records.visitWrite', input);
      setSaved(result.warnings);
      await queryClient.invalidateQueries({ predicate: (q) => /^(visits|dashboard|records)/.test(String(q.queryKey[0])) });
    } catch (error) {
      form.fail(error);
    }
  };

  const title = `Record of the ${TERM_LABELS[term as TermName] ?? ''} ${year} visit${school.data ? ` to ${school.data.school.name}` : ''}`;
  const nameWarnings = childReferenceWarnings(children);
  return (
    <Page title={title}>
      <p>
        <Link to={`/visits/${urn}/${year}/${term}`}>Back to the visit</Link>
      </p>
      {saved ? (
        <Notice kind={saved.length ? 'warning' : 'success'} title={saved.length ? 'Record saved: check these points' : 'Record saved'}>
          {saved.length ? <ul>{saved.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={submit} className="form card">
        <TextBlock id={form.idOf('schoolAttendees')} label="Attendees from the school" value={form.values.schoolAttendees} onChange={(v) => form.set('schoolAttendees', v)} />
        <TextBlock id={form.idOf('teamAttendees')} label="Attendees from the team" value={form.values.teamAttendees} onChange={(v) => form.set('teamAttendees', v)} />
        <Field id={form.idOf('exclusionThresholdDays')} label="Suspension threshold (school days)" hint="Suspensions in the last three terms: 5 for primary, 10 for secondary; ask an all-through school" value={threshold} onChange={(v) => form.set('exclusionThresholdDays', v)} error={form.errorFor('exclusionThresholdDays')} width="short" />
        <fieldset className="fieldset">
          <legend>Children reviewed (by reference only)</legend>
          {children.map((c, i) => (
            <div key={i} className="child-row card">
              <p className="finding-title">Child {i + 1}</p>
              <Field id={form.idOf(`children.${i}.child.initials`)} label="Initials" hint="For example JB: never a name" value={c.initials} onChange={(v) => setChild(i, { initials: v })} error={form.errorFor(`children.${i}.child.initials`)} width="short" />
              <Select label="Year group" value={c.yearGroup} onChange={(v) => setChild(i, { yearGroup: v })} options={YEAR_GROUPS.map((y) => ({ id: y, label: y === 'N' ? 'Nursery' : y === 'R' ? 'Reception' : `Year ${y}` }))} />
              <Field id={form.idOf(`children.${i}.child.caseId`)} label="Case-system ID (optional)" value={c.caseId} onChange={(v) => setChild(i, { caseId: v })} width="short" />
              <Select label="Reviewed because" value={c.category} onChange={(v) => setChild(i, { category: v })} options={CHILD_CATEGORIES.map((k) => ({ id: k, label: CHILD_CATEGORY_LABELS[k] }))} />
              <Field
                id={form.idOf(`children.${i}.attendancePercent`)}
                label="Attendance (%) (optional)"
                hint={`As the school gives it, such as 87.5. Missing ${PERSISTENT_ABSENCE_PERCENT}% or more of possible sessions (attendance ${100 - PERSISTENT_ABSENCE_PERCENT}% or less) is persistent absence; ${SEVERE_ABSENCE_PERCENT}% or more is severe absence.`}
                value={c.attendancePercent}
                onChange={(v) => setChild(i, { attendancePercent: v })}
                error={form.errorFor(`children.${i}.attendancePercent`)}
                width="short"
              />
              <Select label="Meets the threshold for statutory education intervention" value={c.statutoryIntervention} onChange={(v) => setChild(i, { statutoryIntervention: v })} options={decisionOptions} />
              <Select label="Meets the threshold for a referral to Family Early Help" value={c.earlyHelpReferral} onChange={(v) => setChild(i, { earlyHelpReferral: v })} options={decisionOptions} />
              <Field id={form.idOf(`children.${i}.action`)} label="Action" value={c.action} onChange={(v) => setChild(i, { action: v })} />
              <Field id={form.idOf(`children.${i}.who`)} label="Who" value={c.who} onChange={(v) => setChild(i, { who: v })} width="half" />
              <DateField id={form.idOf(`children.${i}.byWhen`)} label="By when" messageLabel={`Child ${i + 1}, by when`} hint="For example 3/12/2026 (optional)" value={c.byWhen} onChange={(v) => setChild(i, { byWhen: v })} onProblem={form.problemOf(`children.${i}.byWhen`)} error={form.errorFor(`children.${i}.byWhen`)} />
              <Button className="button button-secondary" onPress={() => setChildren((list) => list.filter((_, j) => j !== i))}>
                Remove child {i + 1}
              </Button>
            </div>
          ))}
          {nameWarnings.length ? (
            <div className="finding-group finding-warning" role="status">
              <ul>{nameWarnings.map((w) => <li key={w}>{w}</li>)}</ul>
            </div>
          ) : null}
          <Button className="button button-secondary" onPress={() => setChildren((list) => [...list, newChild()])}>
            Add a child
          </Button>
        </fieldset>
        <Field id={form.idOf('managedMovesInternal')} label="Managed moves requested internally" value={form.values.managedMovesInternal} onChange={(v) => form.set('managedMovesInternal', v)} error={form.errorFor('managedMovesInternal')} width="short" />
        <Field id={form.idOf('managedMovesExternal')} label="Managed moves requested externally" value={form.values.managedMovesExternal} onChange={(v) => form.set('managedMovesExternal', v)} error={form.errorFor('managedMovesExternal')} width="short" />
        <TextBlock id={form.idOf('managedMovesAgreed')} label="Managed moves agreed and facilitated" value={form.values.managedMovesAgreed} onChange={(v) => form.set('managedMovesAgreed', v)} />
        <TextBlock id={form.idOf('alternativeProvision')} label="Children on roll placed in alternative provision" value={form.values.alternativeProvision} onChange={(v) => form.set('alternativeProvision', v)} />
        <TextBlock id={form.idOf('unnotifiedExclusions')} label="Suspensions and exclusions not already notified" value={form.values.unnotifiedExclusions} onChange={(v) => form.set('unnotifiedExclusions', v)} />
        <TextBlock id={form.idOf('otherIssues')} label="Other issues" value={form.values.otherIssues} onChange={(v) => form.set('otherIssues', v)} />
        <Button type="submit" className="button">
          Save the record
        </Button>
      </FormShell>
      {initial || saved ? (
        <section aria-labelledby="word-heading" className="card">
          <h2 id="word-heading">Word meeting record</h2>
          <p>Makes the record as a Word document in the school’s folder, from the saved record and the team’s template.</p>
          <MeetingRecordButton kind="visit" id={visitId} />
          <DocumentsTable sourceId={visitId} caption="Word records of this visit, newest first" />
        </section>
      ) : null}
    </Page>
  );
}
