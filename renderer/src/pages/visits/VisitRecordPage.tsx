import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { TERM_LABELS, type TermName } from '../../../../shared/domain/calendar.ts';
import {
  VisitRecordInput, plannedNextVisit, teamAttendeesOf, versionLabel, whoChoices, yearGroupsFor, type SchoolLinks, type VisitRecord, type YearGroup,
} from '../../../../shared/domain/records.ts';
import type { Visit } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { DocumentsTable } from '../documents/DocumentsTable.tsx';
import { MeetingRecordButton } from '../documents/MeetingRecordButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useForm } from '../../components/useForm.ts';
import { confirmationsInUse, NameFindings, useForenames } from '../../components/NameFindings.tsx';
import { visitRecordFindings } from '../../../../shared/domain/child-names.ts';
import { formatDate, todayLocal } from '../../format.ts';
import { ChildReviewFields, whoChoiceOf, whoOf, WHO_NONE, type ChildRow } from './ChildReviewFields.tsx';
import { RecordVersions } from './RecordVersions.tsx';

/** Empty is "not given"; anything else goes to the schema as a number, which names what is wrong with it. */
const attendanceOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(/%$/, '')));

/** What the form offers before anyone types: the school's year groups, the people who can take an action, its link workers. */
interface Setting {
  category: string;
  yearGroups: YearGroup[];
  whoChoices: string[];
  links: SchoolLinks;
  plannedNext: string | null;
}

export function VisitRecordPage() {
  const { urn = '', year = '', term = 'autumn' } = useParams();
  const visits = useQuery({ queryKey: ['visits.forSchool', urn], queryFn: () => invoke('visits.forSchool', { urn }) });
  const visit = visits.data?.find((v) => v.yearLabel === year && v.term === term);
  const record = useQuery({ queryKey: ['records.visitGet', visit?.id], queryFn: () => invoke('records.visitGet', { visitId: visit?.id ?? '' }), enabled: Boolean(visit) });
  const school = useQuery({ queryKey: ['schools.get', urn], queryFn: () => invoke('schools.get', { urn }) });
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const onDate = visit?.heldOn ?? visit?.date ?? todayLocal();
  const links = useQuery({ queryKey: ['allocations.onDate', urn, onDate], queryFn: () => invoke('allocations.onDate', { urn, date: onDate }), enabled: Boolean(visit) });
  if (visits.data && !visit) return <Page title="Visit record" lead="This visit is not planned." />;
  if (!visit || record.isPending || !school.data || !people.data || !links.data) return <Page title="Visit record" lead="Loading…" />;
  const nameOf = (role: 'named' | 'secondary') => links.data.find((p) => p.role === role)?.personName ?? null;
  const schoolLinks = { spoc: nameOf('named'), secondary: nameOf('secondary') };
  const setting: Setting = {
    category: school.data.school.category,
    yearGroups: yearGroupsFor(school.data.school),
    whoChoices: whoChoices({ ...schoolLinks, dslName: school.data.school.dslName, headTeacher: school.data.school.headTeacher, workers: people.data.filter((p) => p.active).map((p) => p.name) }),
    links: schoolLinks,
    plannedNext: plannedNextVisit(visits.data ?? [], visit),
  };
  return <VisitRecordForm urn={urn} schoolName={school.data.school.name} visit={visit} initial={record.data ?? null} setting={setting} />;
}

function rowsOf(record: VisitRecord | null, choices: readonly string[]): ChildRow[] {
  return (record?.children ?? []).map((c) => ({
    initials: c.child.initials, yearGroup: c.child.yearGroup, caseId: c.child.caseId ?? '', category: c.category, statutoryIntervention: c.statutoryIntervention,
    earlyHelpReferral: c.earlyHelpReferral, action: c.action ?? '', ...whoChoiceOf(c.who, choices), byWhen: c.byWhen ?? '',
    attendancePercent: c.attendancePercent === null || c.attendancePercent === undefined ? '' : String(c.attendancePercent),
  }));
}

