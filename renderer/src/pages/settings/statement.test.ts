import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInline, readStatement, type Block } from './statement.ts';

const STATEMENT = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../docs/accessibility-statement.md'), 'utf8');
const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

describe('the accessibility statement', () => {
  it('has the parts of the GOV.UK model statement: the standard met, known exceptions, how to report a problem, when it was tested', () => {
    const blocks = readStatement(STATEMENT);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Accessibility statement for LinkDesk' });
    expect(headings(blocks)).toEqual(
      expect.arrayContaining(['Compliance status', 'Non-compliance with the accessibility regulations', 'Reporting accessibility problems with this app', 'Enforcement procedure', 'Preparation of this accessibility statement']),
    );
    const text = JSON.stringify(blocks);
    expect(text).toMatch(/(fully|partially) compliant with the/);
    expect(text).toMatch(/last tested on \d{1,2} [A-Z][a-z]{2} \d{4} against the WCAG 2\.2 AA standard/);
  });

  it('matches its compliance status: a partial one lists each exception with the success criterion it fails, a full one says none is known', () => {
    const blocks = readStatement(STATEMENT);
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Non-compliance with the accessibility regulations');
    const next = blocks[at + 1];
    if (JSON.stringify(blocks).includes('partially compliant with the')) {
      expect(next?.kind).toBe('list');
      const items = next?.kind === 'list' ? next.items.map((item) => item.map((part) => part.text).join('')) : [];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item).toMatch(/criteri(on|a) \d\.\d\.\d+/);
    } else {
      expect(next?.kind).toBe('paragraph');
      expect(next?.kind === 'paragraph' ? next.content.map((part) => part.text).join('') : '').toMatch(/^We know of none\./);
    }
  });
});

describe('reading the statement', () => {
  it('joins a list item continued on the next line, and keeps paragraphs apart', () => {
    expect(readStatement('Para one\ncontinues.\n\n- first item\n  goes on\n- second\n\n## Next')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Para one continues.' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'first item goes on' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'heading', level: 2, text: 'Next' },
    ]);
  });

  it('reads bold words and links inside a line', () => {
    expect(readInline('Open **Settings**, then [the EASS](https://www.equalityadvisoryservice.com/).')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'bold', text: 'Settings' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', text: 'the EASS', href: 'https://www.equalityadvisoryservice.com/' },
      { kind: 'text', text: '.' },
    ]);
  });
});
