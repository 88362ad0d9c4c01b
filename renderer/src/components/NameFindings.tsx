import { useEffect, useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { loadForenames, unconfirmedFindings, type NameFinding } from '../../../shared/domain/child-names.ts';

/** The bundled forename list, once loaded (its own small chunk, fetched when a form that checks names first opens); null until then. */
export function useForenames(): ReadonlySet<string> | null {
  const [names, setNames] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    let live = true;
    void loadForenames().then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** The confirmations still needed by a finding: a confirmation of words since corrected is not kept. */
export function confirmationsInUse(findings: readonly NameFinding[], confirmed: readonly string[]): string[] {
  const found = new Set(findings.map((f) => f.text.trim().toLowerCase()));
  return confirmed.filter((c) => found.has(c.trim().toLowerCase()));
}

/**
 * What in a record may name a child, highlighted before saving: each finding with its field (a link
 * to it) and a box to confirm it is not a child's name. The main process refuses the Word record
 * while any is left unconfirmed, so the list says so.
 */
export function NameFindings({ findings, confirmed = [], onConfirmedChange, idOf }: {
  findings: NameFinding[];
  confirmed?: string[];
  /** Absent where the form makes no document (an escalation, a contact): the findings are only highlighted. */
  onConfirmedChange?: (confirmed: string[]) => void;
  idOf: (field: string) => string;
}) {
  if (findings.length === 0) return null;
  if (!onConfirmedChange) {
    return (
      <div className="finding-group finding-warning" role="status" aria-live="polite">
        <p className="finding-title">May name a child: refer to children by initials and year group only</p>
        <ul className="name-findings">
          {findings.map((f) => (
            <li key={`${f.field}:${f.text}`}>
              <a href={`#${idOf(f.field)}`}>{f.label}</a>: <mark>{f.text}</mark>{f.kind === 'reference' ? ' looks like a name, not initials.' : ' may be a child’s name.'}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const left = unconfirmedFindings(findings, confirmed);
  const isConfirmed = (f: NameFinding) => !left.includes(f);
  const setConfirmed = (f: NameFinding, on: boolean) => onConfirmedChange(on ? [...confirmed, f.text] : confirmed.filter((c) => c.trim().toLowerCase() !== f.text.toLowerCase()));
  return (
    <div className={`finding-group ${left.length ? 'finding-warning' : ''}`} role="status" aria-live="polite">
      <p className="finding-title">{left.length ? `May name a child (${left.length} to correct or confirm): no Word record can be made until each is done` : 'Each possible name is confirmed as not a child’s name'}</p>
      <ul className="name-findings">
        {findings.map((f) => (
          <li key={`${f.field}:${f.text}`}>
            <a href={`#${idOf(f.field)}`}>{f.label}</a>: <mark>{f.text}</mark>
            {f.kind === 'reference' ? ' looks like a name, not initials.' : ' may be a child’s name.'}
            <Checkbox className="checkbox" isSelected={isConfirmed(f)} onChange={(on) => setConfirmed(f, on)}>
              <span className="checkbox-box" aria-hidden="true" />
              {f.kind === 'reference' ? `These are initials, not a name: ${f.text}` : `Not a child’s name: ${f.text}`}
            </Checkbox>
          </li>
        ))}
      </ul>
    </div>
  );
}
