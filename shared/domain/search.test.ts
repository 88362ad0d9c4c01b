import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterBySearch, foldForSearch, matchesSearch, searchTerms } from './search.ts';

/** Every apostrophe and quote the folding removes, as people's keyboards, Word and GIAS write them. */
const QUOTE_MARKS = ["'", '’', '‘', '‚', '‛', '`', '´', '′', '″', '"', '“', '”', '„', '«', '»', '‹', '›', 'ʼ', 'ʻ', 'ˈ', '＇', '＂'];
const SEPARATORS = [' ', '  ', '-', ' - ', '‐', '‑', '–', '—', '−', '\u00A0', '\t', '\n', '_', '/'];
const COMBINING = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030A', '\u0327', '\u0328', '\u030C'];

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
/** A plain word that is not "saint" (which folds to "st"). */
const word = fc.string({ unit: letter, minLength: 1, maxLength: 10 }).filter((w) => w.toLowerCase() !== 'saint');
const words = fc.array(word, { minLength: 1, maxLength: 6 });
/** Text as names are written: accented letters, quotes, dashes, full stops, any case. */
const nameLike = fc.string({
  unit: fc.constantFrom(...'abcdeéèêëfghiíïjklmnñoóöpqrstuúüvwxyzçåøæßœ ABCÉÇÅØ0123-.,’\'"()&', ...QUOTE_MARKS, ...SEPARATORS),
  maxLength: 40,
});
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

const property = <T>(arb: fc.Arbitrary<T>, check: (value: T) => void) => fc.assert(fc.property(arb, check), { numRuns: 500 });

describe('folding what people type and what GIAS writes', () => {
  it('finds the examples people gave: St Peter’s, Café, St. and Saint, hyphens', () => {
    expect(foldForSearch('St Peter’s CE Primary School')).toBe('st peters ce primary school');
    expect(foldForSearch("st peter's")).toBe('st peters');
    expect(foldForSearch('Café')).toBe('cafe');
    expect(foldForSearch('ÉCOLE FRANÇAISE')).toBe('ecole francaise');
    expect(foldForSearch('St. Mary’s')).toBe(foldForSearch('Saint Marys'));
    expect(foldForSearch('All Saints')).toBe('all saints');
    expect(foldForSearch('Pen-y-Garth  Sixth–Form')).toBe('pen y garth sixth form');
    expect(foldForSearch('Straße Œuvre Ørsted Łódź')).toBe('strasse oeuvre orsted lodz');
    expect(foldForSearch(' ’ " — ')).toBe('');
  });

  it('is idempotent, lower case, unaccented and single-spaced for any text at all', () => {
    property(anyText, (text) => {
      const folded = foldForSearch(text);
      expect(foldForSearch(folded)).toBe(folded);
      expect(folded).toBe(folded.toLowerCase());
      expect(folded).not.toMatch(/\p{M}|\s\s|^\s|\s$|[^\p{L}\p{N} ]/u);
    });
  });

  it('folds plain ASCII text on its fast path exactly as the full Unicode folding does', () => {
    // A trailing curly apostrophe sends the text down the Unicode path and is itself removed.
    property(fc.string({ unit: fc.constantFrom(...' abcSsTtaInN-.\'"`^(),&/_0123'.split('')), maxLength: 30 }), (text) => {
      expect(foldForSearch(text)).toBe(foldForSearch(`${text}’`));
    });
    for (const text of ['Saint', 'SAINT JOHN', 'All Saints', 'saint-saint', 'saintly', "St. Mary's", '^`"']) expect(foldForSearch(text)).toBe(foldForSearch(`${text}’`));
  });

  it('ignores case', () => {
    property(nameLike, (text) => {
      expect(foldForSearch(text.toUpperCase())).toBe(foldForSearch(text));
      expect(foldForSearch(text.toLowerCase())).toBe(foldForSearch(text));
    });
  });

  it('ignores accents: letters with combining marks fold to the plain letters', () => {
    const accented = fc.array(fc.tuple(letter, fc.array(fc.constantFrom(...COMBINING), { maxLength: 2 })), { minLength: 1, maxLength: 12 });
    property(accented, (pairs) => {
      const plain = pairs.map(([l]) => l).join('');
      fc.pre(plain.toLowerCase() !== 'saint');
      const marked = pairs.map(([l, marks]) => l + marks.join('')).join('');
      expect(foldForSearch(marked)).toBe(foldForSearch(plain));
      expect(foldForSearch(marked.normalize('NFC'))).toBe(foldForSearch(plain));
    });
  });

  it('removes every kind of apostrophe and quote wherever it is put', () => {
    property(fc.tuple(nameLike, fc.nat(), fc.constantFrom(...QUOTE_MARKS)), ([text, at, quote]) => {
      const i = at % (text.length + 1);
      expect(foldForSearch(text.slice(0, i) + quote + text.slice(i))).toBe(foldForSearch(text));
    });
  });

  it('treats hyphens, dashes and runs of spaces between words as one space', () => {
    property(fc.tuple(words, fc.array(fc.constantFrom(...SEPARATORS), { minLength: 5, maxLength: 5 })), ([ws, seps]) => {
      const spaced = ws.join(' ');
      const mixed = ws.map((w, i) => (i === 0 ? w : `${seps[i % seps.length] ?? ' '}${w}`)).join('');
      expect(foldForSearch(` ${mixed} `)).toBe(foldForSearch(spaced));
    });
  });

  it('reads "St", "St." and "Saint" as the same word, in any case', () => {
    property(fc.tuple(words, fc.constantFrom('St', 'st', 'St.', 'ST.', 'Saint', 'SAINT', 'saint')), ([ws, saint]) => {
      expect(foldForSearch(`${saint} ${ws.join(' ')}`)).toBe(foldForSearch(`St ${ws.join(' ')}`));
    });
  });
});

