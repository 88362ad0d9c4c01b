import { Button } from 'react-aria-components';
import { TeamSettings } from '../../../../shared/domain/team.ts';
import { Field } from '../../components/Field.tsx';
import { FolderField } from '../../components/FileFields.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { useSettingsSave } from './useSettingsSave.ts';
import { FormShell } from '../../components/FormShell.tsx';

export function TeamSettingsSection({ settings }: { settings: TeamSettings }) {
  const form = useForm({
    teamName: settings.teamName,
    localAuthority: settings.localAuthority,
    idleLockMinutes: String(settings.idleLockMinutes),
    defaultCapacity: String(settings.defaultCapacity),
    fairnessPercent: String(settings.fairnessPercent),
    teamFolder: settings.teamFolder,
  });
  const { saved, begin, save } = useSettingsSave(form);

  const submit = async () => {
    begin();
    const minutes = form.values.idleLockMinutes.trim();
    const capacity = form.values.defaultCapacity.trim();
    const fairness = form.values.fairnessPercent.trim();
    const notWhole = [
      ...(/^\d+$/.test(fairness) ? [] : [{ path: 'fairnessPercent', message: 'Enter a whole number percentage, such as 25' }]),
      ...(/^\d+$/.test(minutes) ? [] : [{ path: 'idleLockMinutes', message: 'Enter a whole number of minutes from 1 to 240' }]),
      ...(/^\d+$/.test(capacity) ? [] : [{ path: 'defaultCapacity', message: 'Enter a whole number of schools' }]),
    ];
    if (notWhole.length) return form.addIssues(notWhole);
    // The backup settings have their own section; they pass through unchanged.
    const parsed = form.validate(TeamSettings, { ...settings, ...form.values, idleLockMinutes: Number(minutes), defaultCapacity: Number(capacity), fairnessPercent: Number(fairness) });
    if (!parsed) return;
    await save(parsed);
  };

  return (
    <section aria-labelledby="team-settings-heading" className="card">
      <h2 id="team-settings-heading">Team</h2>
      {saved ? <Notice title="Team settings saved" /> : null}
      <FormShell form={form} onSubmit={() => submit()}>
        <Field id={form.idOf('teamName')} label="Team name" value={form.values.teamName} onChange={(v) => form.set('teamName', v)} error={form.errorFor('teamName')} />
        <Field id={form.idOf('localAuthority')} label="Local authority" value={form.values.localAuthority} onChange={(v) => form.set('localAuthority', v)} error={form.errorFor('localAuthority')} />
        <Field
          id={form.idOf('idleLockMinutes')}
          label="Lock after this many minutes without activity"
          hint="From 1 to 240 minutes"
          value={form.values.idleLockMinutes}
          onChange={(v) => form.set('idleLockMinutes', v)}
          error={form.errorFor('idleLockMinutes')}
          width="short"
        />
        <Field
          id={form.idOf('defaultCapacity')}
          label="Default capacity"
          hint="The most schools one worker holds as named link worker, unless their own capacity says otherwise"
          value={form.values.defaultCapacity}
          onChange={(v) => form.set('defaultCapacity', v)}
          error={form.errorFor('defaultCapacity')}
          width="short"
        />
        <Field
          id={form.idOf('fairnessPercent')}
          label="Fairness limit (%)"
          hint="Warn when a worker's schools or pupils would be more than this much above the team average"
          value={form.values.fairnessPercent}
          onChange={(v) => form.set('fairnessPercent', v)}
          error={form.errorFor('fairnessPercent')}
          width="short"
        />
        <FolderField
          id={form.idOf('teamFolder')}
          label="Team folder (optional)"
          hint="The folder with a folder per school, often on the shared drive, as a full path. Word meeting records are saved in <School> (<URN>)\Meeting records inside it."
          purpose="teamFolder"
          value={form.values.teamFolder}
          onChange={(v) => form.set('teamFolder', v)}
          error={form.errorFor('teamFolder')}
        />
        <Button type="submit" className="button">
          Save team settings
        </Button>
      </FormShell>
    </section>
  );
}
