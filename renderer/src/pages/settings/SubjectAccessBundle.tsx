import { useState } from 'react';
import { Button } from 'react-aria-components';
import { SubjectAccessExportInput, subjectAccessFileName, type SubjectAccessQuery } from '../../../../shared/domain/subject-access.ts';
import { invoke } from '../../api.ts';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { plural, todayLocal } from '../../format.ts';
import { chooseSave, isBrowserMode, startDownload } from '../../files.ts';

interface Saved {
  path: string;
  records: number;
  downloaded: boolean;
}

/**
 * Saves the bundle of the search shown: a download in browser mode; in the app, where the system's
 * save dialog says, which has already asked before replacing a file (otherwise LinkDesk refuses one
 * that is there, as every writer does).
 */
export function SubjectAccessBundleSection({ query, records }: { query: SubjectAccessQuery; records: number }) {
  const form = useForm({});
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setSaved(null);
    form.clear();
    try {
      let target: { download: true } | { path: string; replace: boolean };
      if (isBrowserMode()) target = { download: true };
      else {
        const chosen = await chooseSave('subjectAccess', subjectAccessFileName(todayLocal()));
        if (!chosen?.path) return;
        target = { path: chosen.path, replace: chosen.exists };
      }
      const input = form.validate(SubjectAccessExportInput, { query, ...target });
      if (!input) return;
      setBusy(true);
      const result = await invoke('subjectAccess.export', input);
      if (result.download) startDownload(result.download);
      setSaved({ path: result.path, records: result.records, downloaded: Boolean(result.download) });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>Save the bundle</h3>
      <p>
        A Word document marked OFFICIAL-SENSITIVE with {records === 0 ? 'the search and that nothing was found' : `${plural(records, 'record', 'records')}: for each, what it holds about this child`}.
        Other children are shown as “[another child]” or left out. Read it through before it leaves the team. Saving it is recorded in the audit log.
      </p>
      {saved ? (
        <Notice title={`Bundle of ${plural(saved.records, 'record', 'records')} ${saved.downloaded ? 'downloaded' : 'saved'}`}>
          <p>{saved.downloaded ? <>Your browser saves it as <strong>{saved.path}</strong>, usually in your Downloads folder.</> : <code className="path">{saved.path}</code>}</p>
        </Notice>
      ) : null}
      <FormShell form={form} onSubmit={save} requiredNote={false}>
        <Button type="submit" className="button" isDisabled={busy}>
          Save the bundle (.docx)
        </Button>
      </FormShell>
    </>
  );
}
