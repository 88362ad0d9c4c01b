/**
 * The first-run checklist: the steps that set up a new team database, each worked out from the
 * database itself (so a step ticks itself when its screen, the command line or an import did
 * it), with the screen that does it. The dashboard shows it until every step that is not
 * optional is done.
 */
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../../../shared/domain/documents.ts';
import { countOf, type FirstRunChecklist, type FirstRunStep } from '../../../shared/domain/first-run.ts';
import type { Connection } from '../db/cipher.ts';
import { getTeam } from '../team/service.ts';
import { selectOwnTemplateKinds, selectSetUpCounts } from './repo.ts';

export function firstRunChecklist(db: Connection, today: string): FirstRunChecklist {
  const c = selectSetUpCounts(db, today);
  const { teamFolder } = getTeam(db).settings;
  const ownTemplates = selectOwnTemplateKinds(db).map((k) => TEMPLATE_KIND_LABELS[k as TemplateKind] ?? k);
  const allocated = c.openSchools - c.withoutNamed;
  const steps: FirstRunStep[] = [
    {
      id: 'schools',
      title: 'Import your schools',
      detail: c.openSchools ? `${countOf(c.openSchools, 'open school')}.` : 'No schools yet: import the file from Get Information About Schools (GIAS).',
      done: c.openSchools > 0,
      optional: false,
      link: '/schools/import',
      action: 'Import schools from GIAS',
    },
    {
      id: 'people',
      title: 'Add your people and their declared connections',
      detail: c.people
        ? `${countOf(c.people, 'person', 'people')}, ${c.connections ? countOf(c.connections, 'declared connection') : 'no declared connections yet'}.`
        : 'Nobody yet: import the team’s workers, then the connections they declared (a child at a school, a governor…).',
      done: c.people > 0,
      optional: false,
      link: '/people/import',
      action: 'Import people',
    },
    {
      id: 'schoolYear',
      title: 'Enter the school year',
      detail: c.schoolYear ? `School year ${c.schoolYear} entered.` : 'No school year to come: enter its terms, or import the council’s term dates.',
      done: c.schoolYear !== null,
      optional: false,
      link: '/settings?section=calendar',
      action: 'Enter the school year',
    },
    {
      id: 'teamFolder',
      title: 'Set the team folder',
      detail: teamFolder ? `Meeting records are saved in ${teamFolder}.` : 'Not set yet: the folder (often on the shared drive) where meeting records are saved, a folder per school.',
      done: teamFolder !== '',
      optional: false,
      link: '/settings?section=team',
      action: 'Set the team folder',
    },
    {
      id: 'templates',
      title: 'Load your meeting record templates (optional)',
      detail: ownTemplates.length ? `Your own template for the ${ownTemplates.join(' and the ')}.` : 'Using LinkDesk’s own templates: load your letterhead’s if you have one.',
      done: ownTemplates.length > 0,
      optional: true,
      link: '/settings?section=templates',
      action: 'Load a template',
    },
    {
      id: 'allocations',
      title: 'Allocate a named link worker (SPOC) to every school',
      detail: c.openSchools ? `${allocated.toLocaleString('en-GB')} of ${countOf(c.openSchools, 'open school')} ${allocated === 1 ? 'has' : 'have'} a named link worker.` : 'Import the schools first.',
      done: c.openSchools > 0 && c.withoutNamed === 0,
      optional: false,
      link: '/allocations',
      action: 'Allocate link workers',
    },
  ];
  return { steps, complete: steps.every((s) => s.done || s.optional) };
}
