import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { AllocationProposal, type Finding } from '../../../../shared/domain/allocations.ts';
import { CATEGORY_LABELS } from '../../../../shared/domain/schools.ts';
import { AppError } from '../../../../shared/errors.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { Findings } from '../../components/Findings.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { todayLocal } from '../../format.ts';
import { AllocationHistory } from './AllocationHistory.tsx';
import { FormShell } from '../../components/FormShell.tsx';

const NOBODY = 'nobody';
const today = todayLocal;

export function AllocatePage() {
  const { urn = '' } = useParams();
  const queryClient = useQueryClient();
  const school = useQuery({ queryKey: ['schools.get', urn], queryFn: () => invoke('schools.get', { urn }) });
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const team = useQuery({ queryKey: ['team'], queryFn: () => invoke('team.get', {}) });
  const history = useQuery({ queryKey: ['allocations.schoolHistory', urn], queryFn: () => invoke('allocations.schoolHistory', { urn }) });
  const current = (role: 'named' | 'secondary') => history.data?.find((p) => p.role === role && p.to === null)?.personId ?? NOBODY;
  const form = useForm({ named: '', secondary: '', from: today(), reason: '', overrideReason: '', countyAgreedOn: '', countyAgreedBy: '' });
  const [saved, setSaved] = useState(false);
  const named = form.valueOr('named', current('named'));
  const secondary = form.valueOr('secondary', current('secondary'));
  const proposal = {
    urn,
    namedId: named === NOBODY ? null : named,
    secondaryId: secondary === NOBODY ? null : secondary,
    from: form.values.from,
    reason: form.values.reason,
    overrideReason: form.values.overrideReason,
    countyAgreedOn: form.values.countyAgreedOn,
    countyAgreedBy: form.values.countyAgreedBy,
  };
  const checkInput = useDeferredValue(proposal);
  const valid = AllocationProposal.safeParse(checkInput).success && history.isSuccess;
  const check = useQuery({
    queryKey: ['allocations.check', checkInput],
    queryFn: () => invoke('allocations.check', { proposals: [checkInput] }),
    enabled: valid,
  });
  const findings: Finding[] = check.data?.[0]?.findings ?? [];
  const hasWarnings = findings.some((f) => f.severity === 'warning');

  const submit = async () => {
    setSaved(false);
    if (!form.validate(AllocationProposal, proposal)) return;
    try {
      await invoke('allocations.assign', proposal);
      setSaved(true);
      form.setValues({ ...form.values, reason: '', overrideReason: '' });
      await queryClient.invalidateQueries({ predicate: (q) => /^(allocations|schools|people)/.test(String(q.queryKey[0])) });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'allocation_refused' || error.code === 'needs_reason')) {
        const list = (error.details?.findings as Finding[] | undefined) ?? [];
        // The refusal's message already holds the blocking reasons; list each once.
        form.addIssues(
          error.code === 'needs_reason'
            ? [{ path: 'overrideReason', message: error.message }]
            : list.filter((f) => f.severity === 'blocking').map((f) => ({ path: '', message: `This allocation cannot be saved: ${f.message}` })),
        );
      } else form.fail(error);
    }
  };

  if (school.isError) return <Page title="School not found" lead={school.error.message} />;
  const s = school.data?.school;
  const active = (people.data ?? []).filter((p) => p.active || p.id === current('named') || p.id === current('secondary'));
  const options = [{ id: NOBODY, label: 'Nobody (to be allocated)' }, ...active.map((p) => ({ id: p.id, label: `${p.name}${p.hub ? ` (${p.hub})` : ''}${p.active ? '' : ' – has left'}` }))];
  return (
    <Page title={s ? `Link workers for ${s.name}` : 'Link workers'}>
      <p>
        <Link to="/allocations">Allocation board</Link>
        {s ? <> · <Link to={`/schools/${s.urn}`}>School page</Link></> : null}
      </p>
      {saved ? <Notice title="Allocation saved" /> : null}
      <FormShell form={form} onSubmit={() => submit()} className="card form">
        <Select id={form.idOf('named')} label="Named link worker (SPOC)" value={named} options={options} onChange={(v) => form.set('named', v)} />
        <Select id={form.idOf('secondary')} label="Secondary link worker (optional)" value={secondary} options={options} onChange={(v) => form.set('secondary', v)} />
        <DateField {...form.field('from')} label="From" hint="The first day of the change, for example 1/9/2026" />
        <Field id={form.idOf('reason')} label="Why (optional)" hint="For example: new school year, worker leaving, rebalancing" value={form.values.reason} onChange={(v) => form.set('reason', v)} error={form.errorFor('reason')} />
        {s && team.data?.settings.countyAgreementCategories.includes(s.category) ? (
          <fieldset className="fieldset">
            <legend>County-level agreement (required for {s.category === 'alternative_provision' ? 'an APC' : `the category ${CATEGORY_LABELS[s.category]}`})</legend>
            <DateField {...form.field('countyAgreedOn')} label="Agreed on" />
            <Field id={form.idOf('countyAgreedBy')} label="Agreed by" hint="For example: County DST team managers meeting" value={form.values.countyAgreedBy} onChange={(v) => form.set('countyAgreedBy', v)} error={form.errorFor('countyAgreedBy')} />
          </fieldset>
        ) : null}
        <section aria-labelledby="checks-heading" aria-live="polite" className="checks">
          <h2 id="checks-heading">Checks</h2>
          {valid ? <Findings findings={findings} /> : <p className="muted">Choose the workers and a date to see the checks.</p>}
        </section>
        {hasWarnings ? (
          <Field
            id={form.idOf('overrideReason')}
            label="Reason for going ahead despite the warnings"
            hint="Recorded with the allocation"
            value={form.values.overrideReason}
            onChange={(v) => form.set('overrideReason', v)}
            error={form.errorFor('overrideReason')}
          />
        ) : null}
        <Button type="submit" className="button">
          Save allocation
        </Button>
      </FormShell>
      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">History</h2>
        <AllocationHistory periods={history.data ?? []} show="person" />
      </section>
    </Page>
  );
}
