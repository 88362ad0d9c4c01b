import { describe, expect, it } from 'vitest';
import { api } from '../api.ts';
import { ContactInput } from './contacts.ts';
import { PersonFields } from './people.ts';
import { TeamSettingsPatch } from './team.ts';
import { cleanLine, cleanLines, withoutQuotes } from './text.ts';

const HOSTILE = 'Amy\u0000 Wor\rker\u202Egnp.exe\u2066x\u2069\u0007\u001B[31m\uFEFF\uD800';

describe('text building blocks', () => {
  it('a one-line field loses NUL, bare CR, bidi overrides and isolates, escape codes and half surrogates', () => {
    expect(cleanLine(HOSTILE)).toBe('Amy Wor kergnp.exex[31m\uFFFD');
    expect(cleanLine('Line one\r\nline two\tend')).toBe('Line one line two end');
  });

  it('keeps what people really type: accents, Welsh, right-to-left names with their marks, emoji', () => {
    for (const text of ['Siân Ní Bhriain', 'Ysgol Gymraeg Llundain', 'مريم\u200F Khan', 'Zoë 👩‍👧']) expect(cleanLine(text)).toBe(text);
  });

  it('a multi-line field keeps its newlines, turns a bare CR or CRLF into one, and keeps tabs', () => {
    expect(cleanLines('First\r\nsecond\rthird\n\tfourth\u2028fifth\u0000')).toBe('First\nsecond\nthird\n\tfourth\nfifth');
  });

  it('every API input built from the blocks is cleaned: a worker’s name and a contact’s multi-line summary', () => {
    const person = PersonFields.parse({ name: ` ${HOSTILE} `, role: 'fsw', email: '', phone: '', hub: 'North\u202E', activeFrom: '2026-09-01', activeTo: '', capacity: null });
    expect(person.name).toBe('Amy Wor kergnp.exex[31m\uFFFD');
    expect(person.hub).toBe('North');
    const contact = ContactInput.parse({
      urn: '100000', at: '2026-11-24T09:30', workerId: '7d0c5f7e-7c2b-4a49-9a51-3c2f0d3e5a11', withWhom: 'DSL\r\u0000', direction: 'to_school', channel: 'phone',
      summary: 'Rang about attendance.\r\nWill call back.\u202E',
    });
    expect(contact.withWhom).toBe('DSL');
    expect(contact.summary).toBe('Rang about attendance.\nWill call back.');
  });

  it('a name made only of hidden characters is empty, so it is refused as missing', () => {
    const result = api['db.unlock'].input.safeParse({ path: '/tmp/team.linkdesk', passphrase: 'x', userName: '\u202E\u0000 ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Enter your name');
  });

  it('a path is refused, not silently changed, when it holds a control or bidi character', () => {
    const result = api['visits.exportCalendar'].input.safeParse({ path: '/home/tess/calendar\u202Esci.exe', from: '2026-09-01', to: '2027-08-31' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('control or hidden character');
    expect(api['db.backup'].input.safeParse({ path: '/home/tess/backup\u0000.linkdesk' }).success).toBe(false);
  });

  it('a pasted path loses the quotes around it ("Copy as path"), and a stray one, so no message echoes a quote', () => {
    expect(withoutQuotes('"C:\\Users\\tess\\people.xlsx"')).toBe('C:\\Users\\tess\\people.xlsx');
    expect(withoutQuotes('  \u201C/home/tess/people.csv\u201D ')).toBe('/home/tess/people.csv');
    expect(withoutQuotes("'/home/tess/people.csv")).toBe('/home/tess/people.csv');
    expect(withoutQuotes('/home/tess/Tess\u2019s people.csv')).toBe('/home/tess/Tess\u2019s people.csv');
    const parsed = api['people.importFile'].input.parse({ path: '"C:\\Users\\tess\\people.xlsx"' });
    expect(parsed.path).toBe('C:\\Users\\tess\\people.xlsx');
    const empty = api['people.importFile'].input.safeParse({ path: '""' });
    expect(empty.error?.issues).toEqual([expect.objectContaining({ path: ['path'], message: 'Enter a file path' })]);
    expect(api['people.importFile'].input.safeParse({}).error?.issues).toEqual([expect.objectContaining({ path: ['path'], message: 'Choose the file, or enter its full path' })]);
    expect(TeamSettingsPatch.parse({ teamFolder: '"\\\\council\\shared\\Team"' }).teamFolder).toBe('\\\\council\\shared\\Team');
  });

  it('an import reads a path or an upload, exactly one', () => {
    const upload = 'a'.repeat(43);
    expect(api['gias.preview'].input.safeParse({ upload }).success).toBe(true);
    expect(api['gias.preview'].input.safeParse({}).error?.issues[0]).toMatchObject({ path: ['path'], message: 'Choose the GIAS file, or enter its full path' });
    expect(api['gias.preview'].input.safeParse({ upload, path: '/tmp/x.csv' }).error?.issues[0]?.message).toBe('Give the file’s path or upload it, not both');
    expect(api['gias.preview'].input.safeParse({ upload: '../../etc/passwd' }).success).toBe(false);
    expect(api['documents.exportSpocList'].input.safeParse({ validFrom: '2026-09-01', download: true }).success).toBe(true);
    expect(api['documents.exportSpocList'].input.safeParse({ validFrom: '2026-09-01' }).error?.issues[0]?.message).toBe('Enter where to save the .xlsx file');
  });
});
