import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { selectGeneratedOne } from './repo.ts';
import { checkTemplateFile, createMeetingRecord, exportRecord, exportSpocList, generatedDocumentsPage, loadTemplate, producibleRecords, templatesState, useTemplate } from './service.ts';
import { checkSpocList } from './spoc-list.ts';

export const documentHandlers: AreaHandlers<'documents'> = {
  'documents.producible': (session, page) => producibleRecords(session.database.db, page),
  'documents.createRecord': (session, input) => createMeetingRecord(session.database.writeContext, input),
  'documents.exportRecord': (session, { path, ...input }) => exportRecord(session.database.writeContext, input, path),
  'documents.list': (session, query) => generatedDocumentsPage(session.database.db, query),
  'documents.open': async (session, { id }) => {
    // Only a file LinkDesk recorded can be opened: never a path from the caller.
    const doc = selectGeneratedOne(session.database.db, id);
    if (!doc) throw new AppError('not_found', 'There is no such document.');
    if (!fs.existsSync(doc.path)) throw new AppError('file_not_found', `${doc.path} is no longer there: it was moved or deleted, or the shared drive is not connected.`, { path: doc.path });
    await session.openFile(doc.path);
    return { opened: true };
  },
  'documents.templates': (session) => templatesState(session.database.db),
  'documents.checkTemplate': (_session, { kind, path }) => checkTemplateFile(kind, path),
  'documents.loadTemplate': (session, { kind, path }) => loadTemplate(session.database.writeContext, kind, path),
  'documents.useTemplate': (session, { kind, id }) => useTemplate(session.database.writeContext, kind, id),
  'documents.checkSpocList': (session, { validFrom }) => checkSpocList(session.database.db, validFrom),
  'documents.exportSpocList': (session, input) => exportSpocList(session.database.writeContext, input),
};
