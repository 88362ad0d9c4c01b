import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { PANEL_TYPE_LABELS, PANEL_TYPES, PanelInput, type Panel, type PanelType } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { TimeField } from '../../components/TimeField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';

/** Adds a panel, or edits one when given it. */
export function PanelForm({ panel, onSaved }: { panel?: Panel; onSaved: (saved: Panel) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    name: panel?.name ?? '',
    type: (panel?.type ?? 'pupil_placement') as PanelType,
    area: panel?.area ?? '',
    everyWeeks: panel?.everyWeeks ? String(panel.everyWeeks) : '',
    usualTime: panel?.usualTime ?? '',
    location: panel?.location ?? '',
  });
  const v = form.values;

  const submit = async () => {
    const weeks = v.everyWeeks.trim();
    const input = { ...(panel ? { id: panel.id } : {}), name: v.name, type: v.type, area: v.area, everyWeeks: weeks ? Number(weeks) : null, usualTime: v.usualTime, location: v.location };
    if (weeks && !/^\d+$/.test(weeks)) {
      form.addIssues([{ path: 'everyWeeks', message: 'Give a whole number of weeks, or leave it empty' }]);
      return;
    }
    if (!form.validate(PanelInput, input)) return;
    try {
      const saved = await invoke('panels.save', input);
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('panels') });
      if (!panel) form.setValues({ ...v, name: '', area: '', everyWeeks: '', usualTime: '', location: '' });
      onSaved(saved);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <FormShell form={form} onSubmit={submit}>
      <Select label="Type of panel" value={v.type} onChange={(t) => form.set('type', t)} options={PANEL_TYPES.map((t) => ({ id: t, label: PANEL_TYPE_LABELS[t] }))} />
      <Field id={form.idOf('name')} label="Name" hint="As the team calls it, for example Pupil Placement Panel" value={v.name} onChange={(x) => form.set('name', x)} error={form.errorFor('name')} />
      <Field id={form.idOf('area')} label="Area" value={v.area} onChange={(x) => form.set('area', x)} error={form.errorFor('area')} width="half" />
      <Field id={form.idOf('everyWeeks')} label="Meets every N weeks of term time (optional)" hint="4 for a Pupil Placement Panel; leave empty for a panel that meets when called" value={v.everyWeeks} onChange={(x) => form.set('everyWeeks', x)} error={form.errorFor('everyWeeks')} width="short" />
      <TimeField {...form.field('usualTime')} label="Usual start time (optional)" />
      <Field id={form.idOf('location')} label="Where it meets (optional)" value={v.location} onChange={(x) => form.set('location', x)} error={form.errorFor('location')} />
      <Button type="submit" className="button">
        {panel ? 'Save the panel' : 'Add the panel'}
      </Button>
    </FormShell>
  );
}
