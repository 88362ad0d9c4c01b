/** One child reviewed at a visit: the year groups the school teaches, and "who" chosen from the people around the school. */
import { Button } from 'react-aria-components';
import { CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DECISION_LABELS, DECISIONS, yearGroupChoices, yearGroupLabel, type YearGroup } from '../../../../shared/domain/records.ts';
import { PERSISTENT_ABSENCE_PERCENT, SEVERE_ABSENCE_PERCENT } from '../../../../shared/domain/attendance.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/Select.tsx';

type Decision = (typeof DECISIONS)[number];
export const WHO_NONE = 'who:none';
export const WHO_OTHER = 'who:other';

export interface ChildRow {
  initials: string;
  yearGroup: YearGroup;
  caseId: string;
  category: (typeof CHILD_CATEGORIES)[number];
  statutoryIntervention: Decision;
  earlyHelpReferral: Decision;
  action: string;
  /** A choice from the list, WHO_NONE, or WHO_OTHER with the name typed in whoOther. */
  whoChoice: string;
  whoOther: string;
  byWhen: string;
  attendancePercent: string;
}

/** The choice a saved "who" comes back as: one of the list, or someone else typed. */
export function whoChoiceOf(who: string | null, choices: readonly string[]): Pick<ChildRow, 'whoChoice' | 'whoOther'> {
  if (!who) return { whoChoice: WHO_NONE, whoOther: '' };
  return choices.includes(who) ? { whoChoice: who, whoOther: '' } : { whoChoice: WHO_OTHER, whoOther: who };
}

export function whoOf(row: ChildRow): string {
  return row.whoChoice === WHO_OTHER ? row.whoOther : row.whoChoice === WHO_NONE ? '' : row.whoChoice;
}

const decisionOptions = DECISIONS.map((d) => ({ id: d, label: DECISION_LABELS[d] }));

interface Props {
  index: number;
  row: ChildRow;
  yearGroups: readonly YearGroup[];
  whoChoices: readonly string[];
  idOf: (name: string) => string;
  errorFor: (name: string) => string | undefined;
  problemOf: (name: string) => (message: string | null, typed: string) => void;
  onChange: (patch: Partial<ChildRow>) => void;
  onRemove: () => void;
}

export function ChildReviewFields({ index: i, row: c, yearGroups, whoChoices, idOf, errorFor, problemOf, onChange, onRemove }: Props) {
  const whoOptions = [{ id: WHO_NONE, label: 'No one named yet' }, ...whoChoices.map((w) => ({ id: w, label: w })), { id: WHO_OTHER, label: 'Someone else (type their name or role)' }];
  return (
    <div className="child-row card">
      <p className="finding-title">Child {i + 1}</p>
      <Field id={idOf(`children.${i}.child.initials`)} label="Initials" hint="For example JB: never a name" value={c.initials} onChange={(v) => onChange({ initials: v })} error={errorFor(`children.${i}.child.initials`)} width="short" />
      <Select label="Year group" value={c.yearGroup} onChange={(v) => onChange({ yearGroup: v })} options={yearGroupChoices(yearGroups, c.yearGroup).map((y) => ({ id: y, label: yearGroupLabel(y) }))} />
      <Field id={idOf(`children.${i}.child.caseId`)} label="Case-system ID (optional)" value={c.caseId} onChange={(v) => onChange({ caseId: v })} width="short" />
      <Select label="Reviewed because" value={c.category} onChange={(v) => onChange({ category: v })} options={CHILD_CATEGORIES.map((k) => ({ id: k, label: CHILD_CATEGORY_LABELS[k] }))} />
      <Field
        id={idOf(`children.${i}.attendancePercent`)}
        label="Attendance (%) (optional)"
        hint={`As the school gives it, such as 87.5. Missing ${PERSISTENT_ABSENCE_PERCENT}% or more of possible sessions (attendance ${100 - PERSISTENT_ABSENCE_PERCENT}% or less) is persistent absence; ${SEVERE_ABSENCE_PERCENT}% or more is severe absence.`}
        value={c.attendancePercent}
        onChange={(v) => onChange({ attendancePercent: v })}
        error={errorFor(`children.${i}.attendancePercent`)}
        width="short"
      />
      <Select label="Meets the threshold for statutory education intervention" value={c.statutoryIntervention} onChange={(v) => onChange({ statutoryIntervention: v })} options={decisionOptions} />
      <Select label="Meets the threshold for a referral to Family Early Help" value={c.earlyHelpReferral} onChange={(v) => onChange({ earlyHelpReferral: v })} options={decisionOptions} />
      <Field id={idOf(`children.${i}.action`)} label="Action (optional)" value={c.action} onChange={(v) => onChange({ action: v })} />
      <Select id={idOf(`children.${i}.whoChoice`)} label="Who does it (optional)" value={c.whoChoice} onChange={(v) => onChange({ whoChoice: v })} options={whoOptions} />
      {c.whoChoice === WHO_OTHER ? (
        <Field id={idOf(`children.${i}.who`)} label="Who else does it" hint="Their name and role, such as the attendance officer" value={c.whoOther} onChange={(v) => onChange({ whoOther: v })} error={errorFor(`children.${i}.who`)} width="half" />
      ) : null}
      <DateField id={idOf(`children.${i}.byWhen`)} label="By when (optional)" messageLabel={`Child ${i + 1}, by when`} hint="For example 3/12/2026" value={c.byWhen} onChange={(v) => onChange({ byWhen: v })} onProblem={problemOf(`children.${i}.byWhen`)} error={errorFor(`children.${i}.byWhen`)} />
      <Button className="button button-secondary" onPress={onRemove}>
        Remove child {i + 1}
      </Button>
    </div>
  );
}
