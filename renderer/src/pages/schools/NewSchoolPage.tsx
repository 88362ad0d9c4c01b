import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { NewSchool } from '../../../../shared/domain/schools.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { useForm } from '../../components/useForm.ts';
import { FormShell } from '../../components/FormShell.tsx';

export function NewSchoolPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ urn: '', name: '', establishmentType: '', phase: '', laCode: '', laName: '', town: '', postcode: '', phone: '' });
  const { values } = form;
  const submit = async () => {
    const input = { ...values, phase: values.phase || 'Not applicable' };
    if (!form.validate(NewSchool, input)) return;
    try {
      const school = await invoke('schools.create', input);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('schools') });
      navigate(`/schools/${school.urn}`);
    } catch (error) {
      form.fail(error);
    }
  };
  const field = (name: keyof typeof values, label: string, extra: { hint?: string; width?: 'full' | 'half' | 'short' } = {}) => (
    <Field id={form.idOf(name)} label={label} value={values[name]} onChange={(v) => form.set(name, v)} error={form.errorFor(name)} {...extra} />
  );
  return (
    <Page title="Add a school" lead="For a school GIAS does not list yet. Schools from a GIAS import do not need adding by hand.">
      <p>
        <Link to="/schools">All schools</Link>
      </p>
      <FormShell form={form} onSubmit={() => submit()} className="card form">
        {field('urn', 'URN', { hint: 'Six digits, from GIAS', width: 'short' })}
        {field('name', 'School name')}
        {field('establishmentType', 'Type of establishment', { hint: 'As GIAS names it, for example Community school or Pupil referral unit' })}
        {field('phase', 'Phase (optional)', { hint: 'Primary, Secondary, All-through, Nursery or 16 plus', width: 'half' })}
        {field('laCode', 'LA code', { hint: 'Three digits, for example 202', width: 'short' })}
        {field('laName', 'Local authority', { width: 'half' })}
        {field('town', 'Town (optional)', { width: 'half' })}
        {field('postcode', 'Postcode (optional)', { width: 'short' })}
        {field('phone', 'Telephone (optional)', { width: 'half' })}
        <Button type="submit" className="button">
          Add school
        </Button>
      </FormShell>
    </Page>
  );
}
