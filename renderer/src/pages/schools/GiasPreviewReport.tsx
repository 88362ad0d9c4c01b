import { describeFieldChange, type GiasPreview } from '../../../../shared/domain/imports.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function GiasPreviewReport({ preview }: { preview: GiasPreview }) {
  const c = preview.counts;
  const more = (shown: number, total: number) => (total > shown ? <p className="muted">and {total - shown} more</p> : null);
  return (
    <>
      <TableScroll>
      <table className="table counts-table">
        <caption className="visually-hidden">Counts</caption>
        <tbody>
          <tr><th scope="row">New schools to add</th><td>{c.added}</td></tr>
          <tr><th scope="row">Schools whose GIAS facts changed</th><td>{c.updated}{c.closing ? ` (${c.closing} now closed)` : ''}</td></tr>
          <tr><th scope="row">Unchanged</th><td>{c.unchanged}</td></tr>
          <tr><th scope="row">Skipped</th><td>{c.skipped}</td></tr>
          <tr><th scope="row">Rows with errors</th><td>{c.errors}</td></tr>
          {c.filteredOut ? <tr><th scope="row">In other local authorities (left out)</th><td>{c.filteredOut}</td></tr> : null}
        </tbody>
      </table>
      </TableScroll>
      {preview.errors.length > 0 ? (
        <details open>
          <summary>Rows with errors ({c.errors})</summary>
          <ul className="error-list">
            {preview.errors.map((e) => <li key={e.row}>{e.message}</li>)}
          </ul>
          {more(preview.errors.length, c.errors)}
        </details>
      ) : null}
      {preview.updated.length > 0 ? (
        <details>
          <summary>Changed schools ({c.updated})</summary>
          <ul>
            {preview.updated.map((u) => (
              <li key={u.urn}>
                <strong>{u.name}</strong> ({u.urn}){u.closing ? ' – now closed in GIAS' : ''}:{' '}
                {u.changes.map(describeFieldChange).join('; ')}
              </li>
            ))}
          </ul>
          {more(preview.updated.length, c.updated)}
        </details>
      ) : null}
      {preview.added.length > 0 ? (
        <details>
          <summary>New schools ({c.added})</summary>
          <ul>{preview.added.map((a) => <li key={a.urn}>{a.name} ({a.urn})</li>)}</ul>
          {more(preview.added.length, c.added)}
        </details>
      ) : null}
      {preview.skipped.length > 0 ? (
        <details>
          <summary>Skipped ({c.skipped})</summary>
          <ul>{preview.skipped.map((s) => <li key={s.urn}>{s.name} ({s.urn}): {s.reason}</li>)}</ul>
          {more(preview.skipped.length, c.skipped)}
        </details>
      ) : null}
    </>
  );
}
