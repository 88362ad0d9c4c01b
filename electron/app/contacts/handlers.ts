import { dashboard } from '../dashboard/service.ts';
import { firstRunChecklist } from '../first-run/service.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { selectContactsOfSchool } from './repo.ts';
import { completeFollowUp, logContact } from './service.ts';
import { localDay } from '../../../shared/format.ts';

export const contactHandlers: AreaHandlers<'contacts' | 'dashboard'> = {
  'contacts.log': (session, input) => logContact(session.database.writeContext, input),
  'contacts.forSchool': (session, { urn }) => selectContactsOfSchool(session.database.db, urn),
  'contacts.completeFollowUp': (session, { id, on }) => completeFollowUp(session.database.writeContext, id, on),
  'dashboard.get': (session) => dashboard(session.database.db, localDay(session.now()), session.now()),
  'dashboard.firstRun': (session) => firstRunChecklist(session.database.db, localDay(session.now())),
};