function VisitRecordForm({ urn, schoolName, visit, initial, setting }: { urn: string; schoolName: string; visit: Visit; initial: VisitRecord | null; setting: Setting }) {
  const queryClient = useQueryClient();
  const form = useForm({
    schoolAttendees: initial?.schoolAttendees ?? '', teamAttendees: initial?.teamAttendees ?? teamAttendeesOf(setting.links), exclusionThresholdDays: initial ? String(initial.exclusionThresholdDays) : '',
    managedMovesInternal: String(initial?.managedMovesInternal ?? 0), managedMovesExternal: String(initial?.managedMovesExternal ?? 0),
    managedMovesAgreed: initial?.managedMovesAgreed ?? '', alternativeProvision: initial?.alternativeProvision ?? '', unnotifiedExclusions: initial?.unnotifiedExclusions ?? '', otherIssues: initial?.otherIssues ?? '',
    nextVisitOn: initial ? (initial.nextVisitOn ?? '') : (setting.plannedNext ?? ''),
  });
  const [children, setChildren] = useState<ChildRow[]>(() => rowsOf(initial, setting.whoChoices));
  const [saved, setSaved] = useState<string[] | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>(() => initial?.confirmedNotNames ?? []);
  const forenames = useForenames();
  const threshold = form.valueOr('exclusionThresholdDays', initial ? String(initial.exclusionThresholdDays) : setting.category === 'secondary' ? '10' : setting.category === 'primary' ? '5' : '');
  const setChild = (i: number, patch: Partial<ChildRow>) => setChildren((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const newChild = (): ChildRow => ({
    initials: '', yearGroup: setting.yearGroups[0] ?? 'R', caseId: '', category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'no', action: '', whoChoice: WHO_NONE, whoOther: '', byWhen: '', attendancePercent: '',
  });

  const childReviews = children.map((c) => ({ child: { initials: c.initials, yearGroup: c.yearGroup, caseId: c.caseId }, category: c.category, attendancePercent: attendanceOf(c.attendancePercent), statutoryIntervention: c.statutoryIntervention, earlyHelpReferral: c.earlyHelpReferral, action: c.action, who: whoOf(c), byWhen: c.byWhen }));
  const findings = visitRecordFindings({ ...form.values, children: childReviews }, forenames ?? new Set());

  const submit = async () => {
    setSaved(null);
    const input = {
      visitId: visit.id,
      ...form.values,
      confirmedNotNames: forenames ? confirmationsInUse(findings, confirmed) : confirmed,
      exclusionThresholdDays: /^\d+$/.test(threshold) ? Number(threshold) : Number.NaN,
      managedMovesInternal: Number(form.values.managedMovesInternal),
      managedMovesExternal: Number(form.values.managedMovesExternal),
      children: childReviews,
    };
    if (!/^\d+$/.test(threshold)) return form.addIssues([{ path: 'exclusionThresholdDays', message: 'Give the suspension threshold in school days (5 for primary, 10 for secondary)' }]);
    if (!form.validate(VisitRecordInput, input)) return;
    try {
      const result = await invoke('records.visitWrite', input);
      await queryClient.invalidateQueries({ predicate: (q) => /^(visits|dashboard|records)/.test(String(q.queryKey[0])) });
      setSaved(result.warnings);
    } catch (error) {
      form.fail(error);
    }
  };

  const title = `Record of the ${TERM_LABELS[visit.term as TermName] ?? ''} ${visit.yearLabel} visit to ${schoolName}`;
  return (
    <Page title={title}>
      <p>
        <Link to={`/visits/${urn}/${visit.yearLabel}/${visit.term}`}>Back to the visit</Link>
      </p>
      <p>
        {initial ? `${versionLabel(initial)}, saved by ${initial.writtenBy}. Saving again keeps this version and makes a new one.` : 'Not written yet.'}
        {visit.heldByName ? ` Held by ${visit.heldByName}${visit.heldOn ? ` on ${formatDate(visit.heldOn)}` : ''}.` : ''}
        {visit.heldWithoutProForma ? ` Held without a pro forma: ${visit.heldWithoutProForma}.` : ''}
      </p>
      {saved ? (
        <Notice kind={saved.length ? 'warning' : 'success'} title={saved.length ? 'Record saved: check these points' : 'Record saved'}>
          {saved.length ? <ul>{saved.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={submit} className="form card">
        <TextBlock id={form.idOf('schoolAttendees')} label="Attendees from the school (optional)" value={form.values.schoolAttendees} onChange={(v) => form.set('schoolAttendees', v)} />
        <TextBlock id={form.idOf('teamAttendees')} label="Attendees from the team (optional)" value={form.values.teamAttendees} onChange={(v) => form.set('teamAttendees', v)} />
        <Field id={form.idOf('exclusionThresholdDays')} label="Suspension threshold (school days)" hint="Suspensions in the last three terms: 5 for primary, 10 for secondary; ask an all-through school" value={threshold} onChange={(v) => form.set('exclusionThresholdDays', v)} error={form.errorFor('exclusionThresholdDays')} width="short" />
        <fieldset className="fieldset">
          <legend>Children reviewed (by reference only)</legend>
          {children.map((c, i) => (
            <ChildReviewFields
              key={i}
              index={i}
              row={c}
              yearGroups={setting.yearGroups}
              whoChoices={setting.whoChoices}
              idOf={form.idOf}
              errorFor={form.errorFor}
              problemOf={form.problemOf}
              onChange={(patch) => setChild(i, patch)}
              onRemove={() => setChildren((list) => list.filter((_, j) => j !== i))}
            />
          ))}
          <Button className="button button-secondary" onPress={() => setChildren((list) => [...list, newChild()])}>
            Add a child
          </Button>
        </fieldset>
        <Field id={form.idOf('managedMovesInternal')} label="Managed moves requested internally" value={form.values.managedMovesInternal} onChange={(v) => form.set('managedMovesInternal', v)} error={form.errorFor('managedMovesInternal')} width="short" />
        <Field id={form.idOf('managedMovesExternal')} label="Managed moves requested externally" value={form.values.managedMovesExternal} onChange={(v) => form.set('managedMovesExternal', v)} error={form.errorFor('managedMovesExternal')} width="short" />
        <TextBlock id={form.idOf('managedMovesAgreed')} label="Managed moves agreed and facilitated (optional)" value={form.values.managedMovesAgreed} onChange={(v) => form.set('managedMovesAgreed', v)} />
        <TextBlock id={form.idOf('alternativeProvision')} label="Children on roll placed in alternative provision (optional)" value={form.values.alternativeProvision} onChange={(v) => form.set('alternativeProvision', v)} />
        <TextBlock id={form.idOf('unnotifiedExclusions')} label="Suspensions and exclusions not already notified (optional)" value={form.values.unnotifiedExclusions} onChange={(v) => form.set('unnotifiedExclusions', v)} />
        <TextBlock id={form.idOf('otherIssues')} label="Other issues (optional)" value={form.values.otherIssues} onChange={(v) => form.set('otherIssues', v)} />
        <DateField
          {...form.field('nextVisitOn')}
          label="Next visit (optional)"
          hint={setting.plannedNext ? `The next visit planned is on ${formatDate(setting.plannedNext)}. For example 3/12/2026.` : 'No next visit is planned yet: give the date if the meeting agreed one. For example 3/12/2026.'}
        />
        <NameFindings findings={findings} confirmed={confirmed} onConfirmedChange={setConfirmed} idOf={form.idOf} />
        <Button type="submit" className="button">
          {initial ? 'Save as a new version' : 'Save the record'}
        </Button>
      </FormShell>
      {initial ? <RecordVersions visitId={visit.id} /> : null}
      {initial ? (
        <section aria-labelledby="word-heading" className="card">
          <h2 id="word-heading">Word meeting record</h2>
          <p>Makes the record as a Word document in the school’s folder, from the newest version and the team’s template; the document names its version.</p>
          <MeetingRecordButton kind="visit" id={visit.id} />
          <DocumentsTable sourceId={visit.id} caption="Word records of this visit, newest first" />
        </section>
      ) : null}
    </Page>
  );
}
