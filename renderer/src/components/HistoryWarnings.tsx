import type { HistoryFinding } from '../../../shared/domain/history.ts';

/**
 * Damage to the audit or escalation log, found when the database opened. A standing section,
 * not a Notice: it is there on arrival and must not take focus from the page's heading.
 */
export function HistoryWarnings({ findings, id }: { findings: HistoryFinding[]; id: string }) {
  if (findings.length === 0) return null;
  return (
    <section aria-labelledby={id} className="notice notice-warning">
      <h2 id={id} className="notice-title">
        The history of this database was changed outside LinkDesk
      </h2>
      <p>LinkDesk opened it so the team can keep working, but these records may have been altered:</p>
      <HistoryFindingList findings={findings} />
      <p>
        Tell your information governance lead, and compare the audit and escalation logs with your latest backup before relying on them. Settings,
        “Check the database”, checks the whole file.
      </p>
    </section>
  );
}

export function HistoryFindingList({ findings }: { findings: HistoryFinding[] }) {
  return (
    <ul>
      {findings.map((f) => (
        <li key={`${f.kind}-${f.table}-${f.rowId ?? f.message}`}>{f.message}</li>
      ))}
    </ul>
  );
}
