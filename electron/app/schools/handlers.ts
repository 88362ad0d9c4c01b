import type { AreaHandlers } from '../handler-types.ts';
import { readingFile } from '../files/file-source.ts';
import { schoolTimeline } from '../timeline/service.ts';
import { setTeamFieldsOfMany } from './bulk.ts';
import { applyGiasImport, previewGiasImport } from './gias-import.ts';
import { importHubs } from './hub-import.ts';
import {
  acknowledgeClosure, addSchool, closeSchool, listSchools, schoolDetail, schoolHubs, setEnhancedSupport, setSchoolScope, updateSchoolTeamFields,
} from './service.ts';

export const schoolHandlers: AreaHandlers<'schools' | 'gias'> = {
  'schools.list': (session, query) => listSchools(session.database.db, query),
  'schools.hubs': (session) => schoolHubs(session.database.db),
  'schools.get': (session, { urn }) => schoolDetail(session.database.db, urn),
  'schools.create': (session, input) => addSchool(session.database.writeContext, input),
  'schools.updateTeamFields': (session, { urn, fields }) => updateSchoolTeamFields(session.database.writeContext, urn, fields),
  'schools.setEnhancedSupport': (session, { urn, support }) => setEnhancedSupport(session.database.writeContext, urn, support),
  'schools.close': (session, { urn, closedOn }) => closeSchool(session.database.writeContext, urn, closedOn),
  'schools.acknowledgeClosure': (session, { urn }) => acknowledgeClosure(session.database.writeContext, urn),
  'schools.setInScope': (session, { urn, inScope }) => setSchoolScope(session.database.writeContext, urn, inScope),
  'schools.timeline': (session, query) => schoolTimeline(session.database.db, query),
  'schools.setMany': (session, input) => setTeamFieldsOfMany(session.database.writeContext, input),
  'schools.importHubs': (session, { dryRun, applyGoodRows, expected, ...file }) =>
    readingFile(session.transfers, file, 'hubs', (path) => importHubs(session.database.writeContext, path, { dryRun, applyGoodRows, expected }), (result) => !dryRun && result.applied > 0),
  'gias.preview': (session, { laCodes, ...file }) =>
    readingFile(session.transfers, file, 'gias', (path) => session.track('GIAS preview', (report) => previewGiasImport(session.database.writeContext, path, laCodes, report)), () => false),
  'gias.apply': (session, { laCodes, applyGoodRows, expected, ...file }) =>
    readingFile(
      session.transfers,
      file,
      'gias',
      (path) => session.track('GIAS import', (report) => applyGiasImport(session.database.writeContext, path, laCodes, { applyGoodRows, expected }, report)),
      (result) => result.applied,
    ),
};
