/** The contact log: append a contact, list a school's, and close its follow-up. Contacts are never edited or deleted. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Contact, ContactInput } from '../../../shared/domain/contacts.ts';
import { AppError } from '../../../shared/errors.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requirePerson } from '../people/service.ts';
import { requireSchool } from '../schools/service.ts';
import { addContactFollowUp, closeContactFollowUp } from '../actions/sync.ts';
import { insertContact, markFollowUpDone, selectContact } from './repo.ts';
import { localDay } from '../../../shared/format.ts';

export function logContact(ctx: WriteContext, input: z.output<typeof ContactInput>): Contact {
  requireSchool(ctx.db, input.urn);
  requirePerson(ctx.db, input.workerId);
  const now = ctx.now();
  if (input.at.slice(0, 10) > localDay(now)) {
    throw new AppError('invalid_input', 'A contact cannot be in the future.', { issues: [{ path: 'at', message: 'In the future' }] });
  }
  const id = randomUUID();
  write(ctx, (audit) => {
    insertContact(ctx.db, { id, ...input, followUpDoneOn: null, recordedBy: ctx.actor }, now.toISOString());
    addContactFollowUp(ctx.db, { id, ...input }, now.toISOString());
    audit('contact', id, 'log', input.channel);
  });
  const saved = selectContact(ctx.db, id);
  if (!saved) throw new AppError('internal', 'The contact was not saved.');
  return saved;
}

export function completeFollowUp(ctx: WriteContext, id: string, on: string): Contact {
  const contact = selectContact(ctx.db, id);
  if (!contact?.followUpDue) throw new AppError('not_found', 'There is no such follow-up.');
  write(ctx, (audit) => {
    markFollowUpDone(ctx.db, id, on);
    closeContactFollowUp(ctx.db, id, on, ctx.actor);
    audit('contact', id, 'follow-up-done');
  });
  return { ...contact, followUpDoneOn: on };
}
