import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { PersonForm } from './PersonForm.tsx';

export function NewPersonPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Page title="Add a person">
      <p>
        <Link to="/people">All people</Link>
      </p>
      <div className="card">
        <PersonForm
          submitLabel="Add person"
          onSubmit={async (input) => {
            const person = await invoke('people.create', input);
            await queryClient.invalidateQueries({ queryKey: ['people.list'] });
            navigate(`/people/${person.id}`);
          }}
        />
      </div>
    </Page>
  );
}
