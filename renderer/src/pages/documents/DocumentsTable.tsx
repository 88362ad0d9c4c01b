import { useState } from 'react';
import { Button } from 'react-aria-components';
import { RECORD_KIND_LABELS, type GeneratedDocument } from '../../../../shared/domain/documents.ts';
import { invoke } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { MoreRows } from '../../components/MoreRows.tsx';
import { usePages } from '../../components/usePages.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** A download is recorded by its name alone: the browser chose where to keep it, so LinkDesk cannot open it. */
const isDownload = (file: string) => !/[\\/]/.test(file);

const KIND_LABELS: Record<GeneratedDocument['kind'], string> = { ...RECORD_KIND_LABELS, spoc_list: 'SPOC contact list' };

/** Documents LinkDesk made, newest first, each with where it is and a button to open it. */
export function DocumentsTable({ sourceId, caption }: { sourceId?: string; caption: string }) {
  const docs = usePages(['documents.list', sourceId ?? 'all'], (offset) => invoke('documents.list', sourceId ? { sourceId, offset } : { offset }));
  const [problem, setProblem] = useState<string | null>(null);
  if (!docs.loaded) return null;
  if (docs.rows.length === 0) return <p>No documents made yet.</p>;
  return (
    <>
      {problem ? <p className="error-message" role="alert">{problem}</p> : null}
      <TableScroll>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Document</th>
            <th scope="col">File</th>
            <th scope="col"><span className="visually-hidden">Open</span></th>
          </tr>
        </thead>
        <tbody>
          {docs.rows.map((d) => (
            <tr key={d.id}>
              <td>
                {formatDateTime(d.createdAt)}
                <span className="visit-status">by {d.createdBy}</span>
              </td>
              <td>
                {KIND_LABELS[d.kind]}
                {d.schoolName ? `: ${d.schoolName}` : ''}
              </td>
              <td>
                <code className="path">{d.path}</code>
                {isDownload(d.path) ? <span className="visit-status">downloaded through the browser</span> : null}
              </td>
              <td>
                {isDownload(d.path) ? null : (
                  <Button
                    className="button button-secondary"
                    aria-label={`Open ${d.path.split(/[\\/]/).pop() ?? ''}${d.schoolName ? ` of ${d.schoolName}` : ''}`}
                    onPress={() => {
                      setProblem(null);
                      invoke('documents.open', { id: d.id }).catch((error: unknown) => setProblem(error instanceof Error ? error.message : 'The file could not be opened.'));
                    }}
                  >
                    Open
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <MoreRows shown={docs.rows.length} total={docs.total} noun="documents" hasMore={docs.hasMore} loading={docs.loadingMore} onMore={docs.more} />
    </>
  );
}
