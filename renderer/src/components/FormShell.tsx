import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { FormIssue } from './useForm.ts';

interface FormShellProps {
  form: { issues: FormIssue[]; attempt: number };
  onSubmit: () => unknown;
  className?: string;
  /** Set false for a form with no fields to fill (a lone button); every other form says the convention once. */
  requiredNote?: boolean;
  children: ReactNode;
}

/** Said once at the top of every form (WCAG 3.3.2): optional fields carry "(optional)" in their labels. */
export const REQUIRED_NOTE = 'All fields are required unless marked (optional).';

/** The one way to lay out a form: submit without a page load, problems summarised at the top. */
export function FormShell({ form, onSubmit, className = 'form', requiredNote = true, children }: FormShellProps) {
  return (
    <Form
      className={className}
      // The app validates with zod and shows its own summary; the browser's bubbles never appear.
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <ErrorSummary issues={form.issues} attempt={form.attempt} />
      {requiredNote ? <p className="hint required-note">{REQUIRED_NOTE}</p> : null}
      {children}
    </Form>
  );
}
