import type { RowsImportResult } from '../../../shared/domain/imports.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { handover } from '../actions/service.ts';
import { readingFile } from '../files/file-source.ts';
import { importConnections, importPeople } from './import.ts';
import { createPerson, deactivatePerson, declareConnection, editPerson, endDeclaredConnection, listPeople, personDetail } from './service.ts';

/** An upload is kept after a preview, and after an import held back by refused rows (the person may yet import the good ones). */
const served = (result: RowsImportResult) => !result.dryRun && (result.applied > 0 || result.rejected.length === 0);

export const peopleHandlers: AreaHandlers<'people' | 'connections'> = {
  'people.list': (session) => listPeople(session.database.writeContext),
  'people.get': (session, { id }) => personDetail(session.database.writeContext, id),
  'people.create': (session, fields) => createPerson(session.database.writeContext, fields),
  'people.update': (session, { id, fields }) => editPerson(session.database.writeContext, id, fields),
  'people.deactivate': (session, { id, activeTo }) => deactivatePerson(session.database.writeContext, id, activeTo),
  'people.handover': (session, input) => handover(session.database.writeContext, input),
  'people.importFile': (session, { dryRun, applyGoodRows, expected, ...file }) =>
    readingFile(session.transfers, file, 'people', (path) => importPeople(session.database.writeContext, path, { dryRun, applyGoodRows, expected }), served),
  'connections.declare': (session, input) => declareConnection(session.database.writeContext, input),
  'connections.end': (session, { id, to }) => endDeclaredConnection(session.database.writeContext, id, to),
  'connections.importFile': (session, { dryRun, applyGoodRows, expected, ...file }) =>
    readingFile(session.transfers, file, 'connections', (path) => importConnections(session.database.writeContext, path, { dryRun, applyGoodRows, expected }), served),
};
