import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { AppInfo } from '../../../shared/api.ts';
import { PersonName } from '../../../shared/domain/team.ts';
import { invoke } from '../api.ts';
import { FormShell } from '../components/FormShell.tsx';
import { Field } from '../components/Field.tsx';
import { OpenFileField } from '../components/FileFields.tsx';
import { Page } from '../components/Page.tsx';
import { useForm } from '../components/useForm.ts';
import { formatDateTime } from '../format.ts';
import { showOpenedDatabase } from './showOpenedDatabase.ts';

const OpenFile = z.object({ path: z.string().trim().min(1, 'Enter the path of the team database file') });
const DemoInput = z.object({ userName: PersonName });

export function StartPage({ info }: { info: AppInfo }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const recent = useQuery({ queryKey: ['recent'], queryFn: () => invoke('recent.list', {}) });
  const identity = useQuery({ queryKey: ['identity'], queryFn: () => invoke('identity.get', {}) });
  const [params] = useSearchParams();
  const openForm = useForm({ path: params.get('path') ?? '' });
  const demoForm = useForm({ userName: '' });
  const demoName = demoForm.valueOr('userName', identity.data?.userName ?? '');

  const unlockPath = (path: string) => navigate(`/unlock?${new URLSearchParams({ path }).toString()}`);

  const openFile = async () => {
    const parsed = openForm.validate(OpenFile);
    if (!parsed) return;
    // Say what is wrong with the file before asking for its passphrase.
    try {
      unlockPath((await invoke('db.inspect', parsed)).path);
    } catch (error) {
      openForm.fail(error, 'path');
    }
  };

  const openDemo = async () => {
    const parsed = demoForm.validate(DemoInput, { userName: demoName });
    if (!parsed) return;
    try {
      await invoke('db.openDemo', parsed);
      await showOpenedDatabase(queryClient, navigate);
    } catch (error) {
      demoForm.fail(error, 'userName');
    }
  };

  return (
    <main className="start" id="main" tabIndex={-1}>
      <Page title="LinkDesk" lead="Schools, link workers, SPOC visits and records for your Dedicated Schools Team, in one encrypted team database on this computer.">
        <section aria-labelledby="recent-heading" className="card">
          <h2 id="recent-heading">Recent team databases</h2>
          {recent.data && recent.data.length > 0 ? (
            <ul className="recent-list">
              {recent.data.map((r) => {
                // Two teams can share a name (a copy, last year's file): the file name tells them apart when heard.
                const which = `${r.teamName}, file ${r.path.split(/[\\/]/).pop() ?? r.path}`;
                return (
                  <li key={r.path}>
                    <div>
                      <strong>{r.teamName}</strong>
                      <span className="path">{r.path}</span>
                      <span className="muted">Last opened {formatDateTime(r.lastOpenedAt)}</span>
                      {!r.exists ? <span className="tag tag-warning">File not found</span> : null}
                    </div>
                    <div className="actions">
                      {r.exists ? (
                        <Button className="button" onPress={() => unlockPath(r.path)} aria-label={`Open ${which}`}>
                          Open
                        </Button>
                      ) : null}
                      <Button
                        className="button button-secondary"
                        aria-label={`Remove from list: ${which}`}
                        onPress={() => void invoke('recent.forget', { path: r.path }).then(() => recent.refetch())}
                      >
                        Remove from list
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>No team database has been opened on this computer yet.</p>
          )}
        </section>

        <div className="two-columns">
          <section aria-labelledby="open-heading" className="card">
            <h2 id="open-heading">Open a team database file</h2>
            <FormShell form={openForm} onSubmit={openFile}>
              <OpenFileField
                id={openForm.idOf('path')}
                label="File path"
                hint="The full path of a .linkdesk file on your laptop or the team's shared drive"
                purpose="database"
                value={{ path: openForm.values.path, upload: null }}
                onChange={(choice) => openForm.set('path', choice.path)}
                onError={(error) => openForm.fail(error, 'path')}
                error={openForm.errorFor('path')}
              />
              <Button type="submit" className="button">
                Continue
              </Button>
            </FormShell>
          </section>

          <section aria-labelledby="create-heading" className="card">
            <h2 id="create-heading">Start a new team</h2>
            <p>Create an encrypted database for your team. You choose the passphrase; keep it safe, as nobody can recover it.</p>
            <Link className="button" to="/create">
              Create a team database
            </Link>
          </section>
        </div>

        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">Try LinkDesk with a demo team</h2>
          <p>
            A fictional team with made-up data, kept at <span className="path">{info.demoPath}</span>. Its passphrase is{' '}
            <code>{info.demoPassphrase}</code>.
          </p>
          <FormShell form={demoForm} onSubmit={openDemo}>
            <Field
              id={demoForm.idOf('userName')}
              label="Your name"
              hint="Recorded against every change you make"
              value={demoName}
              onChange={(v) => demoForm.set('userName', v)}
              error={demoForm.errorFor('userName')}
              width="half"
              autoComplete="name"
            />
            <Button type="submit" className="button button-secondary">
              Open the demo
            </Button>
          </FormShell>
        </section>
      </Page>
    </main>
  );
}
