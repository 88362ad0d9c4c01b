import type { AreaHandlers } from '../handler-types.ts';
import { userPath } from '../paths.ts';
import { setTeamFieldsOfMany } from './bulk.ts';
import { applyGiasImport, previewGiasImport } from './gias-import.ts';
import { importHubs } from './hub-import.ts';
import {
  acknowledgeClosure, addSchool, closeSchool, listSchools, schoolDetail, schoolHubs, setEnhancedSupport, updateSchoolTeamFields,
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
  'schools.setMany': (session, input) => setTeamFieldsOfMany(session.database.writeContext, input),
  'schools.importHubs': (session, { path, dryRun, applyGoodRows, expected }) =>
    importHubs(session.database.writeContext, userPath(path), { dryRun, applyGoodRows, expected }),
  'gias.preview': (session, { path, laCodes }) =>
    session.track('GIAS preview', (report) => previewGiasImport(session.database.writeContext, userPath(path), laCodes, report)),
  'gias.apply': (session, { path, laCodes, applyGoodRows, expected }) =>
    session.track('GIAS import', (report) => applyGiasImport(session.database.writeContext, userPath(path), laCodes, { applyGoodRows, expected }, report)),
};
