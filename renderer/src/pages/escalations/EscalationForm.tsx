import { Button } from 'react-aria-components';
import type { z } from 'zod';
import {
  CONCERN_LABELS, CONCERNS, CorrectEscalationInput, RaiseEscalationInput, REFERRAL_ANSWERS, REFERRAL_LABELS, REFERRAL_ROUTE_LABELS, REFERRAL_ROUTES, type EscalationEntry,
} from '../../../../shared/domain/escalations.ts';
import { londonWallTime } from '../../../../shared/domain/london-time.ts';
import { LATE_REASON_KIND_LABELS, LATE_REASON_KINDS, type LateReasonKind } from '../../../../shared/domain/reason-kinds.ts';
import { formFindings } from '../../../../shared/domain/child-names.ts';
import { childRefsText, parseChildRefs } from '../../components/childRefs.ts';
import { DateTimeField } from '../../components/DateTimeField.tsx';
import { Field } from '../../components/Field.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { SchoolPicker } from '../../components/SchoolPicker.tsx';
import { Select } from '../../components/Select.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useForm } from '../../components/useForm.ts';
import { NameFindings, useForenames } from '../../components/NameFindings.tsx';

type Concern = (typeof CONCERNS)[number] | '';
type Referral = (typeof REFERRAL_ANSWERS)[number];
type Route = (typeof REFERRAL_ROUTES)[number] | '';
const TIME_HINT = 'By the clock in England';

/** Now on England's clock, whatever time zone the computer is set to. */
export function nowOnTheClock(): string {
  return londonWallTime(new Date());
}

interface Props {
  /** The entry being corrected; none to raise a new escalation. */
  latest?: EscalationEntry;
  submitLabel: string;
  onSubmit: (input: z.input<typeof CorrectEscalationInput> | z.input<typeof RaiseEscalationInput>) => Promise<void>;
}

