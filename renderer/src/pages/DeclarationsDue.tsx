import { Link } from 'react-router';
import { MONTH_NAMES, type DeclarationDue } from '../../../shared/domain/declarations.ts';
import { formatDate, plural } from '../format.ts';

/** Workers due to make their annual declaration of connections, each opening their page. */
export function DeclarationsDue({ due, more }: { due: DeclarationDue[]; more: number }) {
  return (
    <section aria-labelledby="declarations-due-heading" className="card">
      <h2 id="declarations-due-heading">Declarations due ({due.length + more})</h2>
      {due.length === 0 ? (
        <p>Every active worker’s annual declaration of connections is up to date.</p>
      ) : (
        <ul className="dashboard-list">
          {due.map((d) => (
            <li key={d.personId}>
              <Link to={`/people/${d.personId}`}>{d.name}</Link>
              <span className="muted">
                {' '}
                · {d.lastDeclaredOn ? `last declared ${formatDate(d.lastDeclaredOn)}` : 'never declared'} · re-declares in {MONTH_NAMES[d.month - 1]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more ? <p>And {plural(more, 'more worker')} due, waiting less long than those listed.</p> : null}
    </section>
  );
}
