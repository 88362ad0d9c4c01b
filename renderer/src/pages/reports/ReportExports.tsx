import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import type { DownloadTicket, SavePurpose } from '../../../../shared/domain/files.ts';
import { TERM_LABELS } from '../../../../shared/domain/calendar.ts';
import { EscalationLogInput, ReportExcelInput, ReportWordInput } from '../../../../shared/domain/report-exports.ts';
import type { ReportPeriod, ReportQuery } from '../../../../shared/domain/reports.ts';
import { periodName } from './reportValues.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useForm } from '../../components/useForm.ts';
import { chooseSave, isBrowserMode, startDownload } from '../../files.ts';

/** Where a file goes: downloaded in browser mode; in the app, where the system's save dialog says (null: cancelled). */
type Target = { download: true } | { path: string; replace: boolean };

async function targetFor(purpose: SavePurpose, suggestedName: string): Promise<Target | null> {
  if (isBrowserMode()) return { download: true };
  const chosen = await chooseSave(purpose, suggestedName);
  // The system's dialog has already asked whether to replace a file that is there.
  return chosen?.path ? { path: chosen.path, replace: chosen.exists } : null;
}

interface Saved {
  what: string;
  path: string;
  downloaded: boolean;
}

function SavedNotice({ saved }: { saved: Saved }) {
  return (
    <Notice title={`${saved.what} ${saved.downloaded ? 'downloaded' : 'saved'}`}>
      <p>{saved.downloaded ? <>Your browser saves it as <strong>{saved.path}</strong>, usually in your Downloads folder.</> : <code className="path">{saved.path}</code>}</p>
    </Notice>
  );
}

/** Finishes a save: starts the download, or says where the file went. */
function done(result: { path: string; download?: DownloadTicket }, what: string): Saved {
  if (result.download) startDownload(result.download);
  return { what, path: result.path, downloaded: Boolean(result.download) };
}

/** The name offered for the file, as LinkDesk names a download: "Report 2026-27 Autumn term North (shared).docx". */
function reportFileName(query: ReportQuery, share: boolean, extension: 'docx' | 'xlsx'): string {
  return `Report ${query.year}${query.term ? ` ${TERM_LABELS[query.term]}` : ''}${query.hub ? ` ${query.hub}` : ''}${share ? ' (shared)' : ''}.${extension}`;
}

/** The report as a Word document or an Excel workbook, the team's own copy or one for sharing. */
function ReportFiles({ query, period }: { query: ReportQuery; period: ReportPeriod }) {
  const queryClient = useQueryClient();
  const form = useForm({ share: false });
  const [saved, setSaved] = useState<Saved | null>(null);

  const save = async (kind: 'word' | 'excel') => {
    setSaved(null);
    form.clear();
    const share = form.values.share;
    try {
      const target = kind === 'word' ? await targetFor('reportWord', reportFileName(query, share, 'docx')) : await targetFor('reportWorkbook', reportFileName(query, share, 'xlsx'));
      if (!target) return;
      const input = { ...query, share, ...target };
      if (kind === 'word') {
        if (form.validate(ReportWordInput, input)) setSaved(done(await invoke('reports.exportWord', input), 'Word report'));
      } else if (form.validate(ReportExcelInput, input)) {
        setSaved(done(await invoke('reports.exportExcel', input), 'Excel workbook'));
      }
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('documents') });
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section aria-labelledby="report-files-heading" className="card report-export">
      <h2 id="report-files-heading">Save the report</h2>
      <p>The figures shown above ({periodName(period)}{query.hub ? `, hub ${query.hub}` : ''}), marked OFFICIAL: as a Word report to read, or as an Excel workbook with a sheet per table for the council’s own pivot tables.</p>
      {saved ? <SavedNotice saved={saved} /> : null}
      <FormShell form={form} onSubmit={() => save('word')}>
        <Checkbox id={form.idOf('share')} className="checkbox" isSelected={form.values.share} onChange={(v) => form.set('share', v)}>
          <span className="checkbox-box" aria-hidden="true" />
          For sharing outside the team (counts of 1-4 shown as fewer than 5)
        </Checkbox>
        <div className="page-actions">
          <Button type="submit" className="button">
            Save as Word
          </Button>
          <Button className="button button-secondary" onPress={() => void save('excel')}>
            Save as Excel
          </Button>
        </div>
      </FormShell>
    </section>
  );
}

/** The printable escalation log of a period (OFFICIAL-SENSITIVE), for audit. */
function EscalationLogFile({ period, hub }: { period: ReportPeriod; hub: string | undefined }) {
  const queryClient = useQueryClient();
  const form = useForm({ from: period.from, to: period.to });
  const [saved, setSaved] = useState<Saved | null>(null);

  const save = async () => {
    setSaved(null);
    const range = { from: form.values.from, to: form.values.to, ...(hub ? { hub } : {}) };
    // The dates are checked before the save dialog opens, so a wrong one is said at once.
    if (!form.validate(EscalationLogInput, { ...range, download: true })) return;
    try {
      const target = await targetFor('escalationLog', `Escalation log ${range.from} to ${range.to}.docx`);
      if (!target) return;
      const input = { ...range, ...target };
      if (!form.validate(EscalationLogInput, input)) return;
      const result = await invoke('reports.exportEscalationLog', input);
      setSaved(done(result, `Escalation log of ${result.escalations === 1 ? '1 escalation' : `${result.escalations} escalations`}`));
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('documents') });
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section aria-labelledby="escalation-log-heading" className="card report-export">
      <h2 id="escalation-log-heading">Escalation log</h2>
      <p>
        Every escalation raised between two days{hub ? ` at the schools of hub ${hub}` : ''}, with each correction and the 24-hour figures, as a Word document to print for audit. It is
        marked OFFICIAL-SENSITIVE: it names schools and concerns.
      </p>
      {saved ? <SavedNotice saved={saved} /> : null}
      <FormShell form={form} onSubmit={save}>
        <div className="date-row">
          <DateField {...form.field('from')} label="From" />
          <DateField {...form.field('to')} label="To" />
        </div>
        <Button type="submit" className="button">
          Save the escalation log
        </Button>
      </FormShell>
    </section>
  );
}

export function ReportExports({ query, period }: { query: ReportQuery; period: ReportPeriod }) {
  return (
    <>
      <ReportFiles key={JSON.stringify(query)} query={query} period={period} />
      <EscalationLogFile key={`${period.from}-${period.to}`} period={period} hub={query.hub} />
    </>
  );
}
