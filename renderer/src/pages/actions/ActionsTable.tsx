import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { ACTION_SOURCE_LABELS, ActionReassignInput, type Action } from '../../../../shared/domain/actions.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate } from '../../format.ts';
import { MarkDoneButton } from './MarkDoneButton.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const describe = (a: Action) => `${a.about ? `${a.about}: ` : ''}${a.text || ACTION_SOURCE_LABELS[a.source]}`;

/** Refreshes every list an action appears in: the dashboard, the action lists, a contact log. */
export function useActionsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => /^(dashboard|actions|contacts)/.test(String(q.queryKey[0])) });
}

function ReassignForm({ action, onDone }: { action: Action; onDone: (message: string | null) => void }) {
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const form = useForm({ ownerId: '', dueOn: action.dueOn ?? '' });
  const refresh = useActionsRefresh();
  const choices = (people.data ?? []).filter((p) => p.active && p.id !== action.ownerId);
  const submit = async () => {
    const input = { id: action.id, ...form.values };
    if (!form.validate(ActionReassignInput, input)) return;
    try {
      const moved = await invoke('actions.reassign', input);
      await refresh();
      onDone(`Given to ${moved.ownerName ?? 'another worker'}: ${describe(moved)}`);
    } catch (error) {
      form.fail(error, 'ownerId');
    }
  };
  return (
    <section className="card" aria-labelledby="reassign-heading">
      <h2 id="reassign-heading" tabIndex={-1} ref={(h) => h?.focus()}>
        Give “{describe(action)}” to another worker
      </h2>
      <FormShell form={form} onSubmit={submit}>
        <Select
          id={form.idOf('ownerId')} error={form.errorFor('ownerId')}
          label="Worker"
          value={form.values.ownerId || 'none'}
          options={[{ id: 'none', label: 'Choose a worker' }, ...choices.map((p) => ({ id: p.id, label: p.name }))]}
          onChange={(v) => form.set('ownerId', v === 'none' ? '' : v)}
        />
        <DateField {...form.field('dueOn')} label="Due (optional)" hint="Leave as it is to keep the due date" />
        <div className="actions">
          <Button type="submit" className="button">
            Give the action
          </Button>
          <Button className="button button-secondary" onPress={() => onDone(null)}>
            Cancel
          </Button>
        </div>
      </FormShell>
    </section>
  );
}

/** Actions in a table: due day, school, what, owner, and buttons to mark done, open again or give to another worker. */
export function ActionsTable({ actions, caption, today, showOwner = true }: { actions: Action[]; caption: string; today: string; showOwner?: boolean }) {
  const refresh = useActionsRefresh();
  const [reassigning, setReassigning] = useState<Action | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (work: Promise<Action>, said: (a: Action) => string) => {
    setMessage(null);
    work.then(async (a) => {
      await refresh();
      setMessage({ ok: true, text: said(a) });
    }, (error: unknown) => setMessage({ ok: false, text: error instanceof Error ? error.message : 'That did not work. Nothing was changed.' }));
  };
  return (
    <>
      {message ? <Notice kind={message.ok ? 'success' : 'warning'} title={message.text} /> : null}
      {reassigning ? (
        <ReassignForm
          key={reassigning.id}
          action={reassigning}
          onDone={(text) => {
            setReassigning(null);
            if (text) setMessage({ ok: true, text });
          }}
        />
      ) : null}
      {actions.length === 0 ? (
        <p>No actions.</p>
      ) : (
        <TableScroll>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">School</th>
              <th scope="col">Action</th>
              {showOwner ? <th scope="col">Owner</th> : null}
              <th scope="col">Done</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.dueOn ? formatDate(a.dueOn) : 'No date'}
                  {!a.doneOn && a.dueOn && a.dueOn < today ? <strong className="overdue-tag"> Overdue</strong> : null}
                </td>
                <td>
                  <Link to={`/schools/${a.urn}`}>{a.schoolName}</Link>
                </td>
                <td>
                  <Link to={a.link}>{ACTION_SOURCE_LABELS[a.source]}</Link>: {describe(a)}
                  {a.who ? <span className="muted"> ({a.who})</span> : null}
                </td>
                {showOwner ? <td>{a.ownerName ?? 'Nobody yet'}</td> : null}
                <td>{a.doneOn ? `${formatDate(a.doneOn)} by ${a.doneBy ?? ''}` : 'Open'}</td>
                <td className="row-actions">
                  {a.doneOn ? (
                    <Button className="button button-secondary button-small" aria-label={`Open again: ${describe(a)}, ${a.schoolName}`} onPress={() => run(invoke('actions.reopen', { id: a.id }), (x) => `Open again: ${describe(x)}`)}>
                      Open again
                    </Button>
                  ) : (
                    <>
                      <MarkDoneButton label={`Mark done: ${describe(a)}, ${a.schoolName}`} onPress={() => run(invoke('actions.done', { id: a.id }), (x) => `Marked done: ${describe(x)}`)} />{' '}
                      <Button className="button button-secondary button-small" aria-label={`Give to another worker: ${describe(a)}, ${a.schoolName}`} onPress={() => setReassigning(a)}>
                        Give to another worker
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}
