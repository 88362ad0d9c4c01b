import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { z } from 'zod';
import type { BackupOutcome, BackupsState } from '../../../../shared/api.ts';
import { TeamSettings } from '../../../../shared/domain/team.ts';
import { invoke } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FolderField, SaveFileField } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { useSettingsSave } from './useSettingsSave.ts';
import { formatDateTime } from '../../format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const TRIGGER_WORDS: Record<BackupOutcome['trigger'], string> = { close: 'on closing', daily: 'the daily backup', now: '“Back up now”' };

/** The last backup, as a line of text: shown on arrival, so it must not take focus as a Notice would. */
function LastBackup({ last }: { last: BackupOutcome | null }) {
  if (!last) return <p>No backup has been taken since LinkDesk started.</p>;
  if (last.ok) {
    return (
      <p>
        Last backup: {formatDateTime(last.at)} ({TRIGGER_WORDS[last.trigger]}), saved as <span className="path">{last.path?.split(/[\\/]/).pop()}</span>.
      </p>
    );
  }
  return (
    <div className="finding-group finding-blocking">
      <p className="finding-title">
        The last backup failed: {formatDateTime(last.at)} ({TRIGGER_WORDS[last.trigger]}).
      </p>
      <p>{last.message}</p>
    </div>
  );
}

const SettingsForm = TeamSettings.pick({ backupsEnabled: true, backupFolder: true, backupsToKeep: true });

function AutomaticSettings({ state }: { state: BackupsState }) {
  const form = useForm({ backupsEnabled: state.enabled, backupFolder: state.folderIsDefault ? '' : state.folder, backupsToKeep: String(state.keep) });
  const { saved, begin, save } = useSettingsSave(form);
  const submit = async () => {
    begin();
    const keep = form.values.backupsToKeep.trim();
    if (!/^\d+$/.test(keep)) return form.addIssues([{ path: 'backupsToKeep', message: 'Enter a whole number of backups, such as 10' }]);
    const parsed = form.validate(SettingsForm, { ...form.values, backupsToKeep: Number(keep) });
    if (!parsed) return;
    await save(parsed);
  };
  return (
    <FormShell form={form} onSubmit={() => submit()}>
      <h3>Automatic backups</h3>
      {saved ? <Notice title="Backup settings saved" /> : null}
      <Checkbox className="checkbox" isSelected={form.values.backupsEnabled} onChange={(v) => form.set('backupsEnabled', v)}>
        <span className="checkbox-box" aria-hidden="true" />
        Back up automatically: when the database closes after a change, and at least once a day
      </Checkbox>
      <FolderField
        id={form.idOf('backupFolder')}
        label="Backup folder (optional)"
        hint={`A full path. Leave empty for the Backups folder beside the database. Use a folder for this team alone: LinkDesk removes its own oldest backups there.`}
        purpose="backupFolder"
        value={form.values.backupFolder}
        onChange={(v) => form.set('backupFolder', v)}
        error={form.errorFor('backupFolder')}
      />
      <Field
        id={form.idOf('backupsToKeep')}
        label="Number of backups to keep"
        hint="From 1 to 100; the oldest beyond this are removed"
        value={form.values.backupsToKeep}
        onChange={(v) => form.set('backupsToKeep', v)}
        error={form.errorFor('backupsToKeep')}
        width="short"
      />
      <Button type="submit" className="button button-secondary">
        Save backup settings
      </Button>
    </FormShell>
  );
}

const CopyForm = z.object({ path: z.string().trim().min(1, 'Enter where to save the copy') });

function suggestedCopyPath(databasePath: string, today: string): string {
  return databasePath.replace(/(\.[^./\\]+)?$/, ` copy ${today}.linkdesk`);
}

/** A copy to a path typed by the user, such as a USB stick: never over an existing file. */
function CopyElsewhere({ databasePath }: { databasePath: string }) {
  const today = new Date();
  const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const form = useForm({ path: suggestedCopyPath(databasePath, stamp) });
  const [done, setDone] = useState<{ path: string; bytes: number } | null>(null);
  const submit = async () => {
    setDone(null);
    const parsed = form.validate(CopyForm);
    if (!parsed) return;
    try {
      setDone(await invoke('db.backup', parsed));
    } catch (error) {
      form.fail(error, 'path');
    }
  };
  return (
    <FormShell form={form} onSubmit={() => submit()}>
      <h3>Save a copy elsewhere</h3>
      {done ? (
        <Notice title="Copy saved and checked">
          <p>
            <span className="path">{done.path}</span> ({Math.ceil(done.bytes / 1024)} KB)
          </p>
        </Notice>
      ) : null}
      <SaveFileField
        id={form.idOf('path')}
        label="Save the backup as"
        hint="A new file (a full path); an existing file is never replaced"
        purpose="backupCopy"
        suggestedName={form.values.path.split(/[\\/]/).pop()}
        value={form.values.path}
        onChange={(v) => form.set('path', v)}
        error={form.errorFor('path')}
      />
      <Button type="submit" className="button button-secondary">
        Save a copy
      </Button>
    </FormShell>
  );
}

export function BackupsSection({ databasePath, onChoose }: { databasePath: string; onChoose: (path: string) => void }) {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: ['db.backups'], queryFn: () => invoke('db.backups', {}) });
  const [taken, setTaken] = useState<BackupOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const backUpNow = async () => {
    setTaken(null);
    setFailure(null);
    try {
      setTaken(await invoke('db.backupNow', {}));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The backup failed.');
    }
    await queryClient.invalidateQueries({ queryKey: ['db.backups'] });
  };
  const data = state.data;
  return (
    <section aria-labelledby="backups-heading" className="card">
      <h2 id="backups-heading">Backups</h2>
      <p>
        Encrypted copies of the database, each checked after it is written. A backup keeps the passphrase the team had when it was made.
      </p>
      {data ? <LastBackup last={data.last} /> : null}
      {taken ? <Notice title="Backup saved and checked"><p className="path">{taken.path}</p></Notice> : null}
      {failure ? <Notice kind="warning" title="The backup failed">{failure}</Notice> : null}
      <Button className="button" onPress={() => void backUpNow()}>
        Back up now
      </Button>
      {data ? (
        <>
          <h3>Backups in <span className="path">{data.folder}</span></h3>
          {data.backups.length ? (
            <TableScroll>
            <table className="table">
              <caption className="visually-hidden">Backups, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">File</th>
                  <th scope="col">Size</th>
                  <th scope="col"><span className="visually-hidden">Restore</span></th>
                </tr>
              </thead>
              <tbody>
                {data.backups.map((b) => (
                  <tr key={b.path}>
                    <td>{formatDateTime(b.takenAt)}</td>
                    <td className="path">{b.name}</td>
                    <td>{Math.ceil(b.bytes / 1024)} KB</td>
                    <td>
                      <Button className="button button-secondary" aria-label={`Restore the backup of ${formatDateTime(b.takenAt)}…`} onPress={() => onChoose(b.path)}>
                        Restore…
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          ) : (
            <p>None yet.</p>
          )}
          <AutomaticSettings key={`${data.enabled}-${data.folder}-${data.keep}`} state={data} />
        </>
      ) : null}
      <CopyElsewhere databasePath={databasePath} />
    </section>
  );
}
