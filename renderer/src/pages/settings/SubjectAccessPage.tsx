import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { Link } from 'react-router';
import { yearGroupLabel, YEAR_GROUPS, type YearGroup } from '../../../../shared/domain/records.ts';
import { SUBJECT_RECORD_LABELS, SubjectAccessQuery, type SubjectAccessMatch } from '../../../../shared/domain/subject-access.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Page } from '../../components/Page.tsx';
import { SchoolPicker } from '../../components/SchoolPicker.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, plural } from '../../format.ts';
import { SubjectAccessBundleSection } from './SubjectAccessBundle.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

type SearchBy = 'caseId' | 'initials';

/** No year group chosen yet: the list starts there, and the schema names what is missing. */
const NO_YEAR = 'none';
const YEAR_CHOICES: { id: YearGroup | typeof NO_YEAR; label: string }[] = [{ id: NO_YEAR, label: 'Choose the year group' }, ...YEAR_GROUPS.map((y) => ({ id: y, label: yearGroupLabel(y) }))];

interface Searched {
  query: SubjectAccessQuery;
  /** What was searched for, in words, for the results' heading. */
  said: string;
  matches: SubjectAccessMatch[];
}

/** The query the form says, with only the fields of the way chosen (the schema refuses both at once). */
function queryOf(v: { by: SearchBy; caseId: string; initials: string; yearGroup: string; urn: string }): Record<string, string> {
  if (v.by === 'caseId') return { caseId: v.caseId };
  return { initials: v.initials, ...(v.yearGroup !== NO_YEAR ? { yearGroup: v.yearGroup } : {}), ...(v.urn ? { urn: v.urn } : {}) };
}

/** The search in words; a school narrowing it is named from what was found there (its URN when nothing was). */
function saidOf(q: SubjectAccessQuery, matches: SubjectAccessMatch[]): string {
  if (q.caseId) return `case ID ${q.caseId}`;
  const school = q.urn ? ` at ${matches[0]?.school ?? `the school ${q.urn}`}` : '';
  return `${(q.initials ?? '').toUpperCase()} in ${yearGroupLabel(q.yearGroup ?? 'R')}${school}`;
}

/**
 * A subject access request (docs/data-protection.md): find every record naming one child, by the
 * case-system ID or by initials with the year group, and save what is held as a Word bundle with
 * other children's references redacted. Each search is audited by the main process.
 */
export function SubjectAccessPage() {
  const form = useForm({ by: 'caseId' as SearchBy, caseId: '', initials: '', yearGroup: NO_YEAR as string, urn: '' });
  const [searched, setSearched] = useState<Searched | null>(null);
  const [busy, setBusy] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Focus follows the search to what it found, so a screen reader hears the count.
    if (searched) resultsHeading.current?.focus({ preventScroll: false });
  }, [searched]);

  const search = async () => {
    // The field the way chosen needs, named in words before the schema's rule of one way or the other.
    const missing = form.values.by === 'caseId' ? (form.values.caseId.trim() ? null : { path: 'caseId', message: 'Enter the case-system ID' })
      : form.values.initials.trim() ? null : { path: 'initials', message: 'Enter the child’s initials' };
    if (missing) return form.addIssues([missing]);
    const query = form.validate(SubjectAccessQuery, queryOf(form.values));
    if (!query) return;
    setBusy(true);
    try {
      const matches = await invoke('subjectAccess.search', query);
      setSearched({ query, said: saidOf(query, matches), matches });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title="Subject access request"
      lead="Find everything LinkDesk holds about one child, and save it as a Word bundle for the person who asked. Other children’s references are redacted."
    >
      <p>
        <Link to="/settings?section=retention">Back to Settings</Link>
      </p>
      <section aria-labelledby="sar-search-heading" className="card">
        <h2 id="sar-search-heading">Find the child’s records</h2>
        <p>
          Every search is recorded in the audit log under your name, with how it searched and how many records it found, never the child’s reference. Year groups move up each
          September: to find older records by initials, search again with the year group the child was in then.
        </p>
        <FormShell form={form} onSubmit={search}>
          <RadioGroup className="field radio-group" value={form.values.by} onChange={(v) => form.set('by', v as SearchBy)} id={form.idOf('by')}>
            <Label>Search by</Label>
            <Radio value="caseId" className="radio">
              <span className="radio-circle" aria-hidden="true" />
              The case-system ID
            </Radio>
            <Radio value="initials" className="radio">
              <span className="radio-circle" aria-hidden="true" />
              Initials and year group
            </Radio>
          </RadioGroup>
          {form.values.by === 'caseId' ? (
            <Field {...form.field('caseId')} label="Case-system ID" hint="As the case system writes it, such as EH-20417" width="half" />
          ) : (
            <>
              <Field {...form.field('initials')} label="Initials" hint="Such as JB" width="short" />
              <Select id={form.idOf('yearGroup')} label="Year group" value={form.values.yearGroup} options={YEAR_CHOICES} onChange={(v) => form.set('yearGroup', v)} error={form.errorFor('yearGroup')} />
              <SchoolPicker
                id={form.idOf('urn')}
                label="School (optional)"
                value={form.values.urn}
                error={form.errorFor('urn')}
                onChange={(urn) => form.set('urn', urn)}
              />
            </>
          )}
          <Button type="submit" className="button" isDisabled={busy}>
            Search
          </Button>
        </FormShell>
      </section>
      {searched ? (
        <section aria-labelledby="sar-results-heading" className="card">
          <h2 id="sar-results-heading" ref={resultsHeading} tabIndex={-1}>
            {plural(searched.matches.length, 'record names', 'records name')} {searched.said}
          </h2>
          {searched.matches.length === 0 ? (
            <p>Nothing LinkDesk holds names this child. Check the reference with the person who asked; the bundle below then records that nothing was found.</p>
          ) : (
            <MatchesTable matches={searched.matches} said={searched.said} />
          )}
          <SubjectAccessBundleSection key={JSON.stringify(searched.query)} query={searched.query} records={searched.matches.length} />
        </section>
      ) : null}
    </Page>
  );
}

function MatchesTable({ matches, said }: { matches: SubjectAccessMatch[]; said: string }) {
  return (
    <TableScroll>
    <table className="table">
      <caption className="visually-hidden">Records naming {said}</caption>
      <thead>
        <tr>
          <th scope="col">Record</th>
          <th scope="col">Date</th>
          <th scope="col">School</th>
          <th scope="col">Open</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr key={`${m.kind}:${m.id}`}>
            <th scope="row">{SUBJECT_RECORD_LABELS[m.kind]}</th>
            <td>{formatDate(m.date)}</td>
            <td>{m.school}</td>
            <td>
              {m.link ? (
                <Link to={m.link} aria-label={`Open: ${SUBJECT_RECORD_LABELS[m.kind]}, ${formatDate(m.date)}`}>
                  Open
                </Link>
              ) : (
                // A consultation or a contact has no page of its own: the school's story lists it.
                <Link to={`/schools/${m.urn}`} aria-label={`On the school’s page: ${SUBJECT_RECORD_LABELS[m.kind]}, ${formatDate(m.date)}, ${m.school}`}>
                  On the school’s page
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
