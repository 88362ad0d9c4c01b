import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { EscalationForm } from './EscalationForm.tsx';

export function NewEscalationPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Page title="Log an escalation" lead="Record the concern as soon as it reaches the team. Children by initials and year group only.">
      <p>
        <Link to="/escalations">Back to the escalation log</Link>
      </p>
      <section className="card" aria-label="The escalation">
        <EscalationForm
          submitLabel="Log the escalation"
          onSubmit={async (input) => {
            const view = await invoke('escalations.raise', input);
            await queryClient.invalidateQueries({ predicate: (q) => /^(escalations|dashboard)/.test(String(q.queryKey[0])) });
            navigate(`/escalations/${view.current.escalationId}?logged=1`);
          }}
        />
      </section>
    </Page>
  );
}
