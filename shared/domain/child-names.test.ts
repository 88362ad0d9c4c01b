import { describe, expect, it } from 'vitest';
import { consultationFindings, likelyNamesIn, loadForenames, unconfirmedFindings, visitRecordFindings } from './child-names.ts';

const names = await loadForenames();

describe('likely full names in free text', () => {
  it('finds a forename followed by a capitalised word, once, as typed', () => {
    expect(likelyNamesIn('Jack Brown missed 12 sessions; Jack Brown’s sister Olivia O’Neill too.', names)).toEqual(['Jack Brown', 'Olivia O’Neill']);
    expect(likelyNamesIn('Spoke to Amelia Smith-Jones about the move.', names)).toEqual(['Amelia Smith-Jones']);
  });

  it('leaves a first name alone, a titled adult, schools, places, roles and everyday phrases', () => {
    const text = [
      'Jack was absent on Monday.', 'Mrs Sarah Hall agreed.', 'Grace Darling Academy will take him.', 'Met at Hope Street.',
      'Early Help assessment offered.', 'Fair Access panel in May Half Term.', 'JB Y4 to see the SENCO.', 'Emily (DSL) to call home.', 'Jack\nBrown on two lines.',
    ].join(' ');
    expect(likelyNamesIn(text, names)).toEqual([]);
  });

  it('leaves the adults the record names', () => {
    expect(likelyNamesIn('Amira Khan to call the family.', names, ['Amira Khan (SPOC)'])).toEqual([]);
    expect(likelyNamesIn('Amira Khan to call the family.', names)).toEqual(['Amira Khan']);
  });
});

describe('the findings of a record', () => {
  const record = {
    schoolAttendees: 'Sarah Hall (DSL)', teamAttendees: 'Amira Khan (SPOC)',
    children: [{ child: { initials: 'Jack Brown' }, action: 'Sarah Hall to refer', who: 'Sarah Hall' }, { child: { initials: 'KT' }, action: 'Call Lily Evans’ mother', who: null }],
    otherIssues: 'None', managedMovesAgreed: null,
  };

  it('lists a reference that looks like a name and a name in the notes, by field', () => {
    expect(visitRecordFindings(record, names)).toEqual([
      { field: 'children.0.child.initials', label: 'Child 1: initials', text: 'Jack Brown', kind: 'reference' },
      { field: 'children.1.action', label: 'Child 2: action', text: 'Lily Evans', kind: 'free_text' },
    ]);
  });

  it('leaves nothing once each is confirmed, whatever the case or spacing', () => {
    const findings = visitRecordFindings(record, names);
    expect(unconfirmedFindings(findings, ['jack  brown'])).toHaveLength(1);
    expect(unconfirmedFindings(findings, ['Jack Brown', 'Lily Evans'])).toEqual([]);
  });

  it('checks a consultation’s notes and actions, not its attendees', () => {
    const found = consultationFindings({ requestedBy: 'Sarah Hall', attendees: [{ name: 'Tom Reed' }], notes: { attendance: 'Tom Reed said Noah Patel is at risk.' }, children: [{ initials: 'NP' }], actions: 'None' }, names, { attendance: 'Attendance' });
    expect(found).toEqual([{ field: 'notes.attendance', label: 'Notes: Attendance', text: 'Noah Patel', kind: 'free_text' }]);
  });
});
