import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { FormIssue } from './useForm.ts';

interface FormShellProps {
  form: { issues: FormIssue[]; attempt: number };
  onSubmit: () => unknown;
  className?: string;
  children: ReactNode;
}

/** The one way to lay out a form: submit without a page load, problems summarised at the top. */
export function FormShell({ form, onSubmit, className = 'form', children }: FormShellProps) {
  return (
    <Form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <ErrorSummary issues={form.issues} attempt={form.attempt} />
      {children}
    </Form>
  );
}
