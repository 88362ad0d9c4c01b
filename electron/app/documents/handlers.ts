import type { AreaHandlers } from '../handler-types.ts';
import { checkTemplateFile, createMeetingRecord, exportRecord, exportSpocList, generatedDocumentsPage, loadTemplate, openDocument, producibleRecords, templatesState, useTemplate } from './service.ts';
import { checkSpocList } from './spoc-list.ts';

export const documentHandlers: AreaHandlers<'documents'> = {
  'documents.producible': (session, page) => producibleRecords(session.database.db, page),
  'documents.createRecord': (session, input) => createMeetingRecord(session.database.writeContext, input),
  'documents.exportRecord': (session, { path, replace, ...input }) => exportRecord(session.database.writeContext, input, { path, replace, database: session.database.path }),
  'documents.list': (session, query) => generatedDocumentsPage(session.database.db, query),
  'documents.open': (session, { id }) => openDocument(session.database.db, id, session.openFile),
  'documents.templates': (session) => templatesState(session.database.db),
  'documents.checkTemplate': (_session, { kind, path }) => checkTemplateFile(kind, path),
  'documents.loadTemplate': (session, { kind, path }) => loadTemplate(session.database.writeContext, kind, path),
  'documents.useTemplate': (session, { kind, id }) => useTemplate(session.database.writeContext, kind, id),
  'documents.checkSpocList': (session, { validFrom }) => checkSpocList(session.database.db, validFrom),
  'documents.exportSpocList': (session, input) => exportSpocList(session.database.writeContext, input, session.database.path),
};