describe('matching a query, as the register’s search does', () => {
  it('"st peters" finds St Peter’s, "cafe" finds Café, and every word narrows', () => {
    const names = ['St Peter’s CE Primary School', 'Café Learning Centre', 'Peterborough Academy', 'Priestley Primary', 'Saint Silas School'];
    const find = (query: string) => filterBySearch(names, query, (n) => n);
    expect(find('st peters')).toEqual(['St Peter’s CE Primary School']);
    expect(find("St. Peter's")).toEqual(['St Peter’s CE Primary School']);
    expect(find('cafe')).toEqual(['Café Learning Centre']);
    expect(find('CAFÉ')).toEqual(['Café Learning Centre']);
    expect(find('st')).toEqual(['St Peter’s CE Primary School', 'Saint Silas School']);
    expect(find('saint')).toEqual(['St Peter’s CE Primary School', 'Saint Silas School']);
    expect(find('sain')).toEqual(['St Peter’s CE Primary School', 'Saint Silas School']);
    expect(find('peter')).toEqual(['St Peter’s CE Primary School', 'Peterborough Academy']);
    expect(find('p')).toEqual(['St Peter’s CE Primary School', 'Peterborough Academy', 'Priestley Primary']);
    expect(find('’')).toEqual(names);
  });

  it('one or two letters match the start of a word, three or more anywhere', () => {
    expect(matchesSearch('Priestley Primary', 'st')).toBe(false);
    expect(matchesSearch('Priestley Primary', 'est')).toBe(true);
    expect(searchTerms('a st peters')).toEqual([[{ text: 'a', atWordStart: true }], [{ text: 'st', atWordStart: true }], [{ text: 'peters', atWordStart: false }]]);
  });

  it('finds any name by any of its words typed in any case, with or without accents and apostrophes', () => {
    property(fc.tuple(nameLike, fc.nat()), ([name, pick]) => {
      const typed = foldForSearch(name).split(' ').filter(Boolean);
      fc.pre(typed.length > 0);
      const wordTyped = typed[pick % typed.length] ?? '';
      expect(matchesSearch(name, wordTyped.toUpperCase())).toBe(true);
      expect(matchesSearch(name, name)).toBe(true);
    });
  });
});