/** Every field of an escalation entry: empty to raise one, filled from the latest entry to add a correction. */
export function EscalationForm({ latest, submitLabel, onSubmit }: Props) {
  const form = useForm({
    urn: latest?.urn ?? '',
    raisedAt: latest?.raisedAt ?? nowOnTheClock(),
    raisedBy: latest?.raisedBy ?? '',
    children: childRefsText(latest?.children ?? []),
    concern: (latest?.concern ?? '') as Concern,
    summary: latest?.summary ?? '',
    managerInformedAt: latest?.managerInformedAt ?? '',
    managerInformed: latest?.managerInformed ?? '',
    lateReasonKind: (latest?.lateReasonKind ?? '') as LateReasonKind | '',
    lateReason: latest?.lateReason ?? '',
    referralMade: (latest?.referralMade ?? 'not_known') as Referral,
    referralRoute: (latest?.referralRoute ?? '') as Route,
    referralRouteOther: latest?.referralRouteOther ?? '',
    referralAt: latest?.referralAt ?? '',
    referralReference: latest?.referralReference ?? '',
    advice: latest?.advice ?? '',
    outcome: latest?.outcome ?? '',
    closedAt: latest?.closedAt ?? '',
    changeNote: '',
  });
  const v = form.values;
  const children = parseChildRefs(v.children);
  const forenames = useForenames();
  const findings = formFindings(
    [{ field: 'summary', label: 'Summary', text: v.summary }, { field: 'advice', label: 'Advice the team gave', text: v.advice }, { field: 'outcome', label: 'Outcome', text: v.outcome }],
    children, 'children', forenames ?? new Set(), [v.raisedBy, v.managerInformed],
  );
  const text = (name: keyof typeof v & string, label: string, hint?: string, width?: 'half' | 'short') => (
    <Field id={form.idOf(name)} label={label} {...(hint ? { hint } : {})} {...(width ? { width } : {})} value={String(v[name])} onChange={(x) => form.set(name, x)} error={form.errorFor(name)} />
  );
  const moment = (name: 'raisedAt' | 'managerInformedAt' | 'referralAt' | 'closedAt', label: string, hint = TIME_HINT) => <DateTimeField {...form.field(name)} label={label} hint={hint} />;
  const block = (name: keyof typeof v & string, label: string, hint?: string) => (
    <TextBlock id={form.idOf(name)} label={label} {...(hint ? { hint } : {})} value={String(v[name])} onChange={(x) => form.set(name, x)} error={form.errorFor(name)} />
  );

  const submit = async () => {
    const { changeNote, ...fields } = v;
    // An unchosen concern goes to the schema as missing, which names the field.
    // Text typed for "Other" and then left behind by choosing another route is not sent.
    const routeOther = fields.referralRoute === 'other' ? fields.referralRouteOther : '';
    const base = { ...fields, referralRouteOther: routeOther, children, concern: (fields.concern || undefined) as (typeof CONCERNS)[number] };
    const input = latest ? { ...base, corrects: latest.id, changeNote } : base;
    if (!form.validate(latest ? CorrectEscalationInput : RaiseEscalationInput, input)) return;
    try {
      await onSubmit(input);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <FormShell form={form} onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>The concern</legend>
        <SchoolPicker id={form.idOf('urn')} value={v.urn} onChange={(urn) => form.set('urn', urn)} error={form.errorFor('urn')} initialText={latest?.schoolName ?? ''} />
        {moment('raisedAt', 'Raised at')}
        {text('raisedBy', 'Raised by', 'Who told the team, for example the DSL', 'half')}
        <Select<Concern> id={form.idOf('concern')} error={form.errorFor('concern')} label="Concern" value={v.concern} onChange={(c) => form.set('concern', c)} options={[{ id: '', label: 'Choose the concern' }, ...CONCERNS.map((c) => ({ id: c, label: CONCERN_LABELS[c] }))]} />
        {text('children', 'Children (optional)', 'Initials and year group, separated by commas: JB Y4, KT Y6. Never names.')}
        {block('summary', 'Summary')}
        <NameFindings findings={findings} idOf={form.idOf} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>The manager (within 24 hours)</legend>
        {moment('managerInformedAt', 'Manager told at')}
        {text('managerInformed', 'Manager told', 'Their name', 'half')}
        <Select<LateReasonKind | ''>
          id={form.idOf('lateReasonKind')} error={form.errorFor('lateReasonKind')}
          label="Why the manager was told late"
          value={v.lateReasonKind}
          onChange={(k) => form.set('lateReasonKind', k)}
          options={[{ id: '', label: 'Not late, or not chosen yet' }, ...LATE_REASON_KINDS.map((k) => ({ id: k, label: LATE_REASON_KIND_LABELS[k] }))]}
        />
        <p className="hint">Needed only when told more than 24 hours after the concern was raised. The reports count this choice, never the words below.</p>
        {block('lateReason', 'The reason in words (optional)')}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Referral, advice and outcome</legend>
        <Select<Referral> id={form.idOf('referralMade')} error={form.errorFor('referralMade')} label="Referral made" value={v.referralMade} onChange={(r) => form.set('referralMade', r)} options={REFERRAL_ANSWERS.map((r) => ({ id: r, label: REFERRAL_LABELS[r] }))} />
        <Select<Route>
          id={form.idOf('referralRoute')} error={form.errorFor('referralRoute')}
          label="Referral route"
          hint="Needed when a referral was made"
          value={v.referralRoute}
          onChange={(r) => form.set('referralRoute', r)}
          options={[{ id: '', label: 'Not recorded' }, ...REFERRAL_ROUTES.map((r) => ({ id: r, label: REFERRAL_ROUTE_LABELS[r] }))]}
        />
        {v.referralRoute === 'other' ? text('referralRouteOther', 'Where the referral went', 'For example the police, or the Children Missing Education officer') : null}
        {moment('referralAt', 'Referral made at (optional)')}
        {text('referralReference', 'Referral reference (optional)', undefined, 'half')}
        {block('advice', 'Advice the team gave (optional)')}
        {block('outcome', 'Outcome (optional)')}
        {moment('closedAt', 'Closed at (optional)', `${TIME_HINT}; closing needs the manager told and the outcome`)}
      </fieldset>
      {latest ? block('changeNote', 'What this entry changes, and why', 'Needed when it changes the time raised, the school, the concern or the time the manager was told') : null}
      <Button type="submit" className="button">
        {submitLabel}
      </Button>
    </FormShell>
  );
}
