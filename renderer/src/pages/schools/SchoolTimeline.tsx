import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { z } from 'zod';
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, type TimelineCursor, type TimelineEntry, type TimelineKind } from '../../../../shared/domain/timeline.ts';
import { invoke } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDate, formatDateTime, todayLocal } from '../../format.ts';
import { Link } from 'react-router';

const Range = z
  .object({
    from: z.union([z.literal(''), z.iso.date('Enter the first day, such as 1/9/2026')]),
    to: z.union([z.literal(''), z.iso.date('Enter the last day, such as 18/12/2026')]),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The end of the range cannot be before its start', path: ['to'] });

const whenOf = (at: string) => (at.length > 10 ? formatDateTime(at) : formatDate(at));

/**
 * The school's story, newest first: every kind of entry unless the filters say otherwise, read a
 * page at a time (the main process answers a page after the last entry shown).
 */
export function SchoolTimeline({ urn }: { urn: string }) {
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const [range, setRange] = useState({ from: '', to: '' });
  const form = useForm({ from: '', to: '' });
  const query = useInfiniteQuery({
    queryKey: ['schools.timeline', urn, kinds, range],
    queryFn: ({ pageParam }) =>
      invoke('schools.timeline', {
        urn,
        kinds,
        ...(range.from ? { from: range.from } : {}),
        ...(range.to ? { to: range.to } : {}),
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as TimelineCursor | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
    enabled: kinds.length > 0,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const applyRange = () => {
    const parsed = form.validate(Range);
    if (parsed) setRange(parsed);
  };
  const filtered = kinds.length < TIMELINE_KINDS.length || range.from || range.to;

  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">The school’s story</h2>
      <div className="timeline-filters">
        <CheckboxGroup className="field checkbox-group" value={kinds} onChange={(v) => setKinds(v as TimelineKind[])}>
          <Label className="field-label">Show</Label>
          {TIMELINE_KINDS.map((k) => (
            <Checkbox key={k} value={k} className="checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {TIMELINE_KIND_LABELS[k]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <FormShell form={form} onSubmit={applyRange} className="form date-row">
          <DateField {...form.field('from')} label="From (optional)" />
          <DateField {...form.field('to')} label="To (optional)" />
          <Button type="submit" className="button button-secondary file-field-button">
            Show these dates
          </Button>
        </FormShell>
      </div>
      <p className="muted" role="status">
        {kinds.length === 0
          ? 'Choose at least one kind of entry to show.'
          : query.isPending
            ? 'Loading…'
            : entries.length === 0
              ? filtered
                ? 'Nothing of these kinds in these dates.'
                : 'Nothing recorded for this school yet.'
              : `Showing the newest ${entries.length}${query.hasNextPage ? '' : ` (all there are${filtered ? ' of these' : ''})`}.`}
      </p>
      {kinds.length > 0 && entries.length > 0 ? (
        <ol className="timeline" aria-label="The school’s story, newest first">
          {entries.map((e) => (
            <TimelineItem key={e.key} entry={e} />
          ))}
        </ol>
      ) : null}
      {kinds.length > 0 && query.hasNextPage ? (
        // Not disabled while loading: a disabled button would drop the keyboard focus.
        <Button className="button button-secondary" onPress={() => void (query.isFetchingNextPage ? null : query.fetchNextPage())}>
          {query.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
        </Button>
      ) : null}
    </section>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const queryClient = useQueryClient();
  const followUp = entry.followUp;
  const markDone = async (contactId: string) => {
    await invoke('contacts.completeFollowUp', { id: contactId, on: todayLocal() });
    await queryClient.invalidateQueries({ predicate: (q) => /^(contacts|dashboard|schools\.timeline)/.test(String(q.queryKey[0])) });
  };
  return (
    <li className="timeline-entry">
      <p className="timeline-when">
        {whenOf(entry.at)}
        <span className="timeline-kind">{TIMELINE_KIND_LABELS[entry.kind]}</span>
      </p>
      <div>
        <p className="timeline-title">{entry.link ? <Link to={entry.link}>{entry.title}</Link> : entry.title}</p>
        {entry.detail ? <p className="timeline-detail">{entry.detail}</p> : null}
        {followUp ? (
          <p className="timeline-detail">
            Follow-up: {followUp.text}
            {followUp.due ? ` (due ${formatDate(followUp.due)})` : ''}
            {followUp.doneOn ? <span className="muted"> Done {formatDate(followUp.doneOn)}</span> : null}
            {!followUp.doneOn ? (
              <>
                {' '}
                <Button className="button button-secondary" aria-label={`Mark done: the follow-up “${followUp.text}”`} onPress={() => void markDone(followUp.contactId)}>
                  Mark done
                </Button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </li>
  );
}
