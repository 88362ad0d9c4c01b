import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import {
  ATTENDEE_ROLE_LABELS, ATTENDEE_ROLES, ConsultationInput, KEY_AREA_LABELS, KEY_AREAS, UpdateConsultationInput, type Consultation,
} from '../../../../shared/domain/records.ts';
import { invoke } from '../../api.ts';
import { childRefsText, parseChildRefs } from '../../components/childRefs.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { SchoolPicker } from '../../components/SchoolPicker.tsx';
import { Select } from '../../components/Select.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useForm } from '../../components/useForm.ts';
import { confirmationsInUse, NameFindings, useForenames } from '../../components/NameFindings.tsx';
import { consultationFindings } from '../../../../shared/domain/child-names.ts';
import { formatDate, todayLocal } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

type Role = (typeof ATTENDEE_ROLES)[number];
const emptyNotes = () => Object.fromEntries(KEY_AREAS.map((a) => [a, ''])) as Record<(typeof KEY_AREAS)[number], string>;

const blankForm = () => ({ urn: '', date: todayLocal(), requestedBy: '', actions: '', notesSharedOn: '', childInitials: '' });

export function ConsultationsPage() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['consultations.list'], queryFn: () => invoke('consultations.list', {}) });
  const withoutNurse = useQuery({ queryKey: ['consultations.withoutNurse'], queryFn: () => invoke('consultations.withoutNurse', {}) });
  const form = useForm(blankForm());
  const [attendees, setAttendees] = useState<{ name: string; role: Role }[]>([{ name: '', role: 'dsl' }]);
  const [notes, setNotes] = useState(emptyNotes());
  const [saved, setSaved] = useState<{ warnings: string[]; updated: boolean } | null>(null);
  /** The saved consultation being updated; null while recording a new one. */
  const [editing, setEditing] = useState<Consultation | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const children = parseChildRefs(form.values.childInitials);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const forenames = useForenames();
  const findings = consultationFindings({ requestedBy: form.values.requestedBy, attendees, notes, children, actions: form.values.actions }, forenames ?? new Set(), KEY_AREA_LABELS);
  // The children are typed in one field, so a finding in any of them points to it.
  const findingId = (field: string) => form.idOf(field.startsWith('children.') ? 'childInitials' : field);

  const startAgain = () => {
    setEditing(null);
    setNotes(emptyNotes());
    setAttendees([{ name: '', role: 'dsl' }]);
    setConfirmed([]);
    form.setValues({ ...blankForm(), date: form.values.date });
  };
  const edit = (c: Consultation) => {
    setSaved(null);
    setEditing(c);
    setNotes({ ...c.notes });
    setAttendees(c.attendees.map((a) => ({ ...a })));
    setConfirmed(c.confirmedNotNames);
    form.setValues({ urn: c.urn, date: c.date, requestedBy: c.requestedBy, actions: c.actions, notesSharedOn: c.notesSharedOn ?? '', childInitials: childRefsText(c.children) });
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  };

  const submit = async () => {
    setSaved(null);
    const input = { urn: form.values.urn, date: form.values.date, requestedBy: form.values.requestedBy, attendees, notes, children, actions: form.values.actions, notesSharedOn: form.values.notesSharedOn, confirmedNotNames: forenames ? confirmationsInUse(findings, confirmed) : confirmed };
    if (!form.validate(editing ? UpdateConsultationInput : ConsultationInput, editing ? { ...input, id: editing.id } : input)) return;
    try {
      const result = editing ? await invoke('consultations.update', { ...input, id: editing.id }) : await invoke('consultations.record', input);
      setSaved({ warnings: result.warnings, updated: Boolean(editing) });
      startAgain();
      await queryClient.invalidateQueries({ predicate: (q) => /^(consultations|dashboard|documents)/.test(String(q.queryKey[0])) });
    } catch (error) {
      form.fail(error);
    }
  };
  const savedTitle = saved ? `Consultation ${saved.updated ? 'updated' : 'recorded'}${saved.warnings.length ? ': check the child references' : ''}` : '';

  return (
    <Page title="Consultations" lead="Early Help Consultations, requested by schools at any time. Once a term each school's consultation includes the 5-19 school nurse team.">
      {withoutNurse.data?.term ? (
        <section aria-labelledby="nurse-heading" className="card card-overdue">
          <h2 id="nurse-heading">No consultation with the school nurse team this term ({withoutNurse.data.schools.length})</h2>
          <p className="muted">{withoutNurse.data.term}</p>
          <details>
            <summary>Show the schools</summary>
            <ul>{withoutNurse.data.schools.map((s) => <li key={s.urn}><Link to={`/schools/${s.urn}`}>{s.name}</Link></li>)}</ul>
          </details>
        </section>
      ) : null}
      <section aria-labelledby="record-heading" className="card">
        <h2 id="record-heading" ref={heading} tabIndex={-1}>
          {editing ? `Update the consultation at ${editing.schoolName} on ${formatDate(editing.date)}` : 'Record a consultation'}
        </h2>
        {saved ? (
          <Notice kind={saved.warnings.length ? 'warning' : 'success'} title={savedTitle}>
            {saved.warnings.length ? <ul>{saved.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
          </Notice>
        ) : null}
        <FormShell form={form} onSubmit={submit}>
          {editing ? (
            <p>
              School: <strong>{editing.schoolName}</strong> (a consultation stays with its school)
            </p>
          ) : (
            <SchoolPicker key={saved ? 'saved' : 'new'} id={form.idOf('urn')} value={form.values.urn} onChange={(urn) => form.set('urn', urn)} error={form.errorFor('urn')} />
          )}
          <DateField {...form.field('date')} label="Date" />
          <Field id={form.idOf('requestedBy')} label="Requested by" value={form.values.requestedBy} onChange={(v) => form.set('requestedBy', v)} error={form.errorFor('requestedBy')} />
          <fieldset className="fieldset">
            <legend>Attendees</legend>
            {attendees.map((a, i) => (
              <div key={i} className="date-row">
                <Field id={form.idOf(`attendees.${i}.name`)} label={`Attendee ${i + 1}`} value={a.name} onChange={(v) => setAttendees((l) => l.map((x, j) => (j === i ? { ...x, name: v } : x)))} error={form.errorFor(`attendees.${i}.name`)} width="half" />
                <Select label={`Role of attendee ${i + 1}`} value={a.role} onChange={(v) => setAttendees((l) => l.map((x, j) => (j === i ? { ...x, role: v } : x)))} options={ATTENDEE_ROLES.map((r) => ({ id: r, label: ATTENDEE_ROLE_LABELS[r] }))} />
              </div>
            ))}
            <Button className="button button-secondary" onPress={() => setAttendees((l) => [...l, { name: '', role: 'other' }])}>
              Add an attendee
            </Button>
          </fieldset>
          {KEY_AREAS.map((area) => (
            <TextBlock key={area} id={form.idOf(`notes.${area}`)} label={`${KEY_AREA_LABELS[area]} (optional)`} value={notes[area]} onChange={(v) => setNotes((n) => ({ ...n, [area]: v }))} />
          ))}
          <Field id={form.idOf('childInitials')} label="Children discussed (optional)" hint="Initials and year group, separated by commas: JB Y4, KT Y6" value={form.values.childInitials} onChange={(v) => form.set('childInitials', v)} error={form.errorFor('children')} />
          <TextBlock id={form.idOf('actions')} label="Actions (optional)" hint="One action a line: what, who and by when. Each line goes on the action list, due two weeks after the consultation." value={form.values.actions} onChange={(v) => form.set('actions', v)} />
          <DateField {...form.field('notesSharedOn')} label="Notes shared with the attendees, head and DSL on (optional)" />
          <NameFindings findings={findings} confirmed={confirmed} onConfirmedChange={setConfirmed} idOf={findingId} />
          <div className="actions">
            <Button type="submit" className="button">
              {editing ? 'Save the changes' : 'Record consultation'}
            </Button>
            {editing ? (
              <Button className="button button-secondary" onPress={startAgain}>
                Cancel the update
              </Button>
            ) : null}
          </div>
        </FormShell>
      </section>
      <section aria-labelledby="list-heading" className="card">
        <h2 id="list-heading">Consultations</h2>
        {list.data && list.data.length > 0 ? (
          <TableScroll>
          <table className="table">
            <caption className="visually-hidden">Consultations, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">School</th>
                <th scope="col">Attendees</th>
                <th scope="col">Notes shared</th>
                <th scope="col">
                  <span className="visually-hidden">Update</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.date)}</td>
                  <td>{c.schoolName}</td>
                  <td>
                    {c.attendees.map((a) => `${a.name} (${ATTENDEE_ROLE_LABELS[a.role]})`).join(', ')}
                    {c.withSchoolNurse ? <span className="tag tag-info">School nurse</span> : null}
                  </td>
                  <td>{c.notesSharedOn ? formatDate(c.notesSharedOn) : 'Not yet'}</td>
                  <td>
                    <Button className="button button-secondary" aria-label={`Update the consultation at ${c.schoolName} on ${formatDate(c.date)}`} onPress={() => edit(c)}>
                      Update
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ) : (
          <p>No consultations recorded yet.</p>
        )}
      </section>
    </Page>
  );
}
