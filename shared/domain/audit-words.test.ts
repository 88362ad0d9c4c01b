import { describe, expect, it } from 'vitest';
import { describeAudit } from './audit-words.ts';

const say = (entity: string, action: string, summary: string | null = null) => describeAudit({ entity, action, summary });

describe('the audit log in words', () => {
  it('says what happened without identifiers or enum values', () => {
    expect(say('visit', 'status-pro_forma_returned')).toBe('Visit: pro forma returned');
    expect(say('visit', 'plan', '2026-27 autumn')).toBe('Visit planned – Autumn term 2026-27');
    expect(say('connection', 'declare', 'kind own_child_attends')).toBe('Connection declared – Own child attends');
    expect(say('school', 'update', 'Changed: hub, dslName, dslEmail, mainContact')).toBe('School details changed – Changed: hub, DSL name, DSL email, main contact');
    expect(say('person', 'update', 'Changed: activeFrom, level3Plans')).toBe('Person’s details changed – Changed: active from, Level 3 plans');
    expect(say('contact', 'log', 'in_person')).toBe('Contact logged – In person');
    expect(say('allocation', 'assign', 'named; warnings overridden: over_capacity, hub_mismatch')).toBe('Link worker allocated – named link worker (SPOC); warnings overridden: over capacity, another hub');
    expect(say('document-template', 'load', 'visit_record: Our letterhead.docx')).toBe('Meeting record template loaded – SPOC visit record: Our letterhead.docx');
  });

  it('gets the plural right, also in rows written before it was fixed', () => {
    expect(say('visit-record', 'write', '1 children reviewed')).toBe('Visit record written – 1 child reviewed');
    expect(say('visit-record', 'write', '3 children reviewed')).toBe('Visit record written – 3 children reviewed');
    expect(say('school', 'close', 'ended 1 allocations')).toBe('School closed – ended 1 allocation');
  });

  it('writes dates in a summary the UK way', () => {
    expect(say('inset-day', 'add', '2026-10-16')).toBe('INSET day added – 16 Oct 2026');
    expect(say('panel', 'generate-meetings', '3 meetings from 2026-09-07 to 2026-12-18')).toBe('Panel meetings planned – 3 meetings from 7 Sep 2026 to 18 Dec 2026');
  });

  it('says a summary that only repeats what happened once', () => {
    expect(say('team', 'create', 'Team database created')).toBe('Team database created');
    expect(say('settings', 'update', 'Changed: teamName, idleLockMinutes')).toBe('Team settings changed – Changed: team name, minutes before locking');
  });

  it('says what happened to an action and a handover', () => {
    expect(say('action', 'done', 'escalation')).toBe('Action marked done – Escalation outcome to chase');
    expect(say('action', 'reopen', 'contact')).toBe('Action opened again – Contact follow-up');
    expect(say('action', 'reassign', 'owner and due date')).toBe('Action given to another worker – owner and due date');
    expect(say('person', 'handover', '2 roles and 3 open actions moved; 1 school held back')).toBe('Leaver’s work handed over – 2 roles and 3 open actions moved; 1 school held back');
  });

  it('says an applied allocation plan with its objective, and a worker’s base', () => {
    expect(say('allocation-plan', 'apply', '12 schools from 2026-09-01; objective 310.5 (highs)')).toMatch(/^Allocation plan applied – 12 schools from/);
    expect(say('person', 'set-base', 'at a school')).toBe('Worker’s base set – at a school');
  });

  it('says an annual declaration, a worker’s month and an overridden out-of-date declaration', () => {
    expect(say('declaration', 'record', 'Nothing to declare')).toBe('Annual declaration of connections recorded – Nothing to declare');
    expect(say('person', 'set-declaration-month', 'March')).toBe('Month of a worker’s annual declaration set – March');
    expect(say('allocation', 'assign', 'named; warnings overridden: declaration_out_of_date')).toBe('Link worker allocated – named link worker (SPOC); warnings overridden: annual declaration out of date');
    expect(say('settings', 'update', 'Changed: declarationMonth')).toBe('Team settings changed – Changed: month of the annual declarations');
  });

  it('still says something readable for an entry it has no words for', () => {
    expect(say('future-thing', 'made-up')).toBe('Future thing: made up');
  });
});
