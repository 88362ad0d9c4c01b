import { PREVIEW_LIST_LIMIT, type RowsImportResult } from '../../../../shared/domain/imports.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** The message without the "Row 4: " the command line prints first: the table has a Row column. */
const problemOf = (message: string) => message.replace(/^Row \d+: /, '').replace(/^./, (c) => c.toUpperCase());

/** What a people or connections import would do: the counts, each refused row by row and column, and the rows that add or change. */
export function RowsPreviewReport({ preview, noun }: { preview: RowsImportResult; noun: readonly [string, string] }) {
  const c = preview.counts;
  const more = (shown: number, total: number) => (total > shown ? <p className="muted">and {total - shown} more</p> : null);
  return (
    <>
      <p>
        From <strong>{preview.file.name}</strong>:
      </p>
      <TableScroll>
      <table className="table counts-table">
        <caption className="visually-hidden">Counts</caption>
        <tbody>
          <tr><th scope="row">New {noun[1]} to add</th><td>{c.added}</td></tr>
          <tr><th scope="row">{noun[1].replace(/^./, (ch) => ch.toUpperCase())} whose details change</th><td>{c.updated}</td></tr>
          <tr><th scope="row">Unchanged</th><td>{c.unchanged}</td></tr>
          <tr><th scope="row">Rows with errors</th><td>{c.refused}</td></tr>
        </tbody>
      </table>
      </TableScroll>
      {preview.rejected.length > 0 ? (
        <TableScroll>
        <table className="table">
          <caption className="table-title">Rows with errors (nothing from them is imported)</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.rejected.slice(0, PREVIEW_LIST_LIMIT).map((e) => (
              <tr key={e.row}>
                <td>{e.row}</td>
                <td>{e.field ?? '–'}</td>
                <td>{problemOf(e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : null}
      {more(Math.min(preview.rejected.length, PREVIEW_LIST_LIMIT), preview.rejected.length)}
      {preview.updated.length > 0 ? (
        <details>
          <summary>Changes ({c.updated})</summary>
          <ul>
            {preview.updated.map((u) => (
              <li key={u.row}>
                Row {u.row}: <strong>{u.name}</strong>, {(u.changes ?? []).join(', ')}
              </li>
            ))}
          </ul>
          {more(preview.updated.length, c.updated)}
        </details>
      ) : null}
      {preview.added.length > 0 ? (
        <details>
          <summary>New {noun[1]} ({c.added})</summary>
          <ul>{preview.added.map((a) => <li key={a.row}>Row {a.row}: {a.name}</li>)}</ul>
          {more(preview.added.length, c.added)}
        </details>
      ) : null}
    </>
  );
}
