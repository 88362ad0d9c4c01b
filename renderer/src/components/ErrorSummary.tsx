import { useEffect, useId, useRef } from 'react';
import type { FormIssue } from './useForm.ts';

/** GOV.UK-style summary at the top of a form; takes focus so screen readers hear it. */
export function ErrorSummary({ issues, attempt }: { issues: FormIssue[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (issues.length > 0) ref.current?.focus();
  }, [issues, attempt]);
  if (issues.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>There is a problem</h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.path}-${index}`}>
            {issue.fieldIds?.length ? (
              <a
                href={`#${issue.fieldIds[0] ?? ''}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = (issue.fieldIds ?? []).map((id) => document.getElementById(id)).find((el) => el !== null);
                  target?.focus();
                }}
              >
                {issue.message}
              </a>
            ) : (
              issue.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
