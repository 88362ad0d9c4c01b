import { describe, expect, it } from 'vitest';
import { api } from '../api.ts';
import { ContactInput } from './contacts.ts';
import { PersonFields } from './people.ts';
import { cleanLine, cleanLines } from './text.ts';

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
});
