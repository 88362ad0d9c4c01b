import type { AreaHandlers } from '../handler-types.ts';
import { userPath } from '../paths.ts';
import { importConnections, importPeople } from './import.ts';
import { createPerson, deactivatePerson, declareConnection, editPerson, endDeclaredConnection, listPeople, personDetail } from './service.ts';

export const peopleHandlers: AreaHandlers<'people' | 'connections'> = {
  'people.list': (session) => listPeople(session.database.writeContext),
  'people.get': (session, { id }) => personDetail(session.database.writeContext, id),
  'people.create': (session, fields) => createPerson(session.database.writeContext, fields),
  'people.update': (session, { id, fields }) => editPerson(session.database.writeContext, id, fields),
  'people.deactivate': (session, { id, activeTo }) => deactivatePerson(session.database.writeContext, id, activeTo),
  'people.importFile': (session, { path, dryRun, applyGoodRows }) => importPeople(session.database.writeContext, userPath(path), { dryRun, applyGoodRows }),
  'connections.declare': (session, input) => declareConnection(session.database.writeContext, input),
  'connections.end': (session, { id, to }) => endDeclaredConnection(session.database.writeContext, id, to),
  'connections.importFile': (session, { path, dryRun, applyGoodRows }) =>
    importConnections(session.database.writeContext, userPath(path), { dryRun, applyGoodRows }),
};
