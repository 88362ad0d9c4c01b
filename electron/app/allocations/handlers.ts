import type { AreaHandlers } from '../handler-types.ts';
import { readingFile, writingFile } from '../files/file-source.ts';
import { importAllocations } from './import.ts';
import { saveRefusedRows } from './refused-rows.ts';
import { selectOnDate, selectSchoolHistory, selectWorkerHistory } from './repo.ts';
import { allocate, judgeProposals } from './service.ts';
import { board, coverageGaps, loadReport } from './views.ts';
import { localDay } from '../../../shared/format.ts';

const today = (now: () => Date) => localDay(now());

export const allocationHandlers: AreaHandlers<'allocations'> = {
  'allocations.check': (session, { proposals }) =>
    judgeProposals(session.database.db, proposals).map((j) => ({ urn: j.proposal.urn, schoolName: j.schoolName, findings: j.findings })),
  'allocations.assign': (session, proposal) => allocate(session.database.writeContext, proposal),
  'allocations.board': (session, filter) => board(session.database.db, today(session.now), filter),
  'allocations.load': (session) => loadReport(session.database.db, today(session.now)),
  'allocations.gaps': (session) => coverageGaps(session.database.db, today(session.now)),
  'allocations.schoolHistory': (session, { urn }) => selectSchoolHistory(session.database.db, urn),
  'allocations.workerHistory': (session, { personId }) => selectWorkerHistory(session.database.db, personId),
  'allocations.onDate': (session, { urn, date }) => selectOnDate(session.database.db, urn, date),
  'allocations.importFile': (session, { dryRun, ...file }) =>
    readingFile(session.transfers, file, 'allocations', (path) => importAllocations(session.database.writeContext, path, { dryRun }), () => !dryRun),
  'allocations.saveRefused': (session, { rows, path: given, download, replace }) =>
    writingFile(session.transfers, { path: given, download }, `Refused allocation rows ${today(session.now)}.xlsx`, (path) =>
      saveRefusedRows(rows, { path, replace, database: session.database.path }, today(session.now)),
    ),
};
