import type { Finding } from '../../../shared/domain/allocations.ts';

/** What the allocation rules say, blocking first, each in plain words. */
export function Findings({ findings, id }: { findings: Finding[]; id?: string }) {
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (findings.length === 0) return <p className="finding-ok" id={id}>No conflicts: this allocation can be saved.</p>;
  return (
    <div id={id} className="findings">
      {blocking.length ? (
        <div className="finding-group finding-blocking">
          <p className="finding-title">Cannot be saved</p>
          <ul>{blocking.map((f) => <li key={f.message}>{f.message}</li>)}</ul>
        </div>
      ) : null}
      {warnings.length ? (
        <div className="finding-group finding-warning">
          <p className="finding-title">Warnings: saved only with a reason</p>
          <ul>{warnings.map((f) => <li key={f.message}>{f.message}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
