import type { AreaHandlers } from '../handler-types.ts';
import { basename } from 'node:path';
import { readingFile, writingFile } from '../files/file-source.ts';
import { exportSpocList, generatedDocumentsPage, openDocument, producibleRecords, templatesState, useTemplate } from './service.ts';
import { checkSpocList } from './spoc-list.ts';

/** Word records need docxtemplater and pizzip (large): they load with the first record made or template checked. */
const wordRecords = () => import('./word-records.ts');

export const documentHandlers: AreaHandlers<'documents'> = {
  'documents.producible': (session, page) => producibleRecords(session.database.db, page),
  'documents.createRecord': async (session, input) => (await wordRecords()).createMeetingRecord(session.database.writeContext, input),
  'documents.exportRecord': async (session, { path, replace, ...input }) => (await wordRecords()).exportRecord(session.database.writeContext, input, { path, replace, database: session.database.path }),
  'documents.list': (session, query) => generatedDocumentsPage(session.database.db, query),
  'documents.open': (session, { id }) => openDocument(session.database.db, id, session.openFile),
  'documents.templates': (session) => templatesState(session.database.db),
  'documents.checkTemplate': (session, { kind, ...file }) =>
    readingFile(session.transfers, file, 'template', async (path) => (await wordRecords()).checkTemplateFile(kind, path), () => false),
  'documents.loadTemplate': (session, { kind, ...file }) =>
    readingFile(session.transfers, file, 'template', async (path) => (await wordRecords()).loadTemplate(session.database.writeContext, kind, path), () => true),
  'documents.useTemplate': (session, { kind, id }) => useTemplate(session.database.writeContext, kind, id),
  'documents.checkSpocList': (session, { validFrom }) => checkSpocList(session.database.db, validFrom),
  'documents.exportSpocList': (session, { path: given, download, ...input }) =>
    writingFile(session.transfers, { path: given, download }, `SPOC contact list ${input.validFrom}.xlsx`, (path) =>
      // A download is recorded by its name alone: where the browser put it is not LinkDesk's to know.
      exportSpocList(session.database.writeContext, { ...input, path }, session.database.path, download ? basename(path) : undefined),
    ),
};
