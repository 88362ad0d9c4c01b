import type { AreaHandlers } from '../handler-types.ts';
import { consultations, recordConsultation, schoolsWithoutNurseThisTerm, updateConsultation, visitRecord, visitRecordVersions, writeVisitRecord } from './service.ts';
import { localDay } from '../../../shared/format.ts';
import { loadForenames } from '../../../shared/domain/child-names.ts';

export const recordHandlers: AreaHandlers<'records' | 'consultations'> = {
  'records.visitGet': (session, { visitId, version }) => visitRecord(session.database.db, visitId, version),
  'records.visitVersions': (session, { visitId }) => visitRecordVersions(session.database.db, visitId),
  'records.visitWrite': async (session, input) => writeVisitRecord(session.database.writeContext, input, await loadForenames()),
  'consultations.record': async (session, input) => recordConsultation(session.database.writeContext, input, await loadForenames()),
  'consultations.update': async (session, input) => updateConsultation(session.database.writeContext, input, await loadForenames()),
  'consultations.list': (session, { urn }) => consultations(session.database.db, urn),
  'consultations.withoutNurse': (session) => schoolsWithoutNurseThisTerm(session.database.db, localDay(session.now())),
};
