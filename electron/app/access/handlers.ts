/** The `access.*` API methods: who has access to the open database (service.ts). */
import { AppError } from '../../../shared/errors.ts';
import type { AreaHandlers } from '../handler-types.ts';
import type { AppSession } from '../session.ts';
import { addPerson, listAccess, reencryptDatabase, removePerson, turnOnPerPersonAccess } from './service.ts';

/** A re-encryption swaps the file; an import holding the connection across awaits must finish first. */
function quiet(session: AppSession): void {
  if (session.progress) throw new AppError('invalid_input', `Wait for the ${session.progress.task} running now to finish.`);
}

export const accessHandlers: AreaHandlers<'access'> = {
  'access.list': (session) => listAccess(session.database),
  'access.enable': (session, { passphrase }) => {
    quiet(session);
    return turnOnPerPersonAccess(session.database, passphrase);
  },
  'access.add': (session, { name, passphrase }) => addPerson(session.database, name, passphrase),
  'access.remove': (session, { name, reencrypt }) => {
    quiet(session);
    return removePerson(session.database, name, { reencrypt });
  },
  'access.reencrypt': (session) => {
    quiet(session);
    return reencryptDatabase(session.database);
  },
};
